"""`send-desk report`: compliance figures for a period, per team and per caseworker.

The figures and how each is counted are in :mod:`send_desk.reports.compliance`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from send_desk.cli.common import CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="compliance figures for a period: 20 weeks, 6 weeks, reviews, phase transfers",
    )
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from send_desk.cli.deadlines_cmd import ensure_clock, parse_today
    from send_desk.cli.unlock import open_from
    from send_desk.reports.compliance import compliance_report
    from send_desk.timeutil import parse_iso_date

    try:
        start = parse_iso_date(args.start)
        end = parse_iso_date(args.end)
    except ValueError as error:
        raise CliError(f"--from/--to: {error}") from None
    if end < start:
        raise CliError("--to is before --from: the period must end on or after its start")
    today = parse_today(args.today)
    with open_from(args) as store:
        ensure_clock(store, today, quiet=args.json)
        with store.read() as session:
            report = compliance_report(session, start, end, today=today)
    if args.json:
        print_json(report)
    else:
        _print(report)
    return 0


def _percent(figure: dict[str, Any]) -> str:
    if figure["percent"] is None:
        return "   –  "
    return f"{figure['percent']:5.1f}%"


def _figure_lines(figures: dict[str, Any], indent: str) -> list[str]:
    return [
        f"{indent}{_percent(f)}  {f['numerator']:>6,} of {f['denominator']:<6,}  {f['title']}"
        for f in figures.values()
    ]


def _print(report: dict[str, Any]) -> None:
    from send_desk.timeutil import uk_date

    lines = [
        f"Compliance from {uk_date(report['from'])} to {uk_date(report['to'])} "
        f"(position on {uk_date(report['as_of'])})",
        "",
        "Service",
        *_figure_lines(report["figures"], "  "),
    ]
    for team in report["teams"]:
        lines += ["", f"Team: {team['team']}", *_figure_lines(team["figures"], "  ")]
    lines += ["", "Per caseworker"]
    for worker in report["caseworkers"]:
        lines.append(f"  {worker['caseworker']} ({worker['team']})")
        lines += _figure_lines(worker["figures"], "    ")
    sys.stdout.write("\n".join(lines) + "\n")
