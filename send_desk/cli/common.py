"""Shared pieces of the command-line commands: errors, JSON output, --set parsing."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any
from uuid import UUID

# Exit statuses: 1 = the operation failed (environment, I/O), 2 = bad input or refused
# (wrong password, invalid value, unknown item). argparse also uses 2 for bad usage.
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """An error to show the user as one line, with an exit status."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(data: Any) -> str:
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def print_json(data: Any) -> None:
    sys.stdout.write(to_json(data) + "\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def parse_assignments(items: list[str] | None) -> dict[str, str]:
    """Turn repeated ``--set FIELD=VALUE`` options into a dict."""
    result: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"'{item}' is not FIELD=VALUE")
        result[name.strip()] = value
    return result
