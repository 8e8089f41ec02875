"""Shared pieces of the command-line commands: errors, JSON output, --set parsing."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any, TextIO
from uuid import UUID

from send_desk.textsafe import has_control

# Exit statuses: 1 = the operation failed (environment, I/O), 2 = bad input or refused
# (wrong password, invalid value, unknown item). argparse also uses 2 for bad usage.
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def _code(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def shown(text: str, keep: str = "\n\t\r") -> str:
    """``text`` as it may be printed on a terminal: a control character (an escape that
    clears the screen, a right-to-left override) appears as its code, ``\\x1b``; the
    characters in ``keep`` (line breaks, tabs, the carriage return of a progress line)
    are printed as they are."""
    if not has_control(text):
        return text
    return "".join(
        char if char in keep or not has_control(char) else _code(char) for char in text
    )


class TerminalGuard:
    """A terminal stream that never receives a raw control character: a value that
    slipped into a record (an old sync) or an error message echoing what was typed is
    shown, not obeyed. Only terminals are wrapped: piped output stays byte for byte."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(shown(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_terminal() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        isatty = getattr(stream, "isatty", None)
        if not isinstance(stream, TerminalGuard) and isatty is not None and isatty():
            setattr(sys, name, TerminalGuard(stream))


class CliError(Exception):
    """An error to show the user as one line, with an exit status."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.message = shown(message, keep="\n\t")  # it may echo a value as typed
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
    text = json.dumps(data, default=_default, ensure_ascii=False, indent=2)
    # JSON escapes C0 controls itself; DEL, C1 and the bidirectional overrides are
    # escaped too (\\u009b), which any JSON reader turns back into the same text
    if has_control(text, multiline=True):
        text = "".join(
            f"\\u{ord(c):04x}" if has_control(c, multiline=True) else c for c in text
        )
    return text


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


# (applies, passed, what is checked, the message when it is not met)
ChecklistLine = tuple[bool, bool, str, str]


def print_checklist(lines: list[ChecklistLine], passed: int, applicable: int) -> None:
    """A checker's result as text, one criterion a line (notes, plans): the same layout
    for every checklist a caseworker reads in a terminal."""
    out = []
    for applies, met, what, message in lines:
        mark = "  n/a " if not applies else "  ok  " if met else "  FAIL"
        out.append(f"{mark}  {what}")
        if applies and not met:
            out.append(f"         {message}")
    out.append(f"{passed} of {applicable} applicable criteria met")
    sys.stdout.write("\n".join(out) + "\n")
