"""`send-desk plan draft|show|issue|finalise|amend|render`: the EHC plan on a case.

* ``plan draft --child ID FILE.json``: create or replace the child's working draft;
* ``plan show --child ID [--version N | --draft]``: an issued version (the latest by
  default) or the working draft; for an amendment, what it changes against the plan
  in force, section by section;
* ``plan issue --child ID --date D [--require-pass] [--require-order]``: issue the
  working draft as the draft plan (records ``draft_plan_issued``); a draft naming a
  school is refused. As ``note add`` does, criteria of the plan standard not met are
  recorded with the version and printed ("not met: ..."), and an issue out of the
  statutory order (no decision to issue a plan on the case: see
  send_desk.services.plan_clock) is recorded with what the clock asks to check printed
  ("check: ..."); ``--require-pass`` / ``--require-order`` refuse instead (the app asks);
* ``plan finalise --child ID --date D --school URN_OR_NAME [--require-pass]
  [--require-order]``: the final plan (``final_plan_issued``), or after an amendment
  notice the amended plan (``amended_plan_issued``), Section I naming the school; a
  final plan with no draft plan issued on the case is out of order;
* ``plan amend --child ID FILE.json --reason TEXT [--date D] [--require-pass]``: propose
  an amendment of the plan in force (``amendment_notice_issued``);
* ``plan render --child ID [--version N | --draft] --out FILE.docx|FILE.pdf
  [--appendices [--allow-missing]]``: with the advice reports Section K lists appended
  (PDF only);
* ``plan letter --child ID --template NAME [--version N] --out FILE``: the draft plan's
  cover letter, the final plan's letter or the amendment notice, dated the day the
  version was issued; the amendment notice lists the changes.

A document of the wrong shape exits with status 2 and the parser's message naming the
place; nothing is saved half-way (each command is one transaction).
"""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.cli.common import CliError, add_json_flag, print_json, shown

if TYPE_CHECKING:
    from send_desk.backend.plans_api import PlansApi
    from send_desk.backend.plans_models import IssueResult, PlanVersionDetail, PlanVersionRow
    from send_desk.plans import Plan


def add_commands(plan_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = plan_sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--child", required=True, metavar="ID",
                       help="child id, unique start, or UPN")  # fmt: skip
        return p

    p = command("draft", "create or replace the child's working draft from a plan document")
    p.add_argument("file", metavar="FILE.json", help="the plan (JSON), or - for standard input")
    add_json_flag(p)
    p.set_defaults(handler=cmd_plan_draft)

    p = command("show", "show an issued version of the child's plan (the latest by default)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--version", type=int, metavar="N", help="version number")
    which.add_argument("--draft", action="store_true", help="the working draft")
    add_json_flag(p)
    p.set_defaults(handler=cmd_plan_show)

    # The command issues as written (the contract's `plan issue --child ID --date D`),
    # as `note add` saves a note with checklist items not met: what is not met, and what
    # the clock asks to check, is recorded with the version and printed. A script that
    # wants the app's stop asks for it.
    require_pass = "refuse if criteria of the plan standard are not met (default: recorded)"
    require_order = (
        "refuse if the case records no {what} (default: issued, and the message printed "
        "with the clock's other checks and kept with the version)"
    )
    kept = "accepted for older scripts: now the default"
    p = command("issue", "issue the working draft as the draft plan (records draft_plan_issued)")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day it is issued")
    _strictness(p, require_pass, kept)
    p.add_argument("--require-order", action="store_true",
                   help=require_order.format(what="decision to issue a plan"))  # fmt: skip
    p.add_argument("--confirm-order", action="store_true", help=kept)
    add_json_flag(p)
    p.set_defaults(handler=cmd_plan_issue)

    p = command(
        "finalise",
        "issue the final plan (or the amended plan after an amendment notice), naming the school",
    )
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day it is issued")
    p.add_argument(
        "--school",
        required=True,
        metavar="URN_OR_NAME",
        help="the school or setting: its URN (a setting in the store) or its name",
    )
    _strictness(p, require_pass, kept)
    p.add_argument("--require-order", action="store_true",
                   help=require_order.format(what="draft plan issued"))  # fmt: skip
    p.add_argument("--confirm-order", action="store_true", help=kept)
    add_json_flag(p)
    p.set_defaults(handler=cmd_plan_finalise)

    p = command("amend", "propose an amendment of the plan in force (records the notice)")
    p.add_argument("file", metavar="FILE.json", help="the amended plan (JSON), or -")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why the plan is amended")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the notice (default today)")
    _strictness(p, require_pass, kept)
    add_json_flag(p)
    p.set_defaults(handler=cmd_plan_amend)

    p = command("render", "write the plan as a Word (.docx) or PDF (.pdf) document")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--version", type=int, metavar="N", help="version number (latest)")
    which.add_argument("--draft", action="store_true", help="the working draft")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.docx or FILE.pdf")
    p.add_argument(
        "--appendices",
        action="store_true",
        help="append the advice reports Section K lists (PDF only): a PDF page by page, "
        "an image on a page, other files as a page saying they are attached separately",
    )
    p.add_argument(
        "--allow-missing",
        action="store_true",
        help="with --appendices: a report not on this laptop gets a page saying it is sent "
        "separately (otherwise the export is refused, naming it)",
    )
    p.set_defaults(handler=cmd_plan_render)

    p = command(
        "letter",
        "write the letter that goes with a version (draft_plan_cover, final_plan, "
        "amendment_notice), dated the day the version was issued",
    )
    p.add_argument("--template", required=True, metavar="NAME",
                   choices=("draft_plan_cover", "final_plan", "amendment_notice"))  # fmt: skip
    p.add_argument("--version", type=int, metavar="N", help="version number (latest of its kind)")
    p.add_argument("--set", action="append", metavar="NAME=VALUE", dest="inputs", default=[])
    p.add_argument("--variant", choices=("standard", "large_print", "easy_read"))
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.docx or FILE.pdf")
    p.set_defaults(handler=cmd_plan_letter)


