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
