"""`send-desk timeline FILE|-`: the statutory clock on a JSON document of events.

Input and output are those of ``shared/reference/statutory-clock-contract.md``. A bad
document (not JSON, not the contract's shape, an unknown event type, an impossible
date, a missing field) exits with status 2 and one message on standard error naming
the item, and prints nothing on standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.cli.common import CliError, add_json_flag, print_json

if TYPE_CHECKING:
    from send_desk.timescales import Timeline

_DOCUMENT_KEYS = ("today", "child", "events")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "timeline",
        help="statutory deadlines of one case from a JSON document of events",
        description=(
            "Compute the statutory milestones of one case. FILE (or - for standard "
            'input) holds {"today": ..., "child": {...}, "events": [...]} as in the '
            "statutory clock contract."
        ),
    )
    p.add_argument("file", metavar="FILE", help="JSON document, or - to read standard input")
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the date to compute on (default: the document's 'today', else today in London)",
    )
    p.add_argument(
        "--local",
        action="store_true",
        help="also show the council's local targets (not statutory time limits)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_timeline)


def _read_document(name: str) -> Any:
    if name == "-":
        text = sys.stdin.read()
        where = "standard input"
    else:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CliError(f"{name}: no such file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CliError(f"{name}: cannot be read ({error})") from None
        where = name
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CliError(
            f"{where} is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None


def cmd_timeline(args: argparse.Namespace) -> int:
    from send_desk.timescales import compute_timeline
    from send_desk.timescales.events import EventError, parse_child, parse_date, parse_events
    from send_desk.timescales.milestones import EventWarning
    from send_desk.timeutil import london_today

    document = _read_document(args.file)
    if not isinstance(document, Mapping):
        raise CliError(
            'the document must be a JSON object such as {"today": "2026-03-01", '
            '"child": {...}, "events": [...]}'
        )
    if "events" not in document:
        raise CliError("the document has no 'events' (a list of events)")
    try:
        events = parse_events(document["events"])
    except EventError as error:
        raise CliError(str(error)) from None
    try:
        child, unused_child = parse_child(document.get("child"))
    except ValueError as error:
        raise CliError(str(error)) from None

    today: date
    try:
        if args.today is not None:
            today = parse_date(args.today, "--today:")
        elif document.get("today") is not None:
            today = parse_date(document["today"], "today:")
        else:
            today = london_today()
    except ValueError as error:
        raise CliError(str(error)) from None

    timeline = compute_timeline(events, today, child, include_local=args.local)
    ignored = [f"'{key}'" for key in document if key not in _DOCUMENT_KEYS]
    ignored += [f"'child.{key}'" for key in unused_child]
    if ignored:
        timeline.warnings.insert(
            0, EventWarning(None, f"not used: {', '.join(ignored)}", "ignored_field")
        )

    if args.json:
        print_json(timeline.to_json())
    else:
        _print_table(timeline)
    return 0


def _print_table(timeline: Timeline) -> None:
    from send_desk.timeutil import uk_date

    lines = [f"Statutory timeline on {uk_date(timeline.today)}", ""]
    if not timeline.milestones:
        lines.append("No milestones: the events given start no statutory time limit.")
    else:
        rows = [("Due", "Milestone", "Status", "Done", "Days left")]
        for m in timeline.milestones:
            name = m.id + (" (proposed)" if m.proposed else "") + (" (local)" if m.local else "")
            rows.append((uk_date(m.due), name, m.status, uk_date(m.done), str(m.days_left)))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for n, row in enumerate(rows):
            cells = [row[i].ljust(widths[i]) for i in range(4)]
            lines.append("  ".join([*cells, row[4].rjust(9)]).rstrip())
            if n:
                m = timeline.milestones[n - 1]
                lines.append(f"    {m.next_step} [{m.source}]")
    if timeline.warnings:
        lines += ["", "Warnings:"]
        for warning in timeline.warnings:
            where = f"events[{warning.event_index}]: " if warning.event_index is not None else ""
            lines.append(f"  {where}{warning.message}")
    sys.stdout.write("\n".join(lines) + "\n")
