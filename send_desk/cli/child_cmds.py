"""`send-desk child ...` and `send-desk event add`."""

from __future__ import annotations

import argparse
from typing import Any

from send_desk.cli.common import CliError, add_json_flag, parse_assignments, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    child = sub.add_parser("child", help="list, show, add and update children")
    child_sub = child.add_subparsers(dest="child_command", metavar="ACTION", required=True)

    p = child_sub.add_parser("list", help="children with team, caseworker, year group and stage")
    p.add_argument("--team", metavar="NAME")
    p.add_argument("--caseworker", metavar="NAME", help="user name or full name")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = child_sub.add_parser("show", help="one child with family, settings, allocations, events")
    p.add_argument("id", metavar="ID", help="child id (or a unique start of it, or a UPN)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = child_sub.add_parser("add", help="add a child: --set first_name=... --set ...")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE", dest="assignments")
    add_json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = child_sub.add_parser("update", help="change fields of a child")
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--set", action="append", metavar="FIELD=VALUE", dest="assignments", required=True
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_update)

    event = sub.add_parser("event", help="record statutory events")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    p = event_sub.add_parser("add", help="record an event on a child's case")
    p.add_argument("--child", required=True, metavar="ID")
    p.add_argument("--type", required=True, metavar="TYPE")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument(
        "--set",
        action="append",
        metavar="FIELD=VALUE",
        dest="assignments",
        help="extra fields, e.g. outcome=assess or from=health",
    )
    p.add_argument("--evidence", metavar="TEXT", help="evidence attached to the event")
    p.add_argument(
        "--confirm-dates",
        action="store_true",
        help="record an event dated before the event it follows (history from before them)",
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_event_add)

    p = event_sub.add_parser(
        "correct", help="correct an event recorded wrongly: a new version, with the reason"
    )
    p.add_argument("event_id", metavar="EVENT_ID", help="the event's id (or 8+ characters of it)")
    p.add_argument(
        "--set",
        action="append",
        metavar="FIELD=VALUE",
        dest="assignments",
        required=True,
        help="date=YYYY-MM-DD, evidence=TEXT or one of the event's fields (outcome=assess)",
    )
    p.add_argument("--reason", required=True, metavar="TEXT", help="why it is corrected")
    p.add_argument("--confirm-dates", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_event_correct)

    p = event_sub.add_parser(
        "withdraw", help="withdraw an event recorded by mistake (kept, marked, not counted)"
    )
    p.add_argument("event_id", metavar="EVENT_ID", help="the event's id (or 8+ characters of it)")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why it is withdrawn")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_event_withdraw)


def _nulls(assignments: dict[str, str]) -> dict[str, Any]:
    """An empty value clears a field."""
    return {k: (v if v != "" else None) for k, v in assignments.items()}


