"""`send-desk demo`: build the synthetic demo caseload."""

from __future__ import annotations

import argparse
import sys

from send_desk.backend.labels import stage_label
from send_desk.cli.common import add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="create the store if needed and fill it with a demo caseload")
    p.add_argument(
        "--children", type=int, default=2000, metavar="N", help="how many (default 2000)"
    )
    p.add_argument("--seed", type=int, default=1, metavar="S", help="same seed, same caseload")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="date the events are placed around")
    p.add_argument(
        "--with-sen2-problems",
        action="store_true",
        help="leave a few SEN2 details unrecorded (sex, UPN, who asked, cease reason...) "
        "so `sen2 check` has something to show",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from send_desk.cli.common import CliError
    from send_desk.cli.unlock import open_or_create
    from send_desk.demo.generator import build_demo
    from send_desk.timeutil import london_today, parse_iso_date

    try:
        today = parse_iso_date(args.today) if args.today else london_today()
    except ValueError as error:
        raise CliError(str(error)) from None
    store, created = open_or_create(args)
    with store:
        progress = None if args.json else (lambda m: print(f"… {m}", file=sys.stderr))
        summary = build_demo(
            store,
            children=args.children,
            seed=args.seed,
            today=today,
            progress=progress,
            sen2_problems=args.with_sen2_problems,
        )
    summary["store"] = str(store.paths.root)
    summary["created_store"] = created
    if args.json:
        print_json(summary)
        return 0
    rows = summary["rows"]
    print(f"Demo caseload ready in {summary['store']}")
    print(
        f"  {rows['child']:,} children, {rows['family_member']:,} family members and contacts, "
        f"{rows['setting']:,} settings, {rows['case_event']:,} statutory events"
    )
    print(
        f"  {rows['app_user']:,} staff in 4 area teams; signed in as "
        f"{summary['signed_in_as']['name']} ({summary['signed_in_as']['username']})"
    )
    stages = ", ".join(
        f"{stage_label(name).lower()} {count:,}" for name, count in summary["stages"].items()
    )
    print(f"  stages: {stages}")
    if summary["sen2_problems"]:
        print(f"  SEN2 gaps left on purpose: {'; '.join(summary['sen2_problems'])}")
    wall, cpu = summary["seconds"], summary["cpu_seconds"]
    print(
        f"  built in {wall['total']} s (generate {wall['generate']}, write {wall['write']}, "
        f"deadlines {wall['deadlines']}; CPU {cpu['total']} s)"
    )
    return 0
