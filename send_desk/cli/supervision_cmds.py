"""`send-desk sample` (draw case notes for supervision) and `send-desk audit ...`.

``send-desk sample --period YYYY-MM --per-caseworker N --seed S [--team NAME] --json``
prints the sample: each note's id, caseworker, kind and why it was drawn. The sample is
saved with its seed (unless ``--dry-run``) so an auditor can draw it again
(``send-desk sample --redraw ID``). Asking for more notes than there are, a period with
no notes or a team of one caseworker is not an error: the best sample is printed with a
``shortfall`` and ``messages``, exit status 0. A bad period or count exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from send_desk.cli.audit_args import (
    add_grading_args,
    audit_line,
    check_mark,
    parse_due,
    parse_id,
)
from send_desk.cli.common import CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sample",
        help="draw a reproducible sample of case notes for supervision audits",
        description=(
            "Draw N case notes per caseworker from a month, stratified by note kind, "
            "optionally weighted toward risk. The same seed gives the same sample. "
            "Notes already audited are not drawn again unless --include-audited."
        ),
    )
    p.add_argument("--period", metavar="YYYY-MM", help="the month the notes happened in")
    p.add_argument(
        "--per-caseworker", type=int, default=3, metavar="N", help="notes per caseworker (3)"
    )
    p.add_argument("--seed", type=int, metavar="S", help="seed (default: a new one, printed)")
    p.add_argument("--team", metavar="NAME", help="only this team's caseworkers")
    p.add_argument(
        "--caseworker", action="append", metavar="USER", help="only this caseworker (repeat)"
    )
    p.add_argument(
        "--weighted",
        action="store_true",
        help="weight toward risk: new starters, complaints, overdue deadlines, looked after",
    )
    p.add_argument("--include-audited", action="store_true", help="also draw notes already audited")
    p.add_argument("--dry-run", action="store_true", help="print the sample without saving it")
    p.add_argument("--redraw", metavar="SAMPLE_ID", help="draw a saved sample again")
    add_json_flag(p)
    p.set_defaults(handler=cmd_sample)

    audit = sub.add_parser("audit", help="case-note audits: form, record, list, moderation")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = audit_sub.add_parser("form", help="the audit form of a note, pre-filled by the checker")
    p.add_argument("note", metavar="NOTE_ID", help="a note id (its latest version) or version id")
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit_form)

    p = audit_sub.add_parser("record", help="record an audit (or a blind moderation) of a note")
    p.add_argument("note", metavar="NOTE_ID")
    add_grading_args(p, "audit")
    p.add_argument("--sample", metavar="SAMPLE_ID", help="the sample the note was drawn in")
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit_record)

    p = audit_sub.add_parser("list", help="audits, newest first")
    p.add_argument("--caseworker", metavar="USER")
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit_list)

    p = audit_sub.add_parser("moderation", help="moderated audits: disagreements and agreement")
    _subject_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit_moderation)

    p = audit_sub.add_parser(
        "report",
        help="trends: grades by month per team and caseworker, criteria most often failed",
        description=(
            "Audit trends over a run of months (default: the last six, this one included) "
            "for a service standards board: printed, as JSON, or written as a PDF and an "
            "XLSX workbook. Only first audits count (moderations are a second opinion)."
        ),
    )
    p.add_argument("--from", dest="start", metavar="YYYY-MM", help="first month")
    p.add_argument("--to", dest="end", metavar="YYYY-MM", help="last month")
    p.add_argument("--team", metavar="NAME", help="only this team's caseworkers")
    p.add_argument("--caseworker", metavar="USER", help="only this caseworker")
    p.add_argument("--pdf", metavar="FILE", help="write the report as a PDF")
    p.add_argument("--xlsx", metavar="FILE", help="write the report as an XLSX workbook")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    _subject_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit_report)

    p = audit_sub.add_parser("ack", help="acknowledge an audit of your note")
    p.add_argument("audit_id", metavar="AUDIT_ID")
    p.add_argument("--comment", default="")
    p.add_argument("--done", action="store_true", help="say the audit's action is done")
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit_ack)


def _subject_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--subject", choices=("note", "plan"), default="note",
                   help="audits of case notes (the default) or of EHC plans")  # fmt: skip


def _print_sample(data: dict[str, Any]) -> None:
    head = f"Sample of {data['period']}, seed {data['seed']}"
    if data["team"]:
        head += f", team {data['team']}"
    if data["sample_id"]:
        head += f" (saved as {data['sample_id']})"
    print(head)
    for item in data["notes"]:
        print(
            f"  {item['note_id']}  {item['occurred_at']}  {item['kind']:14}  "
            f"{item['caseworker']}\n      why: {item['why']}"
        )
    print(f"{len(data['notes'])} notes")
    for short in data["shortfall"]:
        print(f"shortfall: {short['reason']}", file=sys.stderr)
    for message in data["messages"]:
        print(f"note: {message}", file=sys.stderr)


def cmd_sample(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.sampling import (
        SampleRequest,
        draw_sample,
        parse_period,
        redraw,
        save_sample,
    )

    if args.redraw:
        import uuid

        try:
            sample_id = uuid.UUID(args.redraw)
        except ValueError:
            raise CliError(f"'{args.redraw}' is not a sample id") from None
        with open_from(args) as store, store.read() as session:
            data = redraw(session, sample_id).to_json()
    else:
        if not args.period:
            raise CliError("give --period YYYY-MM (or --redraw SAMPLE_ID)")
        parse_period(args.period)  # a bad period exits with 2 before the store is opened
        request = SampleRequest(
            period=args.period,
            per_caseworker=args.per_caseworker,
            seed=args.seed,
            team=args.team,
            caseworkers=args.caseworker or [],
            weighted=args.weighted,
            include_audited=args.include_audited,
        )
        with open_from(args) as store:
            if args.dry_run:
                with store.read() as session:
                    sample = draw_sample(session, request)
            else:
                with store.write() as session:
                    sample = draw_sample(session, request)
                    save_sample(session, sample)
            data = sample.to_json()
    if args.json:
        print_json(data)
    else:
        _print_sample(data)
    return 0


def cmd_audit_form(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.audits import audit_form

    with open_from(args) as store, store.read() as session:
        form = audit_form(session, parse_id(args.note, "a note"))
    if args.json:
        print_json(form)
        return 0
    print(f"{form['kind']} on {form['occurred_at']} by {form['caseworker']}: {form['purpose']}")
    for item in form["automatic"]:
        print(f"  {check_mark(item)}  {item['label']} [{item['id']}]")
    for item in form["manual"]:
        print(f"  grade {item['id']}: {item['label']}")
    return 0


def cmd_audit_record(args: argparse.Namespace) -> int:
    from send_desk.cli.common import parse_assignments
    from send_desk.cli.unlock import open_from
    from send_desk.services.audits import record_audit

    grades = parse_assignments(args.grade)
    due = parse_due(args.due)
    with open_from(args) as store, store.write() as session:
        saved = record_audit(
            session,
            parse_id(args.note, "a note"),
            grades,
            comments=args.comments,
            action=args.action,
            action_due=due,
            moderates_id=parse_id(args.moderates, "an audit") if args.moderates else None,
            sample_id=parse_id(args.sample, "a sample") if args.sample else None,
        )
    if args.json:
        print_json(saved)
    else:
        print(f"Recorded {saved['role']} {saved['audit_id']}: {saved['overall_label']}")
    return 0


def cmd_audit_list(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.audits import list_audits
    from send_desk.services.sampling import _users, resolve_user

    with open_from(args) as store, store.read() as session:
        worker = resolve_user(_users(session), args.caseworker).id if args.caseworker else None
        rows = list_audits(session, caseworker_id=worker)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(audit_line(row, row["note_id"]))
    print(f"{len(rows)} audits")
    return 0


def cmd_audit_moderation(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.audits import moderation

    with open_from(args) as store, store.read() as session:
        report = moderation(session, subject=args.subject)
    if args.json:
        print_json(report)
        return 0
    rate = report["rate"]
    print(
        f"{report['pairs']} moderated audits; agreement "
        + ("n/a" if rate is None else f"{rate:.0%} ({report['agreed']} of {report['items']})")
    )
    for item in report["disagreements"]:
        print(f"  {item['note_id']}  {item['criterion']}: {item['first']} / {item['second']}")
    return 0


def cmd_audit_ack(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.audits import respond

    with open_from(args) as store, store.write() as session:
        saved = respond(
            session,
            parse_id(args.audit_id, "an audit"),
            kind="action_done" if args.done else "acknowledged",
            comment=args.comment,
        )
    if args.json:
        print_json(saved)
    else:
        print(f"Acknowledged audit {saved['audit_id']}")
    return 0


def cmd_audit_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from send_desk.cli.common import EXIT_FAILED
    from send_desk.cli.deadlines_cmd import parse_today
    from send_desk.cli.unlock import open_from
    from send_desk.domain.organisation import User
    from send_desk.reports.audit_report import write_audit_pdf, write_audit_xlsx
    from send_desk.reports.exports import ExportFailed
    from send_desk.services.audit_trends import audit_trends
    from send_desk.services.sampling import parse_period
    from send_desk.timeutil import month_start

    today = parse_today(args.today)
    # the last six months, this one included
    start = args.start or f"{month_start(today, 5):%Y-%m}"
    end = args.end or f"{today:%Y-%m}"
    parse_period(start), parse_period(end)  # a bad month exits with 2 before the store opens
    with open_from(args) as store, store.read() as session:
        trends = audit_trends(
            session, start=start, end=end, team=args.team, caseworker=args.caseworker,
            subject=args.subject,
        )  # fmt: skip
        me = session.get(User, store.info.user_id) if store.info.user_id else None
        by = me.display_name if me else ""
    written = []
    # the writers title the report by what was audited; the JSON keeps its shape
    report = {**trends, "subject": args.subject}
    try:
        if args.pdf:
            written.append(str(write_audit_pdf(report, Path(args.pdf), generated_on=today,
                                               generated_by=by)))  # fmt: skip
        if args.xlsx:
            written.append(str(write_audit_xlsx(report, Path(args.xlsx), generated_on=today,
                                                generated_by=by)))  # fmt: skip
    except ExportFailed as error:
        raise CliError(error.message, EXIT_FAILED) from None
    if args.json:
        print_json({**trends, "written": written})
        return 0
    _print_trends(trends, "Plan audits" if args.subject == "plan" else "Case-note audits")
    for path in written:
        print(f"wrote {path}")
    return 0


def _print_trends(trends: dict[str, Any], title: str = "Case-note audits") -> None:
    from send_desk.domain.supervision import GRADE_LABELS, GRADES

    scope = trends["team"] or trends["caseworker"] or "all teams"
    service = trends["service"]
    print(f"{title} {trends['from']} to {trends['to']}, {scope}: {service['total']}")
    print(f"  {'month':8} {'audits':>6} " + " ".join(f"{GRADE_LABELS[g][:12]:>12}" for g in GRADES))
    for row in service["by_month"]:
        print(f"  {row['month']:8} {row['total']:>6} "
              + " ".join(f"{row['counts'][g]:>12}" for g in GRADES))  # fmt: skip
    for row in trends["caseworkers"]:
        rate = row["good_or_better_rate"]
        print(f"  {row['caseworker']:24} {row['team']:12} {row['total']:>3} audits, good or "
              f"better {'n/a' if rate is None else f'{rate:.0%}'}")  # fmt: skip
    if trends["criteria"]:
        print("Most often failed:")
    for row in trends["criteria"][:5]:
        print(f"  {row['rate']:>4.0%}  {row['label']} ({row['failed']} of {row['assessed']})")
    for message in trends["messages"]:
        print(f"note: {message}", file=sys.stderr)
