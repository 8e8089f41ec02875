"""`send-desk check-note FILE|-` and `send-desk note add|show|list|amend|history`.

``check-note`` reads a structured note (``shared/reference/case-note-standard.md``)
and prints the checklist: with ``--json`` exactly the contract's output. A document
that is not JSON, or not a note (a value of the wrong type, an unknown kind, an
impossible date), exits with status 2 and one message on standard error naming the
item, and prints nothing on standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.cli.common import CliError, add_json_flag, print_checklist, print_json

if TYPE_CHECKING:
    from send_desk.quality import CheckResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-note",
        help="check a structured case note against the case-note standard",
        description=(
            "Check a case note (a JSON document as in the case-note standard) against "
            "the automatic criteria of the checklist. FILE, or - for standard input."
        ),
    )
    p.add_argument("file", metavar="FILE", help="JSON document, or - to read standard input")
    add_json_flag(p)
    p.set_defaults(handler=cmd_check_note)

    note = sub.add_parser("note", help="add, amend, list and show case notes")
    note_sub = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)

    p = note_sub.add_parser(
        "add",
        help="add a structured note to a child's record",
        description=(
            "Add a case note from a JSON document (as in the case-note standard). The "
            "note is saved even when checklist items fail (they are stored with it and "
            "listed); --require-pass refuses such a note instead."
        ),
    )
    p.add_argument("--child", required=True, metavar="ID", help="child id, unique start, or UPN")
    p.add_argument("file", metavar="FILE.json", help="JSON document, or - for standard input")
    p.add_argument(
        "--require-pass", action="store_true", help="refuse the note if a checklist item fails"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_note_add)

    p = note_sub.add_parser("amend", help="amend a note: a new version with a reason")
    p.add_argument("note", metavar="NOTE_ID", help="the note's id (or a unique start of it)")
    p.add_argument("file", metavar="FILE.json", help="the whole note as it should now read")
    p.add_argument("--reason", required=True, help="why the note is amended")
    p.add_argument("--require-pass", action="store_true")
    add_json_flag(p)
    p.set_defaults(handler=cmd_note_amend)

    p = note_sub.add_parser("list", help="a child's notes, newest first")
    p.add_argument("--child", required=True, metavar="ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_note_list)

    p = note_sub.add_parser("show", help="one note with every version")
    p.add_argument("note", metavar="NOTE_ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_note_show)

    register_chronology(sub)


def read_json_document(name: str, what: str = "a note") -> Any:
    if name == "-":
        text = sys.stdin.read()
        where = "standard input"
    else:
        try:
            text = Path(name).read_text(encoding="utf-8")
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
    except RecursionError:
        raise CliError(f"{where} is nested too deeply to be {what}") from None


def _print_checklist(result: CheckResult) -> None:
    print_checklist(
        [(i.applies, i.passed, f"{i.label or i.id} [{i.id}]", i.message) for i in result.items],
        result.passed,
        result.applicable,
    )


def cmd_check_note(args: argparse.Namespace) -> int:
    from send_desk.quality import NoteFormatError, check_note, parse_note

    document = read_json_document(args.file)
    try:
        note = parse_note(document)
    except NoteFormatError as error:
        raise CliError(str(error)) from None
    result = check_note(note)
    if args.json:
        print_json(result.to_json())
    else:
        _print_checklist(result)
    return 0


def _saved_report(saved: dict[str, Any], as_json: bool, verb: str) -> int:
    if as_json:
        print_json(saved)
        return 0
    failed = saved["failed_items"]
    print(
        f"{verb} note {saved['note_id']} (version {saved['version']}); "
        f"checklist {saved['checklist']['passed']} of {saved['checklist']['applicable']}"
    )
    for item in failed:
        print(f"  not met: {item['id']}: {item['message']}", file=sys.stderr)
    return 0


def cmd_note_add(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.notes import add_note

    document = read_json_document(args.file)
    with open_from(args) as store, store.write() as session:
        child_id = resolve_child_id(session, args.child)
        saved = add_note(session, child_id, document, accept_failed=not args.require_pass)
    return _saved_report(saved, args.json, "Added")


def cmd_note_amend(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.notes import amend_note, resolve_note_id

    document = read_json_document(args.file)
    with open_from(args) as store, store.write() as session:
        note_id = resolve_note_id(session, args.note)
        saved = amend_note(
            session, note_id, document, reason=args.reason, accept_failed=not args.require_pass
        )
    return _saved_report(saved, args.json, "Amended")


def cmd_note_list(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.notes import list_notes

    with open_from(args) as store, store.read() as session:
        notes = list_notes(session, resolve_child_id(session, args.child))
    if args.json:
        print_json(notes)
        return 0
    for note in notes:
        print(
            f"{note['occurred_label']:16}  {note['kind_label']:15}  v{note['version']}  "
            f"{note['checklist_label']:>6}  {note['note_id']}  {note['summary']}"
        )
    print(f"{len(notes)} notes")
    return 0


def cmd_note_show(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.notes import note_history, resolve_note_id

    with open_from(args) as store, store.read() as session:
        versions = note_history(session, resolve_note_id(session, args.note))
    if args.json:
        print_json(versions)
        return 0
    for version in versions:
        print(
            f"Version {version['version']}, saved {version['saved_label']} by "
            f"{version['author'] or 'this laptop'}"
            + (f" — amended: {version['amendment_reason']}" if version["amendment_reason"] else "")
        )
        note = version["note"]
        print(f"  {version['kind_label']} on {version['occurred_label']}: {note['purpose']}")
        print("  " + note["body"].replace("\n", "\n  "))
        if version["failed_items"]:
            print(
                "  Saved with checklist items not met: "
                + ", ".join(item["id"] for item in version["failed_items"])
            )
    return 0


def register_chronology(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "chronology",
        help="a child's chronology of notes and statutory events, as a PDF",
    )
    p.add_argument("--child", required=True, metavar="ID")
    p.add_argument("--out", metavar="FILE.pdf", help="where to write it (default: in the "
                   "current folder, named after the child)")  # fmt: skip
    add_json_flag(p)
    p.set_defaults(handler=cmd_chronology)


def cmd_chronology(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.reports.chronology import chronology_data, render_pdf
    from send_desk.services.children import resolve_child_id
    from send_desk.timeutil import london_today

    with open_from(args) as store, store.read() as session:
        child_id = resolve_child_id(session, args.child)
        data = chronology_data(session, child_id, today=london_today())
    name = "".join(ch if ch.isalnum() else "-" for ch in data.child_name).strip("-")
    target = Path(args.out) if args.out else Path(f"chronology-{name}.pdf")
    try:
        written = render_pdf(data, target)
    except OSError as error:
        raise CliError(f"could not write {target}: {error}", 1) from None
    if args.json:
        print_json({"child_id": child_id, "path": str(written), "entries": len(data.entries)})
    else:
        print(f"Wrote {written} ({len(data.entries)} entries)")
    return 0
