"""`send-desk sen2 check|export|import`: the DfE's SEN2 return for a census date.

``check`` builds the return in memory and lists every problem (exit 1 when any is an
error: COLLECT would refuse the file); ``export`` writes the XML and prints the counts
per module with the same problems; ``import`` loads a SEN2 file (2023-2026) into the
store, all of it or nothing (exit 1 when refused for problems, 2 when the file cannot
be read). See :mod:`send_desk.sen2`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from send_desk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    CliError,
    add_json_flag,
    print_json,
    shown,
)

OFFICER_CODES = ("Y", "N", "R")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("sen2", help="the SEN2 return: check it, export it as XML")
    actions = group.add_subparsers(dest="sen2_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "check", help="list every problem in the return for a census date (errors and queries)"
    )
    _common(p)
    p.set_defaults(handler=cmd_check)
    p = actions.add_parser("export", help="write the SEN2 XML for a census date")
    _common(p)
    p.add_argument("--out", required=True, metavar="FILE.xml", help="the file to write")
    p.set_defaults(handler=cmd_export)
    p = actions.add_parser(
        "import", help="load a SEN2 file (2023-2026) into the store: every person or none"
    )
    p.add_argument("file", metavar="FILE.xml", help="the SEN2 XML file")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be created and every problem"
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--census", required=True, metavar="YYYY-MM-DD", help="the census date")
    p.add_argument("--la", metavar="NNN", help="the council's three-digit LA number")
    for officer, what in (
        ("dmo", "a Designated Medical Officer"),
        ("dco", "a Designated Clinical Officer"),
        ("dsco", "a Designated Social Care Officer"),
    ):
        p.add_argument(
            f"--{officer}",
            choices=OFFICER_CODES,
            help=f"whether the council has {what}: Y, N or R (recruiting)",
        )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)


def _options(args: argparse.Namespace) -> Any:
    from send_desk.sen2.export import Options
    from send_desk.timeutil import parse_iso_date

    try:
        census = parse_iso_date(args.census)
    except ValueError as error:
        raise CliError(f"--census: {error}") from None
    if args.la is not None and not (len(args.la) == 3 and args.la.isdigit()):
        raise CliError(f"--la: '{shown(args.la)}' is not an LA number (three digits, e.g. 886)")
    return Options(census, la=args.la, dmo=args.dmo, dco=args.dco, dsco=args.dsco)


def _build(args: argparse.Namespace) -> tuple[Any, list[Any]]:
    from send_desk.cli.deadlines_cmd import ensure_clock, parse_today
    from send_desk.cli.unlock import open_from
    from send_desk.sen2.checks import check_return
    from send_desk.sen2.export import build_return
    from send_desk.timeutil import utcnow

    options = _options(args)
    today = parse_today(args.today)
    with open_from(args) as store:
        # the phase-transfer dates come from the clock's cached milestones
        ensure_clock(store, today, quiet=args.json)
        with store.read() as session:
            sen2 = build_return(session, options, now=_local(utcnow()))
    return sen2, check_return(sen2)


def _local(now: datetime) -> datetime:
    """The file's DateTime, as the council's clock shows it (no zone in SEN2)."""
    from send_desk.timeutil import LONDON

    return now.astimezone(LONDON).replace(tzinfo=None)


def cmd_check(args: argparse.Namespace) -> int:
    sen2, problems = _build(args)
    if args.json:
        print_json(_summary(sen2, problems))
    else:
        _print(sen2, problems)
    return EXIT_FAILED if any(p.severity == "error" for p in problems) else 0


def cmd_export(args: argparse.Namespace) -> int:
    from send_desk.sen2.export import write_xml

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"--out: the folder {shown(str(out.parent))} does not exist")
    if out.is_dir():
        raise CliError(f"--out: {shown(str(out))} is a folder; give a file name")
    sen2, problems = _build(args)
    try:
        write_xml(sen2, out)
    except OSError as error:
        message = f"could not write {shown(str(out))}: {error.strerror}"
        raise CliError(message, EXIT_FAILED) from None
    summary = {"file": str(out), **_summary(sen2, problems)}
    if args.json:
        print_json(summary)
    else:
        print(f"Wrote {shown(str(out))}")
        _print(sen2, problems)
    return 0


def _summary(sen2: Any, problems: list[Any]) -> dict[str, Any]:
    header = sen2.header
    return {
        "census": header.reference_date.isoformat(),
        "year": header.year,
        "period": [date(header.year - 1, 1, 1).isoformat(), header.reference_date.isoformat()],
        "la": header.la,
        "counts": sen2.counts(),
        "errors": sum(1 for p in problems if p.severity == "error"),
        "queries": sum(1 for p in problems if p.severity == "query"),
        "problems": [p.as_json() for p in problems],
    }


def _print(sen2: Any, problems: list[Any]) -> None:
    counts = sen2.counts()
    print(f"SEN2 {sen2.header.year}, census {sen2.header.reference_date.strftime('%d/%m/%Y')}")
    for name, count in counts.items():
        print(f"  {name.replace('_', ' '):24} {count:6}")
    errors = sum(1 for p in problems if p.severity == "error")
    print(f"{errors} error(s), {len(problems) - errors} query(ies)")
    for p in problems:
        print(f"  {p.severity:5}  {p.rule:18} {shown(p.message)}")


def cmd_import(args: argparse.Namespace) -> int:
    from send_desk.cli.deadlines_cmd import parse_today
    from send_desk.cli.unlock import open_from
    from send_desk.sen2.importer import import_sen2
    from send_desk.sen2.reader import Unreadable

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"there is no file {shown(str(path))}", EXIT_BAD_INPUT)
    today = parse_today(args.today)

    def progress(done: int) -> None:
        print(f"… {done:,} people read", file=sys.stderr)

    try:
        with open_from(args) as store:
            result = import_sen2(store, path, dry_run=args.dry_run, today=today,
                                 progress=progress)  # fmt: skip
    except Unreadable as error:
        raise CliError(str(error), EXIT_BAD_INPUT) from None
    if args.json:
        print_json(result.as_json())
    else:
        _print_import(result)
    return EXIT_FAILED if result.problems else 0


def _print_import(result: Any) -> None:
    created = ", ".join(f"{n} {name}" for name, n in result.created.items())
    if result.problems:
        print(f"{len(result.problems)} problem(s); nothing was imported:")
        for problem in result.problems:
            print(f"  {shown(str(problem))}")
    elif result.dry_run:
        print(f"Dry run: {result.persons} people read; would create {created}")
    else:
        print(f"Imported {result.persons - len(result.matched)} people: {created}")
    if result.matched:
        print(f"{len(result.matched)} already in the store (left as they are):")
        for match in result.matched:
            upn = f"UPN {match['upn']}" if match["upn"] else "same names and date of birth"
            print(f"  line {match['line']}: {upn}")
    for note in result.notes:
        print(f"  note: {shown(str(note))}")
