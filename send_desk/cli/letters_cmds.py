"""`send-desk check-letter FILE` and `send-desk letters list|render|history|mark-sent|export`.

``check-letter`` needs no store: it reads a DOCX, PDF or text file and runs the
plain-English check (reading age, long sentences, passive voice, unexplained acronyms,
words to avoid, the sections the law requires in a decision letter).

``letters render`` merges a child's case into a template and writes a DOCX or PDF
(chosen by the file's ending). A child missing a field the template needs gets no
letter: the command exits with status 2 and says which field to fill in, and where.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from send_desk.cli.common import EXIT_FAILED, CliError, add_json_flag, print_json
from send_desk.security.files import write_private

FORMATS = {".docx": "docx", ".pdf": "pdf"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-letter",
        help="check a letter (DOCX, PDF or text) for plain English and required sections",
        description=(
            "Check a letter for plain English: reading age (aim 9), sentences over 25 words, "
            "passive voice, acronyms not spelled out, words to avoid, and, for a decision "
            "letter, the sections the law requires (reasons, appeal, mediation, "
            "disagreement resolution, SENDIASS)."
        ),
    )
    p.add_argument("file", metavar="FILE", help="a .docx, .pdf or text file")
    p.add_argument(
        "--template",
        metavar="NAME",
        help="check the sections this template needs (default: the template the letter was "
        "made from, recognised by its marker or title; else worked out from the wording)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_check_letter)

    letters = sub.add_parser("letters", help="letter templates: list, render, saved letters")
    lsub = letters.add_subparsers(dest="letters_command", metavar="ACTION", required=True)

    p = lsub.add_parser("list", help="the letter templates (with --child: which the case offers)")
    p.add_argument("--child", metavar="ID", help="show which templates this child's case offers")
    add_json_flag(p)
    p.set_defaults(handler=cmd_letters_list)

    p = lsub.add_parser(
        "render",
        help="merge a child's case into a template and write a DOCX or PDF",
        description=(
            "Merge a child's case into a letter template and write it as DOCX or PDF (by "
            "the ending of --out). Inputs the template asks for (reasons, dates...) are "
            "given with --set NAME=VALUE; repeat --set for each line of a list. "
            "With --save the letter is saved to the child's record and the event it "
            "records (such as the decision) is logged with it."
        ),
    )
    p.add_argument("--child", required=True, metavar="ID", help="child id, unique start, or UPN")
    p.add_argument("--template", required=True, metavar="NAME")
    p.add_argument("--out", required=True, metavar="FILE.docx|FILE.pdf")
    p.add_argument("--set", action="append", metavar="NAME=VALUE", dest="inputs", default=[])
    p.add_argument(
        "--variant",
        choices=("standard", "large_print", "easy_read"),
        help="default: what the family needs (easy read, large print) or standard",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the letter's date (default today)")
    p.add_argument("--recipient", metavar="MEMBER_ID", help="family member (default main contact)")
    p.add_argument("--save", action="store_true", help="save the letter to the child's record")
    p.add_argument(
        "--sent-via",
        choices=("post", "email", "hand", "other"),
        help="with --save: the letter is sent, and how",
    )
    p.add_argument(
        "--no-events",
        action="store_true",
        help="with --save: do not record the events the letter records",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_letters_render)

    p = lsub.add_parser("history", help="the letters saved to a child's record, newest first")
    p.add_argument("--child", required=True, metavar="ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_letters_history)

    p = lsub.add_parser("mark-sent", help="mark a saved letter as sent (a new version)")
    p.add_argument("letter", metavar="LETTER_ID")
    p.add_argument("--via", required=True, choices=("post", "email", "hand", "other"))
    add_json_flag(p)
    p.set_defaults(handler=cmd_letters_mark_sent)

    p = lsub.add_parser("export", help="write a saved letter again as DOCX or PDF")
    p.add_argument("letter", metavar="LETTER_ID", help="a letter's or a version's id")
    p.add_argument("--out", required=True, metavar="FILE.docx|FILE.pdf")
    add_json_flag(p)
    p.set_defaults(handler=cmd_letters_export)


def _format_of(out: str) -> str:
    fmt = FORMATS.get(Path(out).suffix.lower())
    if fmt is None:
        raise CliError(f"{out}: the file must end in .docx or .pdf")
    return fmt


def _inputs(items: list[str]) -> dict[str, Any]:
    """--set NAME=VALUE, repeated: a name given more than once becomes a list of lines."""
    values: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"'{item}' is not NAME=VALUE")
        name = name.strip()
        if name in values:
            previous = values[name]
            values[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[name] = value
    return values


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    from send_desk.timeutil import parse_iso_date

    try:
        return parse_iso_date(text)
    except ValueError as error:
        raise CliError(str(error)) from None


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private(path, data)
    except OSError as error:
        raise CliError(f"{path}: cannot be written ({error.strerror})", EXIT_FAILED) from None


def document_bytes(letter: Any, fmt: str, logo: Path | None) -> bytes:
    from send_desk.letters.docx_writer import write_docx
    from send_desk.letters.pdf_writer import write_pdf

    return write_docx(letter) if fmt == "docx" else write_pdf(letter, logo=logo)


def _print_check(check: dict[str, Any], where: str) -> None:
    from send_desk.letters.plain_english import check_verdict

    print(
        f"{where}: {check_verdict(check)} {check['words']} words, longest sentence "
        f"{check['longest_sentence_words']} words."
    )
    for issue in check["issues"]:
        mark = "FAIL" if issue["severity"] == "error" else "note"
        print(f"  {mark}  {issue['message']}")


def cmd_check_letter(args: argparse.Namespace) -> int:
    from send_desk.letters.extract import UnreadableLetter, letter_text
    from send_desk.letters.manifest import ManifestError, default_manifest
    from send_desk.letters.plain_english import check_letter_text
    from send_desk.letters.recognise import recognise

    try:
        text = letter_text(Path(args.file))
    except UnreadableLetter as error:
        raise CliError(str(error)) from None
    if not text.strip():
        raise CliError(f"{args.file} has no text to check (a scanned letter has none)")
    sections = None
    appealable = None
    # without --template: the letter's own marker (DOCX/PDF keywords), else its title
    name = args.template or recognise(text, Path(args.file))
    if name:
        try:
            spec = default_manifest().template(name)
        except ManifestError as error:
            raise CliError(str(error)) from None
        sections, appealable = spec.sections, spec.appealable
    check = check_letter_text(text, required_sections=sections, appealable=appealable)
    data = {"file": args.file, "template": name, **check.to_json()}
    if args.json:
        print_json(data)
    else:
        if name and not args.template:
            print(f"Recognised as the letter template '{name}' ({spec.title}).")
        _print_check(data, args.file)
    return 0


def cmd_letters_list(args: argparse.Namespace) -> int:
    from send_desk.services import letters as letters_service

    if args.child is None:
        templates = letters_service.template_list()
        if args.json:
            print_json(templates)
            return 0
        for item in templates:
            flag = "  appealable" if item["appealable"] else ""
            print(f"{item['name']:28}  {item['title']}{flag}")
        print(f"{len(templates)} templates")
        return 0
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.timeutil import london_today

    with open_from(args) as store, store.read() as session:
        child_id = resolve_child_id(session, args.child)
        offered = letters_service.offered_templates(session, child_id, today=london_today())
    if args.json:
        print_json({"child_id": child_id.hex, "templates": offered})
        return 0
    for item in offered:
        mark = "offered" if item["offered"] else "       "
        print(f"{mark}  {item['name']:28}  {item['why']}")
    return 0


def cmd_letters_render(args: argparse.Namespace) -> int:
    from send_desk.services import letters as letters_service
    from send_desk.timeutil import london_today

    fmt = _format_of(args.out)
    inputs = _inputs(args.inputs)
    letter_date = _date(args.date)
    if args.sent_via and not args.save:
        raise CliError("--sent-via goes with --save")
    today = london_today()
    try:
        return _render(args, fmt, inputs, letter_date, today)
    except letters_service.LetterRefused as refused:
        names = [name for name in refused.fields if "." not in name]
        hint = f" Give them with --set NAME=VALUE ({', '.join(names)})." if names else ""
        raise CliError(refused.message + hint) from None


def _render(
    args: argparse.Namespace,
    fmt: str,
    inputs: dict[str, Any],
    letter_date: date | None,
    today: date,
) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services import letters as letters_service
    from send_desk.services.children import resolve_child_id

    saved: dict[str, Any] | None = None
    with open_from(args) as store:
        root = store.paths.root
        head = letters_service.letterhead(root)
        if args.save:
            with store.write() as session:
                child_id = resolve_child_id(session, args.child)
                saved = letters_service.save_letter(
                    session,
                    child_id,
                    args.template,
                    inputs,
                    today=today,
                    data_root=root,
                    letter_date=letter_date,
                    variant=args.variant,
                    recipient_id=args.recipient,
                    sent_via=args.sent_via,
                    record_events=not args.no_events,
                )
                letter = letters_service.stored_letter(session, uuid_of(saved["version_id"]))
                check = saved["check"]
        else:
            with store.read() as session:
                child_id = resolve_child_id(session, args.child)
                prepared = letters_service.prepare_letter(
                    session,
                    child_id,
                    args.template,
                    inputs,
                    today=today,
                    data_root=root,
                    letter_date=letter_date,
                    variant=args.variant,
                    recipient_id=args.recipient,
                )
                letter = prepared.letter
                check = prepared.composed.check.to_json()
    out = Path(args.out)
    _write(out, document_bytes(letter, fmt, head.logo))
    result = {
        "file": str(out),
        "format": fmt,
        "template": args.template,
        "child_id": child_id.hex,
        "title": letter.title,
        "variant": letter.variant,
        "letter_date": letter.letter_date,
        "recipient": letter.recipient_name,
        "caseworker": letter.caseworker_name,
        "check": check,
        "saved": saved and {k: v for k, v in saved.items() if k != "check"},
    }
    if args.json:
        print_json(result)
        return 0
    print(
        f"Wrote {out} ({letter.title}, {letter.variant.replace('_', ' ')}) "
        f"for {letter.recipient_name}"
    )
    _print_check(check, "The letter")
    if saved:
        print(f"Saved to the record as letter {saved['letter_id']} (version {saved['version']})")
        for item in saved["events_recorded"]:
            print(f"  recorded: {item['label']} on {item['date']:%d/%m/%Y}")
    return 0


def uuid_of(text: str) -> Any:
    import uuid

    return uuid.UUID(text)


def cmd_letters_history(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services import letters as letters_service
    from send_desk.services.children import resolve_child_id

    with open_from(args) as store, store.read() as session:
        letters = letters_service.list_letters(session, resolve_child_id(session, args.child))
    if args.json:
        print_json(letters)
        return 0
    for item in letters:
        sent = (
            item["sent_via_label"] + f" {item['sent_on']:%d/%m/%Y}"
            if item["sent_on"]
            else "not sent"
        )
        print(
            f"{item['letter_date']:%d/%m/%Y}  {item['title'][:50]:50}  v{item['version']}  "
            f"{sent}  {item['letter_id']}"
        )
    print(f"{len(letters)} letters")
    return 0


def cmd_letters_mark_sent(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services import letters as letters_service
    from send_desk.timeutil import london_today

    with open_from(args) as store, store.write() as session:
        letter_id = letters_service.resolve_letter_id(session, args.letter)
        saved = letters_service.mark_sent(session, letter_id, args.via, today=london_today())
    if args.json:
        print_json(saved)
        return 0
    print(f"Letter {saved['letter_id']} marked sent (version {saved['version']})")
    for item in saved["events_recorded"]:
        print(f"  recorded: {item['label']}")
    return 0


def cmd_letters_export(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services import letters as letters_service

    fmt = _format_of(args.out)
    with open_from(args) as store:
        head = letters_service.letterhead(store.paths.root)
        with store.read() as session:
            letter_id = letters_service.resolve_letter_id(session, args.letter)
            letter = letters_service.stored_letter(session, letter_id)
    _write(Path(args.out), document_bytes(letter, fmt, head.logo))
    if args.json:
        print_json({"file": args.out, "format": fmt, "letter_id": letter_id.hex})
    else:
        print(f"Wrote {args.out}")
    return 0
