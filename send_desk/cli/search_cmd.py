"""`send-desk search QUERY`: full-text search over case notes, ranked, with snippets."""

from __future__ import annotations

import argparse
from typing import Any

from send_desk.cli.common import CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="search case notes (ranked, with highlighted snippets)",
        description=(
            'Search the words of case notes. Words are all looked for; "a phrase" in '
            "quotes is looked for as written; the last word also matches its start."
        ),
    )
    p.add_argument("query", metavar="QUERY", help="words to look for")
    p.add_argument("--child", metavar="ID", help="only this child's notes")
    p.add_argument("--caseworker", metavar="NAME", help="only notes written by this user")
    p.add_argument("--kind", metavar="KIND", help="visit, phone_call, meeting, ...")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="happened on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="happened on or before")
    p.add_argument("--all-versions", action="store_true", help="include amended versions")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results")
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.children import resolve_child_id
    from send_desk.services.organisation import find_user
    from send_desk.services.search import NoteQuery, search_notes
    from send_desk.timeutil import parse_iso_date

    try:
        date_from = parse_iso_date(args.date_from) if args.date_from else None
        date_to = parse_iso_date(args.date_to) if args.date_to else None
    except ValueError as error:
        raise CliError(str(error)) from None
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    with open_from(args) as store, store.read() as session:
        query = NoteQuery(
            text=args.query,
            child_id=resolve_child_id(session, args.child) if args.child else None,
            caseworker_id=find_user(session, args.caseworker).id if args.caseworker else None,
            kind=args.kind,
            date_from=date_from,
            date_to=date_to,
            include_superseded=args.all_versions,
            limit=args.limit,
        )
        results = search_notes(session, query)
    if args.json:
        print_json({"query": args.query, "count": len(results), "results": results})
        return 0
    _print_results(results)
    return 0


def _print_results(results: list[dict[str, Any]]) -> None:
    for hit in results:
        print(
            f"{hit['occurred_label']:16}  {hit['child_name'][:26]:26}  {hit['kind_label']:14}  "
            f"…{hit['note_id'][-12:]}"
        )
        print(f"    {hit['snippet']}")
    print(f"{len(results)} notes found")
