"""`send-desk calendar --out FILE.ics [--caseworker NAME]`: review meetings, callbacks
and deadlines as an iCalendar file that Outlook, Google and Apple calendars open.

What goes in it is described in :mod:`send_desk.reports.calendar`; importing a later
export again updates the events instead of adding them twice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from send_desk.cli.common import EXIT_FAILED, CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "calendar",
        help="review meetings, callbacks and deadlines as an .ics calendar file (Outlook)",
        description=(
            "Write review meetings, booked callbacks, statutory deadlines, correspondence "
            "replies due and complaint responses due to an iCalendar (.ics) file."
        ),
    )
    p.add_argument("--out", required=True, metavar="FILE.ics", help="the file to write")
    p.add_argument(
        "--caseworker",
        metavar="NAME",
        help="only this caseworker's children and callbacks (user name or full name)",
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to work from (default today)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_calendar)


def cmd_calendar(args: argparse.Namespace) -> int:
    from collections import Counter

    from send_desk.cli.deadlines_cmd import ensure_clock, parse_today
    from send_desk.cli.unlock import open_from
    from send_desk.reports.calendar import calendar_events
    from send_desk.reports.exports import ExportFailed, write_ics
    from send_desk.services.organisation import find_user

    today = parse_today(args.today)
    with open_from(args) as store:
        ensure_clock(store, today, quiet=args.json)
        with store.read() as session:
            user = find_user(session, args.caseworker) if args.caseworker else None
            events = calendar_events(session, today=today, caseworker_id=user.id if user else None)
    name = f"SEND Desk – {user.display_name}" if user else "SEND Desk – everyone"
    try:
        written = write_ics(events, Path(args.out), name=name)
    except ExportFailed as error:
        raise CliError(error.message, EXIT_FAILED) from None
    counts = Counter(event.category for event in events)
    if args.json:
        print_json({"path": str(written), "events": len(events), "by_category": dict(counts)})
    else:
        parts = ", ".join(f"{count:,} {category.lower()}" for category, count in counts.items())
        sys.stdout.write(f"wrote {written}: {len(events):,} events ({parts or 'none'})\n")
    return 0