# ---------------------------------------------------------------- helpers


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    from send_desk.timeutil import parse_iso_date

    try:
        return parse_iso_date(text)
    except ValueError as error:
        raise CliError(str(error)) from None


def _open(args: argparse.Namespace) -> tuple[PlansApi, uuid.UUID, Any]:
    from send_desk.backend.access import StoreAccess
    from send_desk.backend.plans_api import PlansApi
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.timeutil import london_today

    store = open_from(args)
    try:
        with store.read() as session:
            child_id = resolve_child_id(session, args.child)
    except BaseException:
        store.close()
        raise
    return PlansApi(StoreAccess(store, london_today)), child_id, store


def _read_plan(name: str) -> Plan:
    from send_desk.cli.note_cmds import read_json_document
    from send_desk.plans import PlanFormatError, parse_plan

    document = read_json_document(name, "a plan")
    try:
        return parse_plan(document)
    except PlanFormatError as error:
        raise CliError(str(error)) from None


def row_json(row: PlanVersionRow) -> dict[str, Any]:
    return {
        "version": row.version,
        "version_id": str(row.id),
        "plan_id": str(row.plan_id),
        "child_id": str(row.child_id),
        "kind": row.kind,
        "issued_on": row.issued_on.isoformat(),
        "author": row.author,
        "event_id": str(row.event_id) if row.event_id else None,
        "amendment_reason": row.amendment_reason,
        "school": row.school,
        "changed_sections": [
            {"section": c.section, "changed_by": list(c.changed_by)} for c in row.changes
        ],
        "failed_items": [
            {"id": f.id, "section": f.section, "message": f.message} for f in row.failed
        ],
        "checklist": {"passed": row.checklist_passed, "applicable": row.checklist_applicable},
    }


def detail_json(detail: PlanVersionDetail) -> dict[str, Any]:
    data = row_json(detail.row)
    if detail.row.kind in ("amendment", "amended"):
        data["changes"] = [change.to_json() for change in detail.diff]
    data["plan"] = detail.plan.to_json()
    return data


def _strictness(p: argparse.ArgumentParser, require_pass: str, kept: str) -> None:
    p.add_argument("--require-pass", action="store_true", help=require_pass)
    p.add_argument("--anyway", action="store_true", help=kept)


