"""`send-desk doc attach|list|export|withdraw|fetch|keep`: advice and evidence documents
on a child's case, kept encrypted in the store.

``doc attach`` checks the file before reading it whole (its size, then its kind from
its content) and saves nothing when it refuses. An advice report names the advice it
answers (``--advice KIND``); recording that advice as received is asked for with
``--record-advice``, never done silently: without it the command says whether the
case already has it. A document is never deleted: ``doc withdraw`` (or ``doc remove``)
marks it withdrawn with a reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.cli.common import CliError, add_json_flag, print_json

if TYPE_CHECKING:
    from send_desk.domain.documents import Document


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from send_desk.domain.documents import document_rules

    rules = document_rules()
    doc = sub.add_parser("doc", help="attach, list and export advice and evidence documents")
    doc_sub = doc.add_subparsers(dest="doc_command", metavar="ACTION", required=True)

    p = doc_sub.add_parser(
        "attach",
        help="attach a document (PDF, Word, Excel, image, text, email) to a child's case",
        description=(
            "Attach a file to a child's case, stored encrypted. Its kind is read from its "
            "content (programs and scripts are refused whatever their name); at most "
            f"{rules.max_bytes // (1024 * 1024)} MB."
        ),
    )
    p.add_argument("--child", required=True, metavar="ID", help="child id, unique start, or UPN")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--type", required=True, dest="doc_type", choices=sorted(rules.types))
    p.add_argument("--title", help="what the document is (default: the file's name)")
    p.add_argument("--author", help="who wrote it")
    p.add_argument("--received", metavar="YYYY-MM-DD", help="the date the council received it")
    p.add_argument(
        "--advice", metavar="KIND", choices=sorted(rules.advice),
        help=f"the advice it answers ({', '.join(sorted(rules.advice))})",
    )  # fmt: skip
    p.add_argument(
        "--record-advice", action="store_true",
        help="also record `advice_received` from KIND on the date received",
    )  # fmt: skip
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    add_json_flag(p)
    p.set_defaults(handler=cmd_doc_attach)

    p = doc_sub.add_parser("list", help="a child's documents, the latest received first")
    p.add_argument("--child", required=True, metavar="ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_doc_list)

    p = doc_sub.add_parser("export", help="write a document's content to a file")
    p.add_argument("document", metavar="ID", help="the document's id (or a unique start)")
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write (new)")
    p.set_defaults(handler=cmd_doc_export)

    p = doc_sub.add_parser(
        "withdraw",
        aliases=["remove"],
        help="withdraw a document attached by mistake (it stays on the record, marked)",
    )
    p.add_argument("document", metavar="ID")
    p.add_argument("--reason", required=True, help="why it is withdrawn")
    add_json_flag(p)
    p.set_defaults(handler=cmd_doc_withdraw)

    p = doc_sub.add_parser(
        "fetch", help="fetch a document's content from the central store (an older one)"
    )
    p.add_argument("document", metavar="ID")
    p.set_defaults(handler=cmd_doc_fetch)

    p = doc_sub.add_parser(
        "keep",
        help="how many months of documents this laptop keeps offline",
        description=(
            "Show, or with --months set, how many months of documents (by the date "
            f"received) sync keeps on this laptop (default {rules.keep_months}); older "
            "ones are fetched when opened (doc fetch)."
        ),
    )
    p.add_argument("--months", type=int, metavar="N")
    add_json_flag(p)
    p.set_defaults(handler=cmd_doc_keep)


def as_json(document: Document, available: bool) -> dict[str, Any]:
    """The JSON shape of a document (``doc attach/list/withdraw --json``)."""
    return {
        "id": str(document.id),
        "child_id": str(document.child_id),
        "type": document.doc_type,
        "title": document.title,
        "author": document.author,
        "received": document.received_on.isoformat() if document.received_on else None,
        "advice": document.advice_kind,
        "file_name": document.file_name,
        "size": document.size,
        "media_type": document.media_type,
        "sha256": document.content_sha256,
        "available": available,
        "withdrawn": document.withdrawn,
        "withdrawn_reason": document.withdrawn_reason,
    }


def _date(text: str | None, what: str) -> Any:
    from send_desk.timeutil import parse_iso_date

    if text is None:
        return None
    try:
        return parse_iso_date(text)
    except ValueError:
        raise CliError(f"{what} '{text}' is not a date (YYYY-MM-DD)") from None


def cmd_doc_attach(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services import documents
    from send_desk.services.children import resolve_child_id
    from send_desk.timeutil import london_today

    received = _date(args.received, "--received")
    today = _date(args.today, "--today") or london_today()
    if args.record_advice and not args.advice:
        raise CliError("--record-advice needs --advice KIND (the advice the document answers)")
    if args.advice and args.doc_type != "advice":
        raise CliError("--advice is for an advice report: use --type advice")
    path = Path(args.file)
    upload = documents.check_file(path)  # before the store is opened: nothing to undo
    details = documents.DocumentDetails(
        args.doc_type, args.title if args.title is not None else path.stem,
        args.author, received, args.advice,
    )  # fmt: skip
    with open_from(args) as store, store.write() as session:
        child_id = resolve_child_id(session, args.child)
        document = documents.attach_document(
            session, child_id, upload, details, today=today, record_advice=args.record_advice
        )
        advice_recorded = args.record_advice or (
            args.advice is not None and documents.advice_on_record(session, child_id, args.advice)
        )
    result = as_json(document, True)
    if args.json:
        print_json(result)
    else:
        print(f"Attached {document.title} ({_size(document.size)}) as document {document.id}")
    if args.record_advice:
        from send_desk.domain.documents import document_rules
        from send_desk.timeutil import uk_date

        source = dict(document_rules().advice).get(args.advice, args.advice)
        print(f"Recorded advice received from {source} on {uk_date(received)}", file=sys.stderr)
    elif args.advice and not advice_recorded:
        print(
            f"The case has no 'advice received' from {args.advice} yet: attach with "
            "--record-advice (and --received) to record it, or add the event.",
            file=sys.stderr,
        )
    return 0


def _size(size: int) -> str:
    from send_desk.domain.documents import size_text

    return size_text(size)


def cmd_doc_list(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.documents import list_documents
    from send_desk.timeutil import uk_date

    with open_from(args) as store, store.read() as session:
        found = list_documents(session, resolve_child_id(session, args.child))
    if args.json:
        print_json([as_json(document, available) for document, available in found])
        return 0
    for document, available in found:
        received = uk_date(document.received_on) if document.received_on else "-"
        marks = (" (withdrawn)" if document.withdrawn else "") + (
            "" if available else " (not on this laptop)"
        )
        print(
            f"{received:11}  {document.doc_type:18}  {_size(document.size):>9}  "
            f"{document.id}  {document.title}{marks}"
        )
    print(f"{len(found)} document{'' if len(found) == 1 else 's'}")
    return 0


def cmd_doc_export(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.security.files import private_opener
    from send_desk.services.documents import export_content, get_document, resolve_document_id

    out = Path(args.out)
    if out.exists():
        raise CliError(f"{out} already exists: choose a new file name")
    partial = out.with_name(out.name + ".part")
    try:
        with open_from(args) as store, store.read() as session:
            document = get_document(session, resolve_document_id(session, args.document))
            try:
                with open(partial, "xb", opener=private_opener) as handle:
                    written = export_content(session, document, handle)
            except OSError as error:
                raise CliError(f"cannot write {out} ({error.strerror})", 1) from None
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    print(f"Wrote {document.title} to {out} ({_size(written)})")
    return 0


def cmd_doc_withdraw(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.documents import has_content, resolve_document_id, withdraw_document

    with open_from(args) as store, store.write() as session:
        document = withdraw_document(
            session, resolve_document_id(session, args.document), args.reason
        )
        available = has_content(session, document.content_sha256)
    if args.json:
        print_json(as_json(document, available))
    else:
        print(f"Withdrew {document.title} ({document.id}): {document.withdrawn_reason}")
    return 0


def cmd_doc_fetch(args: argparse.Namespace) -> int:
    from send_desk.cli.sync_cmds import _sync_error
    from send_desk.cli.unlock import open_from
    from send_desk.services.documents import get_document, has_content, resolve_document_id
    from send_desk.sync.client import SyncError
    from send_desk.sync.engine import Syncer

    with open_from(args) as store:
        with store.read() as session:
            document = get_document(session, resolve_document_id(session, args.document))
            here = has_content(session, document.content_sha256)
        if not here:
            try:
                here = Syncer(store).fetch_document(document.id)
            except SyncError as error:
                raise _sync_error(error) from None
    if not here:
        raise CliError(
            f"'{document.title}' is not on the central store whole yet: the laptop that "
            "attached it has to sync first",
            1,
        )
    print(f"{document.title} is on this laptop ({_size(document.size)})")
    return 0


def cmd_doc_keep(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.sync.documents import keep_months, set_keep_months

    with open_from(args) as store:
        if args.months is not None:
            with store.write() as session:
                set_keep_months(session, args.months)
        with store.read() as session:
            months = keep_months(session)
    if args.json:
        print_json({"keep_months": months})
    else:
        print(f"This laptop keeps documents received in the last {months} months")
    return 0
