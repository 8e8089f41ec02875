"""`send-desk` with no command: the desktop app (until it exists, a caseload summary)."""

from __future__ import annotations

import argparse

from send_desk.cli.common import CliError


def run_app(args: argparse.Namespace) -> int:
    if args.self_test:
        raise CliError("--self-test needs the desktop app, which is not built yet", 1)
    from send_desk.cli.unlock import open_from
    from send_desk.services.stats import store_stats

    with open_from(args) as store, store.read() as session:
        stats = store_stats(session)
    print(f"SEND Desk store {store.paths.root}")
    for team in stats["teams"]:
        print(f"  {team['team']:8} {team['children']:>7,} children, {team['caseworkers']} caseworkers")
    print("The desktop window is not built yet; try `send-desk child list`.")
    return 0
