"""`send-desk caseload import`: a team's caseload spreadsheet (CSV or XLSX) into the store.

All rows or none: every problem is listed with its row and column and nothing is
imported until none is left. A row naming a school only an administrator may add (on a
laptop linked to a central store) is left out and named; the others are imported.
``--dry-run`` shows what would be created. See :mod:`send_desk.imports.caseload_import`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from send_desk.cli.common import EXIT_BAD_INPUT, CliError, add_json_flag, print_json, shown


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("caseload", help="move a caseload in from a spreadsheet")
    actions = group.add_subparsers(dest="caseload_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "import",
        help="import children, settings, allocations, plan and review dates from CSV or XLSX",
    )
    p.add_argument("file", metavar="FILE.csv|FILE.xlsx", help="the spreadsheet (header row first)")
    p.add_argument(
        "--map",
        action="append",
        metavar="COLUMN=FIELD",
        help="take a column as a field (or 'ignore' it) when its heading is not recognised",
    )
    p.add_argument("--team", metavar="NAME", help="caseworkers must be in this team")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="check and show what would be created; change nothing",
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from send_desk.cli.common import parse_assignments
    from send_desk.cli.unlock import open_from
    from send_desk.imports.caseload_import import import_caseload
    from send_desk.timeutil import london_today, parse_iso_date

    try:
        today = parse_iso_date(args.today) if args.today else london_today()
    except ValueError as error:
        raise CliError(f"--today: {error}") from None
    overrides = parse_assignments(args.map)
    with open_from(args) as store:
        result = import_caseload(
            store,
            Path(args.file),
            overrides=overrides,
            team=args.team,
            dry_run=args.dry_run,
            today=today,
        )
    if args.json:
        print_json(result.as_json())
    else:
        _print(result)
    return EXIT_BAD_INPUT if result.problems else 0


def _print(result: Any) -> None:
    if result.mapping:
        print("Columns:")
        for column in result.mapping:
            taken = column.field if column.field != "ignore" else "(ignored)"
            print(f"  {shown(column.heading):28} -> {taken:15} {column.how}")
    for existing in result.existing:
        which = (
            f"UPN {existing['upn']}" if existing["upn"] else "a child of that name and birth date"
        )
        print(f"Row {existing['row']}: {which} is already in the store; left as it is")
    for problem in result.left_out:
        print(f"Left out, {shown(str(problem))}")
    if result.problems:
        print(f"{len(result.problems)} problem(s); nothing was imported:")
        for problem in result.problems:
            print(f"  {shown(str(problem))}")
        return
    verb = "Would create" if result.dry_run else "Created"
    new_settings = len(result.settings_created)
    print(
        f"{verb} {result.children} children, {result.allocations} allocation(s) and "
        f"{result.events} case event(s) from {result.rows} row(s); settings: "
        f"{new_settings} new, {result.settings_matched} already recorded"
    )
    for name in result.settings_created:
        print(f"  new setting: {shown(name)}")
    if result.left_out:
        rows = "row was" if len(result.left_out) == 1 else "rows were"
        done = "would be" if result.dry_run else "were"
        print(f"{len(result.left_out)} {rows} left out (see above); the others {done} imported")
    if result.dry_run:
        print("Dry run: nothing was changed")
