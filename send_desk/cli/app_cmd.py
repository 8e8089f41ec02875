"""`send-desk` with no command: the desktop app; `--self-test` checks it starts."""

from __future__ import annotations

import argparse
import os

from send_desk.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, CliError

ENV_PASSWORD = "SEND_DESK_PASSWORD"


def run_app(args: argparse.Namespace) -> int:
    from send_desk.paths import data_paths

    paths = data_paths(args.data_dir)
    if args.self_test:
        return _self_test(paths)
    from send_desk.gui.app import run_gui

    return run_gui(paths)


def _self_test(paths: object) -> int:
    password = os.environ.get(ENV_PASSWORD)
    if not password:
        raise CliError(f"--self-test needs the store's password in {ENV_PASSWORD}", EXIT_BAD_INPUT)
    # No screen is needed: draw offscreen unless the caller chose a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from send_desk.backend import StoreProblem, WrongPassword
    from send_desk.gui.app import self_test

    try:
        return self_test(paths, password)  # type: ignore[arg-type]
    except WrongPassword:
        raise CliError("self-test: wrong password", EXIT_BAD_INPUT) from None
    except StoreProblem as error:
        raise CliError(f"self-test: {error.message}", EXIT_FAILED) from None