def cmd_list(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import list_children
    from send_desk.timeutil import london_today

    with open_from(args) as store, store.read() as session:
        rows = list_children(
            session, today=london_today(), team=args.team, caseworker=args.caseworker
        )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(
            f"{row['id']}  {row['name'][:28]:28}  {row['team'] or '-':6}  "
            f"{(row['caseworker'] or 'unallocated')[:22]:22}  {row['year_group_label']:10}  "
            f"{row['stage_label']}"
        )
    print(f"{len(rows):,} children")
    return 0


def _show_text(child: dict[str, Any]) -> str:
    from datetime import date

    from send_desk.backend.labels import (
        CONTACT_LABELS,
        RELATIONSHIP_LABELS,
        event_details,
        event_label,
    )
    from send_desk.quality.note import KIND_LABELS
    from send_desk.timeutil import uk_date

    dob = date.fromisoformat(child["date_of_birth"])
    lines = [
        f"{child['first_name']} {child['last_name']}  ({child['id']})",
        f"  Born {uk_date(dob)}, {child['year_group_label']}; stage: {child['stage_label']}",
        f"  Caseworker: {child['caseworker'] or 'not allocated'} ({child['team'] or '-'})",
    ]
    if child["current_setting"]:
        lines.append(f"  Setting: {child['current_setting']['name']}")
    if child["looked_after"]:
        lines.append(f"  Looked after; placing authority {child['placing_authority']}")
    for member in child["family"]:
        needs = [
            label
            for flag, label in (
                ("interpreter_needed", f"interpreter ({member['language']})"),
                ("independent_interpreter", "must be independent"),
                ("easy_read", "easy-read"),
                ("large_print", "large print"),
            )
            if member[flag]
        ]
        relationship = RELATIONSHIP_LABELS.get(member["relationship"], member["relationship"])
        contact = CONTACT_LABELS.get(member["preferred_contact"], member["preferred_contact"])
        lines.append(
            f"  {relationship}: {member['name']} — prefers {contact.lower()}"
            + (f"; NEEDS {', '.join(needs)}" if needs else "")
        )
    for event in child["events"]:
        when = uk_date(date.fromisoformat(event["date"]))
        mark = ""
        if event.get("withdrawn"):
            mark = f"  WITHDRAWN: {event.get('withdrawn_reason') or ''}"
        elif event.get("version", 1) > 1:
            mark = f"  (corrected, version {event['version']})"
        details = "; ".join(
            f"{label}: {value}" for label, value in event_details(event["type"], event["details"])
        )
        lines.append(
            f"  {when}  {event_label(event['type'])}{' — ' + details if details else ''}{mark}"
        )
    for note in child.get("notes", []):
        lines.append(
            f"  Note …{note['note_id'][-12:]}  {KIND_LABELS.get(note['kind'], note['kind'])}  "
            f"v{note['version']}  "
            f"{note['checklist_passed']}/{note['checklist_applicable']}  {note['summary']}"
        )
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import child_detail, resolve_child_id
    from send_desk.services.notes import note_summaries
    from send_desk.timeutil import london_today

    with open_from(args) as store, store.read() as session:
        child_id = resolve_child_id(session, args.id)
        child = child_detail(session, child_id, today=london_today())
        child["notes"] = note_summaries(session, child_id)
    if args.json:
        print_json(child)
    else:
        print(_show_text(child))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import create_child

    values = _nulls(parse_assignments(args.assignments))
    with open_from(args) as store, store.write() as session:
        child_id = create_child(session, values)
    if args.json:
        print_json({"id": child_id})
    else:
        print(f"Added child {child_id}")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id, update_child

    changes = _nulls(parse_assignments(args.assignments))
    with open_from(args) as store, store.write() as session:
        child_id = resolve_child_id(session, args.id)
        changed = update_child(session, child_id, changes)
    if args.json:
        print_json({"id": child_id, "changed": changed})
    elif changed:
        print("Changed " + ", ".join(f"{k} to {v}" for k, v in changed.items()))
    else:
        print("Nothing changed: the values were already set")
    return 0


def cmd_event_add(args: argparse.Namespace) -> int:
    from send_desk.backend.labels import event_label
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.events import add_event
    from send_desk.timeutil import london_today, parse_iso_date

    try:
        when = parse_iso_date(args.date)
        today = parse_iso_date(args.today) if args.today else london_today()
    except ValueError as error:
        raise CliError(str(error)) from None
    details = parse_assignments(args.assignments)
    with open_from(args) as store, store.write() as session:
        child_id = resolve_child_id(session, args.child)
        recorded = add_event(
            session,
            child_id,
            args.type,
            when,
            details,
            evidence=args.evidence,
            today=today,
            confirm_dates=args.confirm_dates,
        )
    if args.json:
        print_json(
            {
                "id": recorded.id,
                "child_id": child_id,
                "type": args.type,
                "date": when,
                "warnings": recorded.warnings,
            }
        )
    else:
        print(f"Recorded {event_label(args.type)} on {when:%d/%m/%Y}")
        for warning in recorded.warnings:
            print(f"  Check: {warning}")
    return 0


def _today(args: argparse.Namespace) -> Any:
    from send_desk.timeutil import london_today, parse_iso_date

    try:
        return parse_iso_date(args.today) if args.today else london_today()
    except ValueError as error:
        raise CliError(str(error)) from None


def _print_change(args: argparse.Namespace, change: Any, done: str) -> None:
    if args.json:
        print_json(
            {
                "id": change.id,
                "child_id": change.child_id,
                "version": change.version,
                "withdrawn": change.withdrawn,
                "warnings": change.warnings,
            }
        )
        return
    print(done)
    for warning in change.warnings:
        print(f"  Check: {warning}")


def cmd_event_correct(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.event_corrections import correct_event, resolve_event_id

    today = _today(args)
    changes = parse_assignments(args.assignments)
    with open_from(args) as store, store.write() as session:
        event_id = resolve_event_id(session, args.event_id)
        change = correct_event(
            session,
            event_id,
            changes,
            reason=args.reason,
            today=today,
            confirm_dates=args.confirm_dates,
        )
    _print_change(args, change, f"Corrected the event: now version {change.version}")
    return 0


def cmd_event_withdraw(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.event_corrections import resolve_event_id, withdraw_event

    today = _today(args)
    with open_from(args) as store, store.write() as session:
        event_id = resolve_event_id(session, args.event_id)
        change = withdraw_event(session, event_id, reason=args.reason, today=today)
    _print_change(args, change, "Withdrew the event: it stays on the record, marked withdrawn")
    return 0
