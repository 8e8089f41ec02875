"""`send-desk report`: compliance figures for a period, per team and per caseworker.

The statutory figures and how each is counted are in :mod:`send_desk.reports.compliance`;
correspondence, complaints and callbacks in :mod:`send_desk.reports.service_figures`.
``--csv`` and ``--xlsx`` write them to files (:mod:`send_desk.reports.exports`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from send_desk.cli.common import EXIT_FAILED, CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="compliance figures for a period: 20 weeks, 6 weeks, reviews, phase transfers; "
        "correspondence, complaints and callbacks",
    )
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.add_argument("--csv", metavar="PATH", help="also write the figures, one a row, as CSV")
    p.add_argument(
        "--xlsx", metavar="PATH", help="also write an Excel workbook: a sheet a table, with details"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from send_desk.cli.deadlines_cmd import ensure_clock, parse_today
    from send_desk.cli.unlock import open_from
    from send_desk.reports.service_figures import full_report
    from send_desk.services.standards import standards_for
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
        standards = standards_for(store.paths.root)
        with store.read() as session:
            report = full_report(session, start, end, today=today, standards=standards)
            if args.xlsx:
                from send_desk.reports.service_figures import open_deadlines

                # the report's one date: the deadlines open when its figures stop
                deadlines = open_deadlines(session, today=today, as_of=report["as_of"])
    if args.csv or args.xlsx:
        _write_files(args, report, standards, deadlines if args.xlsx else [])
    if args.json:
        print_json(report)
    else:
        _print(report)
    return 0


def _write_files(
    args: argparse.Namespace, report: dict[str, Any], standards: Any, deadlines: list[Any]
) -> None:
    from send_desk.reports.exports import (
        ExportFailed,
        deadlines_table,
        report_tables,
        write_csv,
        write_xlsx,
    )
    from send_desk.reports.service_figures import about_rows

    try:
        if args.csv:
            written = write_csv(report, args.csv)
            print(f"wrote {written}", file=sys.stderr)
        if args.xlsx:
            tables = [*report_tables(report), deadlines_table(deadlines, as_of=report["as_of"])]
            written = write_xlsx(tables, args.xlsx, about=about_rows(report, standards))
            print(f"wrote {written}", file=sys.stderr)
    except ExportFailed as error:
        raise CliError(error.message, EXIT_FAILED) from None


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
    from send_desk.textsafe import strip_control
    from send_desk.timeutil import uk_date

    lines = [
        f"Compliance from {uk_date(report['from'])} to {uk_date(report['to'])} "
        f"(position on {uk_date(report['as_of'])})",
        "",
        "Service",
        *_figure_lines(report["figures"], "  "),
    ]
    if "plans_in_force" in report:
        in_force = report["plans_in_force"]
        lines.append(f"  Plans in force on {uk_date(in_force['on'])}: {in_force['count']:,}")
    for team in report["teams"]:
        lines += ["", f"Team: {team['team']}", *_figure_lines(team["figures"], "  ")]
    lines += ["", "Per caseworker"]
    for worker in report["caseworkers"]:
        lines.append(f"  {worker['caseworker']} ({worker['team']})")
        lines += _figure_lines(worker["figures"], "    ")
    lines += _service_lines(report)
    # names come from records: an escape sequence in one must not reach the terminal
    sys.stdout.write(strip_control("\n".join(lines)) + "\n")


def _service_lines(report: dict[str, Any]) -> list[str]:
    """Correspondence, complaints and callbacks, as the text report shows them."""
    corr, complaints, callbacks = (
        report.get(key) for key in ("correspondence", "complaints", "callbacks")
    )
    lines: list[str] = []
    if corr:
        totals = corr["totals"]
        lines += [
            "",
            "Correspondence (week commencing: received, completed, in time; ongoing, overdue "
            "at the end of the week)",
        ]
        for week in corr["weeks"]:
            lines.append(
                f"  {week['label']}  {week['received']:>5,} {week['completed']:>5,} "
                f"{_percent(week['completed_in_time'])}   {week['ongoing']:>5,} "
                f"{week['overdue']['numerator']:>5,}"
            )
        lines += _figure_lines(
            {"in_time": totals["completed_in_time"], "overdue": totals["overdue"]}, "  "
        )
        for item in corr["overdue_items"][:20]:
            lines.append(
                f"    overdue {item['days_overdue']:>3} days: {item['child_name']}, "
                f"{item['channel_label'].lower()} from {item['correspondent']} "
                f"(due {item['due']:%d/%m/%Y}, {item['caseworker']})"
            )
        if len(corr["overdue_items"]) > 20:
            lines.append(f"    … and {len(corr['overdue_items']) - 20:,} more (see --xlsx)")
    if complaints:
        lines += ["", "Complaints (month: received, closed, closed within the SLA)"]
        for month in complaints["months"]:
            lines.append(
                f"  {month['label']:<15} {month['received']:>5,} {month['closed']:>5,} "
                f"{_percent(month['within_sla'])}"
            )
        causes = ", ".join(
            f"{cause['label']} {cause['count']}" for cause in complaints["root_causes"]
        )
        lines.append(f"  Root causes: {causes}")
        lines.append(
            f"  Referred to the Ombudsman: {complaints['totals']['ombudsman_referrals']:,}"
        )
    if callbacks:
        totals = callbacks["totals"]
        lines += [
            "",
            f"Callbacks: {totals['booked']:,} booked, {totals['made']:,} made, "
            f"{totals['missed']:,} missed, {totals['via_duty']:,} with the duty officer",
        ]
    return lines
