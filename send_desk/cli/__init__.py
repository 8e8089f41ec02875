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
    "deadlines_cmd",
    "report_cmd",
    "calendar_cmd",
    "note_cmds",
    "plan_cmds",
    "supervision_cmds",
    "plan_audit_cmds",
    "letters_cmds",
    "search_cmd",
    "sync_cmds",
    "server_cmds",
    "bench_cmd",
    "sen2_cmds",
    "caseload_cmds",
    "doc_cmds",
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


def _known_error(error: Exception) -> CliError | None:
    """Errors that come from the user's input or environment, as one line each."""
    from send_desk.cli.common import EXIT_BAD_INPUT, EXIT_FAILED
    from send_desk.security.keys import KeyFileError, WrongPassword
    from send_desk.services.errors import ServiceError
    from send_desk.storage.errors import NotAStore, StoreError, StoreMissing

    if isinstance(error, WrongPassword):
        return CliError("wrong password", EXIT_BAD_INPUT)
    if isinstance(error, ServiceError):
        return CliError(error.message, EXIT_BAD_INPUT)
    if isinstance(error, NotAStore | StoreMissing | KeyFileError):
        return CliError(str(error), EXIT_BAD_INPUT)
    if isinstance(error, StoreError):
        return CliError(str(error), EXIT_FAILED)
    return None


def _report_bug(args: argparse.Namespace, error: Exception) -> int:
    """A bug: the details go to the log file, the user gets one line and where to look."""
    import os
    import traceback

    from send_desk.paths import data_paths
    from send_desk.security.private_log import write_bug_report

    if os.environ.get("SEND_DESK_DEBUG"):
        raise error
    where = "standard error"
    try:
        # the log keeps where it happened and the ids, never the messages (personal data)
        logs = data_paths(getattr(args, "data_dir", None)).logs
        where = str(write_bug_report(logs, getattr(args, "command", None), error))
    except OSError:
        sys.stderr.write("".join(traceback.format_exception(error)))
    print(
        f"send-desk: something went wrong inside SEND Desk; details are in {where}", file=sys.stderr
    )
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    from send_desk.cli.common import guard_terminal

    guard_terminal()
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
    except Exception as error:  # noqa: BLE001 - the one place bugs are caught, logged and reported
        known = _known_error(error)
        if known is None:
            return _report_bug(args, error)
        print(f"send-desk: {known.message}", file=sys.stderr)
        return known.exit_code
    except KeyboardInterrupt:
        print("send-desk: stopped", file=sys.stderr)
        return 130
