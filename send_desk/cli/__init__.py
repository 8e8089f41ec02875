"""The ``send-desk`` command.

Each command group lives in its own module with a ``register(subparsers)`` function;
handlers import what they need lazily so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from send_desk import __version__
from send_desk.cli.common import CliError

# Modules under send_desk.cli that add commands, in the order of `--help`.
COMMAND_MODULES = (
    "store_cmds",
    "demo_cmd",
    "child_cmds",
    "timeline_cmd",
)

log = logging.getLogger("send_desk")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="send-desk",
        description="SEND Desk: EHC casework, statutory deadlines and case notes.",
    )
    parser.add_argument("--version", action="version", version=f"send-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the local store (default: $SEND_DESK_HOME or the user data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the store, show the main window with the caseload, report timings, exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"send_desk.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from send_desk.cli.app_cmd import run_app

            return run_app(args)
        result: int = handler(args)
        return result
    except CliError as error:
        print(f"send-desk: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("send-desk: stopped", file=sys.stderr)
        return 130