def _issued(result: IssueResult, as_json: bool, verb: str) -> int:
    if as_json:
        data = row_json(result.version)
        data["warnings"] = list(result.warnings)
        print_json(data)
        return 0
    row = result.version
    print(f"{verb} version {row.version} ({row.kind}) on {row.issued_on:%d/%m/%Y}")
    print(f"{row.checklist_passed} of {row.checklist_applicable} applicable criteria met")
    for item in row.failed:
        print(f"  not met: {item.section}  {item.id}: {item.message}")
    for warning in result.warnings:
        print(f"  check: {warning}")
    return 0


def _issue(args: argparse.Namespace, verb: str, call: Any) -> int:
    from send_desk.services.plan_clock import PlanOrderUnconfirmed
    from send_desk.services.plans import PlanChecklistNotMet

    api, child_id, store = _open(args)
    try:
        result = call(api, child_id)
    except PlanOrderUnconfirmed as error:
        said = error.message
        for ask in ("confirm issuing the draft without it.", "confirm issuing the draft as it is.",
                    "confirm issuing the final plan without it."):  # fmt: skip
            said = said.replace(ask, "issue it without --require-order.")
        raise CliError(said) from None
    except PlanChecklistNotMet as error:
        lines = [f"  {item.section}  {item.id}: {item.message}" for item in error.result.failed]
        raise CliError(
            error.message.replace(
                "or confirm issuing the plan as it is.", "or issue it without --require-pass."
            )
            + "\n"
            + "\n".join(lines)
        ) from None
    finally:
        store.close()
    return _issued(result, args.json, verb)


# ---------------------------------------------------------------- commands


def cmd_plan_draft(args: argparse.Namespace) -> int:
    plan = _read_plan(args.file)
    api, child_id, store = _open(args)
    try:
        draft = api.save_draft(child_id, plan)
        check = api.check(child_id, draft.plan)
    finally:
        store.close()
    if args.json:
        print_json(
            {
                "child_id": str(child_id),
                "saved_at": draft.saved_at.isoformat(),
                "based_on": str(draft.based_on) if draft.based_on else None,
                "checklist": check.to_json(),
            }
        )
        return 0
    print(f"Saved the working draft ({check.passed} of {check.applicable} criteria met)")
    return 0


def _print_plan(plan: Plan) -> None:
    from send_desk.plans import SECTION_ORDER, SECTION_TITLES
    from send_desk.plans.diff import section_lines

    for section in SECTION_ORDER:
        print(f"\n{section}  {SECTION_TITLES[section]}")
        for line in section_lines(plan, section) or ["(empty)"]:
            print(f"    {shown(line)}")


def _show_draft(args: argparse.Namespace) -> int:
    api, child_id, store = _open(args)
    try:
        draft = api.working_draft(child_id)
    finally:
        store.close()
    if draft is None:
        raise CliError("the child has no working draft of a plan")
    if args.json:
        print_json(
            {
                "child_id": str(child_id),
                "saved_at": draft.saved_at.isoformat(),
                "based_on": str(draft.based_on) if draft.based_on else None,
                "plan": draft.plan.to_json(),
            }
        )
        return 0
    print("Working draft")
    _print_plan(draft.plan)
    return 0


def cmd_plan_show(args: argparse.Namespace) -> int:
    if args.draft:
        return _show_draft(args)
    api, child_id, store = _open(args)
    try:
        detail = api.version(child_id, args.version)
    finally:
        store.close()
    if args.json:
        print_json(detail_json(detail))
        return 0
    row = detail.row
    print(f"Version {row.version} ({row.kind}) issued {row.issued_on:%d/%m/%Y}")
    if row.amendment_reason:
        print(f"Reason: {shown(row.amendment_reason)}")
    for change in detail.diff:
        print(f"Changed {change.section}:")
        for line in change.removed:
            print(f"  - {shown(line)}")
        for line in change.added:
            print(f"  + {shown(line)}")
    _print_plan(detail.plan)
    return 0


def cmd_plan_issue(args: argparse.Namespace) -> int:
    on = _date(args.date)
    return _issue(
        args, "Issued",
        lambda api, child: api.issue_draft(child, on, accept_failed=not args.require_pass,
                                           confirm_order=not args.require_order),
    )  # fmt: skip


