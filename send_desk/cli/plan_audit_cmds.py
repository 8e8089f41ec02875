"""`send-desk supervision plan-audit form|record|list`: the supervisor's audit of an EHC
plan version.

``form --child ID [--version N]`` prints the issued version's checker results and the
manual criteria with their section, weight and suggested grade; ``record`` grades it
(every manual criterion, ``--grade CRITERION=GRADE`` repeated; the overall grade is
computed by resources/supervision/plan_audit.toml); ``--moderates AUDIT_ID`` makes it a
blind moderation by a second auditor. Moderation and trends of plan audits:
``send-desk audit moderation --subject plan`` and ``send-desk audit report --subject
plan``.
"""

from __future__ import annotations

import argparse
from typing import Any

from send_desk.cli.common import CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("supervision", help="supervision of EHC plans: plan audits")
    actions = group.add_subparsers(dest="supervision_command", metavar="ACTION", required=True)
    plan = actions.add_parser("plan-audit", help="audit an issued EHC plan version")
    plan_sub = plan.add_subparsers(dest="plan_audit_command", metavar="ACTION", required=True)

    p = plan_sub.add_parser("form", help="the audit form of a plan version, pre-filled")
    _child_and_version(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_form)

    p = plan_sub.add_parser("record", help="record an audit (or a blind moderation) of a plan")
    _child_and_version(p)
    p.add_argument("--grade", action="append", default=[], metavar="CRITERION=GRADE",
                   help="a manual criterion's grade: outstanding, good, "
                   "requires_improvement or inadequate (repeat for each)")  # fmt: skip
    p.add_argument("--comments", default="")
    p.add_argument("--action", default="", help="an action for the caseworker")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="the action's due date")
    p.add_argument("--moderates", metavar="AUDIT_ID", help="moderate this plan audit (blind)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_record)

    p = plan_sub.add_parser("list", help="plan audits, newest first")
    p.add_argument("--child", metavar="ID", help="only this child's plan")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)


def _child_and_version(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="ID",
                   help="the child (id, unique start of the id, or UPN)")  # fmt: skip
    p.add_argument("--version", type=int, metavar="N", help="the plan version (default: latest)")


def _uuid(text: str, what: str) -> Any:
    import uuid

    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise CliError(f"'{text}' is not {what} id") from None


def cmd_form(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.plan_audits import plan_audit_form

    with open_from(args) as store, store.read() as session:
        form = plan_audit_form(session, resolve_child_id(session, args.child), args.version)
    if args.json:
        print_json(form)
        return 0
    print(f"{form['child_name']}: plan version {form['version']} ({form['kind']}), issued "
          f"{form['issued_on']} by {form['author'] or 'unknown'}")  # fmt: skip
    if form["refused"]:
        print(f"note: {form['refused']}")
    for item in form["automatic"]:
        mark = "n/a " if not item["applies"] else ("ok  " if item["passed"] else "FAIL")
        print(f"  {mark}  {item['section']:4} {item['label']} [{item['id']}]")
    for item in form["manual"]:
        print(f"  grade {item['id']} (section {item['section']}, weight {item['weight']:g}): "
              f"{item['label']}; suggested {item['suggested']}")  # fmt: skip
    print(f"suggested overall: {form['suggested_overall']}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from datetime import date

    from send_desk.cli.common import parse_assignments
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.plan_audits import record_plan_audit

    grades = parse_assignments(args.grade)
    due = None
    if args.due:
        try:
            due = date.fromisoformat(args.due)
        except ValueError:
            raise CliError(f"'{args.due}' is not a date (use YYYY-MM-DD)") from None
    moderates = _uuid(args.moderates, "an audit") if args.moderates else None
    with open_from(args) as store, store.write() as session:
        saved = record_plan_audit(
            session,
            resolve_child_id(session, args.child),
            args.version,
            grades,
            comments=args.comments,
            action=args.action,
            action_due=due,
            moderates_id=moderates,
        )
    if args.json:
        print_json(saved)
    else:
        print(f"Recorded plan {saved['role']} {saved['audit_id']}: {saved['overall_label']}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.plan_audits import list_plan_audits

    with open_from(args) as store, store.read() as session:
        child = resolve_child_id(session, args.child) if args.child else None
        rows = list_plan_audits(session, child_id=child)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(
            f"{row['made_label']:10}  {row['role']:10}  {row['overall_label']:20}  "
            f"{row['caseworker']:20}  plan version {row['version']}  {row['audit_id']}"
            + ("  acknowledged" if row["acknowledged"] else "")
        )
    print(f"{len(rows)} plan audits")
    return 0
