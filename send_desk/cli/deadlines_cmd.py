"""`send-desk deadlines`: what is overdue, due today and due soon, over the local store.

Ordered by statutory risk (see :mod:`send_desk.services.deadlines`): overdue first,
then due today, then the next working days; within each, looked-after children,
children in a phase transfer and children moving in first.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from send_desk.cli.common import CliError, add_json_flag, print_json

if TYPE_CHECKING:
    from send_desk.storage.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "deadlines",
        help="statutory deadlines overdue, due today and due soon, most at risk first",
        description=(
            "Open statutory tasks from the local store: overdue, due today and due in the "
            "next 10 working days (--within), most at risk first: looked-after children, "
            "phase transfers and children moving in before others."
        ),
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to work from (default today)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--caseworker", metavar="NAME", help="user name or full name")
    who.add_argument("--team", metavar="NAME")
    p.add_argument(
        "--within",
        type=int,
        default=10,
        metavar="N",
        help="how many working days ahead to include (default 10)",
    )
    p.add_argument("--all", action="store_true", help="every open task, whatever its due date")
    p.add_argument("--local", action="store_true", help="also the council's local targets")
    add_json_flag(p)
    p.set_defaults(handler=cmd_deadlines)


def parse_today(text: str | None) -> date:
    from send_desk.timeutil import london_today, parse_iso_date

    try:
        return parse_iso_date(text) if text else london_today()
    except ValueError as error:
        raise CliError(f"--today: {error}") from None


def ensure_clock(store: Store, today: date, quiet: bool = False) -> None:
    """Bring the cached milestones up to date before reading them."""
    from send_desk.services import milestones

    with store.read() as session:
        if milestones.is_current(session, today=today):
            return
    if not quiet:
        print("… working out the statutory deadlines", file=sys.stderr)
    with store.write() as session:
        milestones.ensure_current(session, today=today)


def cmd_deadlines(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.deadlines import DeadlineQuery, deadlines, horizon
    from send_desk.services.organisation import find_team, find_user

    if args.within < 0:
        raise CliError("--within must be 0 or more working days")
    today = parse_today(args.today)
    with open_from(args) as store:
        ensure_clock(store, today, quiet=args.json)
        with store.read() as session:
            query = DeadlineQuery(
                caseworker_id=find_user(session, args.caseworker).id if args.caseworker else None,
                team_id=find_team(session, args.team).id if args.team else None,
                within=args.within,
                everything=args.all,
                include_local=args.local,
            )
            rows = deadlines(session, query, today=today)
    last = horizon(today, args.within)
    if args.json:
        print_json(
            {
                "today": today,
                "up_to": None if args.all else last,
                "deadlines": [_json_row(row) for row in rows],
            }
        )
    else:
        _print_table(rows, today, None if args.all else last)
    return 0


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key not in ("looked_after",)}


def _print_table(rows: list[dict[str, Any]], today: date, last: date | None) -> None:
    from send_desk.services.deadlines import SECTION_TITLES
    from send_desk.timeutil import uk_date

    scope = f"up to {uk_date(last)}" if last else "every open task"
    lines = [f"Statutory deadlines on {uk_date(today)} ({scope}), most at risk first", ""]
    if not rows:
        lines.append("Nothing is overdue or due in that time.")
    section = None
    for row in rows:
        if row["section"] != section:
            section = row["section"]
            count = sum(1 for r in rows if r["section"] == section)
            lines.append(f"{SECTION_TITLES[section]} ({count})")
        status = row["status_label"] + (" (proposed)" if row["proposed"] else "")
        status += " (local target)" if row["local"] else ""
        who = row["caseworker"] or "not allocated"
        team = f", {row['team']}" if row["team"] else ""
        lines.append(
            f"  {uk_date(row['due'])}  {row['days_left']:>5}  {status:<9}  "
            f"{row['child_name']} (…{row['child_id'][-8:]}) — {row['title']}  [{who}{team}]"
        )
        first = ", ".join(row["priority_reasons"])
        if first:
            lines.append(f"      First: {first}")
        lines.append(f"      {row['next_step']} [{row['source']}]")
    lines.append("")
    lines.append(f"{len(rows):,} deadlines")
    sys.stdout.write("\n".join(lines) + "\n")