def cmd_plan_finalise(args: argparse.Namespace) -> int:
    on = _date(args.date)
    return _issue(
        args, "Issued",
        lambda api, child: api.finalise(child, on, args.school,
                                        accept_failed=not args.require_pass,
                                        confirm_order=not args.require_order),
    )  # fmt: skip


def cmd_plan_amend(args: argparse.Namespace) -> int:
    from send_desk.timeutil import london_today

    plan = _read_plan(args.file)
    on = _date(args.date) or london_today()
    return _issue(
        args, "Proposed",
        lambda api, child: api.amend(child, on, args.reason, plan=plan,
                                     accept_failed=not args.require_pass),
    )  # fmt: skip


_FORMATS = {".docx": "docx", ".pdf": "pdf"}


def _format_of(out: str) -> str:
    fmt = _FORMATS.get(Path(out).suffix.lower())
    if fmt is None:
        raise CliError(f"{out}: the file must end in .docx or .pdf")
    return fmt


def _write(path: Path, data: bytes) -> None:
    from send_desk.cli.common import EXIT_FAILED
    from send_desk.security.files import write_private

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private(path, data)
    except OSError as error:
        raise CliError(f"{path}: cannot be written ({error.strerror})", EXIT_FAILED) from None


def cmd_plan_render(args: argparse.Namespace) -> int:
    from send_desk.services.plan_appendices import AdviceNotHere

    fmt = _format_of(args.out)
    if args.appendices and fmt != "pdf":
        raise CliError(
            f"{args.out}: --appendices needs a PDF (a Word document cannot carry the "
            "reports' pages): use --out FILE.pdf, or leave out --appendices"
        )
    if args.allow_missing and not args.appendices:
        raise CliError("--allow-missing goes with --appendices")
    api, child_id, store = _open(args)
    try:
        data = api.render(
            child_id, fmt, version=args.version, draft=args.draft,
            appendices=args.appendices, allow_missing=args.allow_missing,
        )  # fmt: skip
    except AdviceNotHere as error:
        lines = [f"  send-desk doc fetch {d.ref}   # {shown(d.title)}" for d in error.missing]
        raise CliError(
            f"{len(error.missing)} advice report{'s are' if len(error.missing) != 1 else ' is'}"
            " not on this laptop (it keeps only recent documents offline). Fetch "
            "from the central store:\n" + "\n".join(lines)
            + "\nor export with --allow-missing for a page saying each is sent separately."
        ) from None
    finally:
        store.close()
    _write(Path(args.out), data)
    print(f"Wrote {args.out}")
    return 0


def _letter_inputs(items: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"'{item}' is not NAME=VALUE")
        previous = values.get(name.strip())
        if previous is None:
            values[name.strip()] = value
        else:
            values[name.strip()] = [*previous, value] if isinstance(previous, list) else [
                previous, value
            ]  # fmt: skip
    return values


def cmd_plan_letter(args: argparse.Namespace) -> int:
    from send_desk.letters.docx_writer import write_docx
    from send_desk.letters.pdf_writer import write_pdf
    from send_desk.services import letters as letters_service
    from send_desk.timeutil import london_today

    fmt = _format_of(args.out)
    inputs = _letter_inputs(args.inputs)
    api, child_id, store = _open(args)
    try:
        found = api.version_letter(child_id, args.template, args.version)
        if found.amendments and "amendments" not in inputs:
            inputs["amendments"] = list(found.amendments)
        head = letters_service.letterhead(store.paths.root)
        with store.read() as session:
            prepared = letters_service.prepare_letter(
                session, child_id, args.template, inputs, today=london_today(),
                data_root=store.paths.root, letter_date=found.letter_date,
                variant=args.variant,
            )  # fmt: skip
    except letters_service.LetterRefused as refused:
        names = [name for name in refused.fields if "." not in name]
        hint = f" Give them with --set NAME=VALUE ({', '.join(names)})." if names else ""
        raise CliError(refused.message + hint) from None
    finally:
        store.close()
    letter = prepared.letter
    data = write_docx(letter) if fmt == "docx" else write_pdf(letter, logo=head.logo)
    _write(Path(args.out), data)
    print(f"Wrote {args.out} ({letter.title}, dated {found.letter_date:%d/%m/%Y})")
    return 0


__all__ = ["add_commands", "detail_json", "row_json"]
