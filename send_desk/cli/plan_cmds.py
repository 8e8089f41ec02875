"""`send-desk plan check FILE|- [--child ID]`: an EHC plan against the plan standard.

Reads a structured plan (``shared/reference/ehc-plan-standard.md``) and prints the
checklist: with ``--json`` exactly the contract's output, as ``check-note`` does. With
``--child``, the plan's ``advice_received`` is replaced by the advice the case has
received (its ``advice_received`` events, by the standard's names for the kinds of
advice). A document that is not JSON, or not a plan (a value of the wrong type, a
duplicate id, a link to a need or outcome that does not exist), exits with status 2
and one message on standard error naming the place; nothing on standard output.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from send_desk.cli.common import CliError, add_json_flag, print_checklist, print_json
from send_desk.cli.note_cmds import read_json_document

if TYPE_CHECKING:
    from send_desk.plans import PlanCheckResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    plan = sub.add_parser(
        "plan", help="EHC plans: check, draft, issue, finalise, amend and render a plan"
    )
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    p = plan_sub.add_parser(
        "check",
        help="check a structured EHC plan against the EHC plan standard",
        description=(
            "Check an EHC plan (a JSON document as in the EHC plan standard) against the "
            "automatic criteria of the plan checklist. FILE, or - for standard input."
        ),
    )
    p.add_argument("file", metavar="FILE", help="JSON document, or - to read standard input")
    p.add_argument(
        "--child",
        metavar="ID",
        help="take the advice received from this child's case (child id, unique start, or UPN)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_plan_check)
    from send_desk.cli.plan_case_cmds import add_commands

    add_commands(plan_sub)


def _print_checklist(result: PlanCheckResult) -> None:
    print_checklist(
        [
            (c.applies, c.passed, f"{c.section}  {c.label or c.id} [{c.id}]", c.message)
            for c in result.criteria
        ],
        result.passed,
        result.applicable,
    )


def cmd_plan_check(args: argparse.Namespace) -> int:
    from send_desk.plans import PlanFormatError, check_plan, parse_plan

    document = read_json_document(args.file, "a plan")
    try:
        plan = parse_plan(document)
    except PlanFormatError as error:
        raise CliError(str(error)) from None
    if args.child is not None:
        from send_desk.cli.unlock import open_from
        from send_desk.services.children import resolve_child_id
        from send_desk.services.plan_advice import advice_received

        with open_from(args) as store, store.read() as session:
            advice = tuple(advice_received(session, resolve_child_id(session, args.child)))
        plan = dataclasses.replace(plan, advice_received=advice)
    result = check_plan(plan)
    if args.json:
        print_json(result.to_json())
    else:
        _print_checklist(result)
    return 0
