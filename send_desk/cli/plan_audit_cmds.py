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

from send_desk.cli.audit_args import (
    add_grading_args,
    audit_line,
    check_mark,
    parse_due,
    parse_id,
)
from send_desk.cli.common import add_json_flag, print_json


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
    add_grading_args(p, "plan audit")
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
        print(f"  {check_mark(item)}  {item['section']:4} {item['label']} [{item['id']}]")
    for item in form["manual"]:
        print(f"  grade {item['id']} (section {item['section']}, weight {item['weight']:g}): "
              f"{item['label']}; suggested {item['suggested']}")  # fmt: skip
    print(f"suggested overall: {form['suggested_overall']}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from send_desk.cli.common import parse_assignments
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.plan_audits import record_plan_audit

    grades = parse_assignments(args.grade)
    due = parse_due(args.due)
    moderates = parse_id(args.moderates, "an audit") if args.moderates else None
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
        print(audit_line(row, f"plan version {row['version']}  {row['audit_id']}"))
    print(f"{len(rows)} plan audits")
    return 0
