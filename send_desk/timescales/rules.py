"""The statutory rules, kept as data in ``resources/rules/*.toml``, and their loader.

Each ``*.toml`` file in the rules folder may hold any of these tables:

``[conventions]`` (exactly once in the folder)
    counting settings, see :class:`send_desk.timescales.counting.Conventions`.
``[[exception_reason]]``
    a reason a time limit may be missed lawfully (``id``, ``label``, ``source``,
    ``meaning``; ``closure_window = true`` for the reg 10(4)(a)/(b) limbs).
``[[milestone]]``
    one deadline rule (fields below).
``[[phase_transfer]]``
    a year group whose children the app proposes a ``phase_transfer`` for
    (``from_year``, ``kind``, ``label``; ``setting_phases`` to limit it).
``[[order_check]]``
    an event that should not come before another (``event``, ``after``).

A ``[[milestone]]``::

    id        = "advice_due"           # the milestone id printed by `timeline`
    name      = "..."                  # unique rule name (default: id)
    id_suffix = "from"                 # id becomes advice_due:<from of the trigger>
    title     = "Advice due"           # plain words for screens
    kind      = "task" | "info"        # info: a date to know, never late
    local     = false                  # true: a council target, not the law
    trigger   = { event = "advice_requested", where = {..}, where_not = {..},
                  initial = "final_plan_issued" }   # initial: also starts the chain
    due       = { count = 6, unit = "weeks_after" }
              | { count = 12, unit = "months_after",
                  from = { latest_before_trigger = ["review_meeting", ...] } }
              | { date_in_year = "02-15", year_of = "transfer_date" }
              | { later_of = [ <due>, <due> ] }
              # optional on any of them: then = { count, unit }, roll = "next_working_day"
              # or "next_tribunal_day"
    done_by   = { event = "advice_received" | [..], match = ["from"], where = {..},
                  within_months_before_due = 12, pick = "first" | "latest",
                  late_until = "transfer_date" }
              # within_months_before_due = 12: an event dated after the day 12 months
              # before the due date, up to the due date itself; late_until (a date field
              # of the trigger): failing that, the first event after the due date up to
              # that day completes it late
    requires  = [ { milestone = "decide_to_assess", done_with = { outcome = "assess" } } ]
    unless    = [ { milestone = "decide_to_issue", done_with = { outcome = "not_issue" } } ]
    exceptions = ["absence_from_area", ...]   # reasons that may be relied on
    exception_source = "SEND Regulations 2014 reg 10(4)"
    source    = "SEND Regulations 2014 reg 8(1)"
    action    = "Chase the advice"     # task: what to do (the date is added)
    info      = "... until {due}"      # info: the sentence to show
    note      = "..."                  # optional caveat for the council's lawyers
    priority  = false                  # true: list it first among equals
    ends_with_plan = false             # true: a cycle still open when the plan ceases
                                       # (a review_decision to cease, not appealed) and
                                       # due after it is left out
    left_out_when = { event = ["plan_transferred_in"], before_due = false }
                                       # a cycle still open on the day of such an event
                                       # (started on or before it, not done by then) is
                                       # left out; before_due: only when that day is on
                                       # or before its due date

Each trigger event starts one cycle of the rule, so a rule recurs once per trigger
(every advice request, every review meeting...). ``requires``/``unless`` look at the
event that completed another milestone started by the *same* trigger event.

The loader refuses a bad file with :class:`RuleError`, whose message names the file,
the rule and the problem.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.resources import resource_path
from send_desk.timescales.counting import Conventions
from send_desk.timescales.rule_parsing import (
    _TOP_LEVEL,
    KINDS,
    PICKS,
    ROLLS,
    TRANSFER_KINDS,
    _conventions,
    _filter,
    _milestone,
    _order_check,
    _phase_transfer,
    _reason,
    _Where,
)
from send_desk.timescales.rule_types import (
    Anchor,
    Condition,
    DoneBy,
    DueSpec,
    ExceptionReason,
    OrderCheck,
    Period,
    PhaseTransferSpec,
    Rule,
    RuleError,
    RuleSet,
    Trigger,
)


def _check_references(rules: list[Rule], reasons: Mapping[str, ExceptionReason]) -> None:
    names: dict[str, Rule] = {}
    for rule in rules:
        if rule.name in names:
            raise _Where(rule.file, rule.name).error(
                f"the rule name is used twice (also in {names[rule.name].file}); give one "
                "of them a different 'name'"
            )
        names[rule.name] = rule
    by_id: dict[str, list[Rule]] = {}
    for rule in rules:
        by_id.setdefault(rule.id, []).append(rule)
    for rule in rules:
        where = _Where(rule.file, rule.name)
        for reason in rule.exceptions:
            if reason not in reasons:
                raise where.error(
                    f"exception reason '{reason}' is not defined (defined: "
                    f"{', '.join(reasons) or 'none'})"
                )
        for condition in (*rule.requires, *rule.unless):
            targets = by_id.get(condition.milestone)
            if not targets:
                raise where.error(f"condition names an unknown milestone '{condition.milestone}'")
            for target in targets:
                if target.trigger.event != rule.trigger.event:
                    raise where.error(
                        f"condition milestone '{condition.milestone}' starts from "
                        f"'{target.trigger.event}', not '{rule.trigger.event}'"
                    )
                if target.local and not rule.local:
                    raise where.error(
                        f"a statutory rule cannot depend on the local target "
                        f"'{condition.milestone}'"
                    )
                if target.done_by is None:
                    raise where.error(
                        f"condition milestone '{condition.milestone}' is never done by an event"
                    )
                _filter(dict(condition.done_with), target.done_by.events, where, "done_with")


def _ordered(rules: list[Rule]) -> tuple[Rule, ...]:
    """Rules sorted so a rule comes after the milestones its conditions look at."""
    by_id: dict[str, list[Rule]] = {}
    for rule in rules:
        by_id.setdefault(rule.id, []).append(rule)
    done: list[Rule] = []
    state: dict[str, str] = {}

    def visit(rule: Rule) -> None:
        mark = state.get(rule.name)
        if mark == "done":
            return
        if mark == "visiting":
            raise _Where(rule.file, rule.name).error("its conditions depend on themselves")
        state[rule.name] = "visiting"
        for condition in (*rule.requires, *rule.unless):
            for target in by_id[condition.milestone]:
                visit(target)
        state[rule.name] = "done"
        done.append(rule)

    for rule in rules:
        visit(rule)
    return tuple(done)


def load_rules(folder: Path | None = None) -> RuleSet:
    """Read and check every ``*.toml`` in ``folder`` (default: ``resources/rules``)."""
    folder = folder if folder is not None else resource_path("rules")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise RuleError(f"{folder}: no rule files (*.toml) found")
    rules: list[Rule] = []
    reasons: dict[str, ExceptionReason] = {}
    conventions: Conventions | None = None
    transfers: list[PhaseTransferSpec] = []
    checks: list[OrderCheck] = []
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise RuleError(f"{path.name}: not valid TOML: {error}") from None
        unknown = sorted(set(data) - _TOP_LEVEL)
        if unknown:
            raise RuleError(
                f"{path.name}: unknown table {', '.join(unknown)} "
                f"(expected: {', '.join(sorted(_TOP_LEVEL))})"
            )
        if "conventions" in data:
            if conventions is not None:
                raise RuleError(f"{path.name}: [conventions] is given in more than one file")
            conventions = _conventions(data["conventions"], path.name)
        for entry in _array(data, "exception_reason", path.name):
            reason = _reason(entry, path.name)
            if reason.id in reasons:
                raise RuleError(f"{path.name}: exception reason '{reason.id}' is defined twice")
            reasons[reason.id] = reason
        rules.extend(_milestone(entry, path.name) for entry in _array(data, "milestone", path.name))
        transfers.extend(
            _phase_transfer(entry, path.name) for entry in _array(data, "phase_transfer", path.name)
        )
        checks.extend(
            _order_check(entry, path.name) for entry in _array(data, "order_check", path.name)
        )
    _check_references(rules, reasons)
    return RuleSet(
        rules=_ordered(rules),
        reasons=reasons,
        conventions=conventions or Conventions(),
        phase_transfers=tuple(sorted(transfers, key=lambda spec: spec.from_year)),
        order_checks=tuple(checks),
    )


def _array(data: Mapping[str, Any], key: str, file: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuleError(f"{file}: '{key}' must be written as [[{key}]] tables")
    return value


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The bundled rules, read and checked once per process."""
    return load_rules()


__all__ = [
    "KINDS",
    "PICKS",
    "ROLLS",
    "TRANSFER_KINDS",
    "Anchor",
    "Condition",
    "DoneBy",
    "DueSpec",
    "ExceptionReason",
    "OrderCheck",
    "Period",
    "PhaseTransferSpec",
    "Rule",
    "RuleError",
    "RuleSet",
    "Trigger",
    "default_rules",
    "load_rules",
]
