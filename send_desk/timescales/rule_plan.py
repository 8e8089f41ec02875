"""The rule set arranged for the clock's engine, once per rule set: each rule as a
:class:`_Step` (what its walker reads, and which walker fits its shape), looked up by
the event types that start it, and the engine's view of an event (:class:`_Ev`).

Compiled with mypyc with the rest of the engine (:mod:`send_desk.timescales.native`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.timescales.rules import DueSpec, OrderCheck, Rule, RuleSet
from send_desk.timeutil import uk_date

_LABELS = {t.id: t.label for t in EVENT_TYPES.values()}
# Per event type: (field, kind, choices, required) for a cheap check of each event.
_FIELDS = {
    t.id: tuple((x.name, x.kind, x.choices, x.required) for x in t.extras)
    for t in EVENT_TYPES.values()
}


class _Ev:
    """An event inside the engine: position in date order, input index, fields."""

    __slots__ = ("date", "details", "index", "pos", "proposed", "type")

    def __init__(
        self, index: int | None, type_: str, day: date, details: Mapping[str, Any], proposed: bool
    ) -> None:
        self.index = index
        self.type = type_
        self.date = day
        self.details = details
        self.proposed = proposed
        self.pos = 0

    def describe(self) -> str:
        return f"{_LABELS.get(self.type, self.type)} on {uk_date(self.date)}"


# -- the rules, prepared once per rule set and calendar -------------------------------------


class _Step:
    """One rule, with what the engine needs at hand (and a fixed offset for the due date
    where the counting convention allows one)."""

    __slots__ = (
        "chain",
        "conditional",
        "done_by",
        "done_type",
        "done_types",
        "filtered",
        "id",
        "ids",
        "in_year",
        "info",
        "initial",
        "keep_done",
        "match",
        "matched",
        "months",
        "offset",
        "priority",
        "requires",
        "rule",
        "simple",
        "simple_done",
        "suffix_field",
        "then",
        "trigger",
        "unless",
        "where",
        "where_not",
        "where_one",
    )

    def __init__(self, rule: Rule, rules: RuleSet, referenced: frozenset[str]) -> None:
        self.rule = rule
        self.id = rule.id
        self.trigger = rule.trigger.event
        self.initial = rule.trigger.initial
        self.where = rule.trigger.where
        self.where_not = rule.trigger.where_not
        self.requires = rule.requires
        self.unless = rule.unless
        self.done_by = rule.done_by
        self.done_types = rule.done_by.events if rule.done_by is not None else ()
        self.match = rule.done_by.match if rule.done_by is not None else ()
        self.suffix_field = rule.id_suffix
        self.ids: dict[str, tuple[str, str]] = {}  # suffix value: (suffix, milestone id)
        self.priority = rule.priority
        self.info = rule.is_info
        self.offset = _fixed_offset(rule.due, rules)
        due = rule.due
        self.months = (
            due.period.count
            if due.period is not None
            and due.period.unit == "months_after"
            and not (due.anchor or due.then or due.roll)
            else None
        )
        done_by = rule.done_by
        # one done type, no field to match, no window: one walk over the candidates
        self.simple_done = (
            done_by is not None
            and len(done_by.events) == 1
            and not done_by.match
            and not done_by.where
            and done_by.within_months_before_due is None
        )
        self.keep_done = rule.id in referenced  # another rule's condition looks at it
        # the common shape, run by a tighter loop: a fixed period from the trigger and
        # at most one kind of event to complete it
        self.simple = (
            (self.offset is not None or self.months is not None)
            and (done_by is None or self.simple_done)
            and not rule.id_suffix
        )
        self.conditional = bool(rule.requires or rule.unless)
        self.filtered = bool(rule.trigger.where or rule.trigger.where_not)
        # the usual filter, one field = value: checked inline
        self.where_one = (
            rule.trigger.where[0]
            if len(rule.trigger.where) == 1 and not rule.trigger.where_not
            else None
        )
        # advice: a fixed period, done by the first event with the same fields (`match`),
        # each body's requests a cycle of their own
        self.matched = (
            self.offset is not None
            and done_by is not None
            and len(done_by.events) == 1
            and bool(done_by.match)
            and not done_by.where
            and done_by.within_months_before_due is None
            and not (rule.requires or rule.unless)
            and rule.trigger.event != done_by.events[0]
        )
        # what the tight loop of _run_simple reads besides the above
        self.done_type: str | None = self.done_types[0] if self.done_types else None
        self.chain = self.trigger in self.done_types  # the done event starts the next cycle
        # a fixed day of the year (or a fixed number of days before it), done by an event
        # in the months before it: the plan for a phase transfer, its review meeting
        self.then = None if due.then is None else _fixed_offset(DueSpec(period=due.then), rules)
        self.in_year = (
            due.date_in_year is not None
            and not due.roll
            and (due.then is None or self.then is not None)
            and done_by is not None
            and done_by.within_months_before_due is not None
            and not (done_by.match or done_by.where)
            and not (rule.requires or rule.unless or rule.id_suffix)
        )


def _fixed_offset(spec: DueSpec, rules: RuleSet) -> timedelta | None:
    """Days to add to the trigger date when the due date needs no calendar."""
    if spec.period is None or spec.anchor or spec.then or spec.roll:
        return None
    count, unit = spec.period.count, spec.period.unit
    day_one = 1 if rules.conventions.count_event_day.get(unit, False) else 0
    if unit == "weeks_after":
        return timedelta(days=7 * count - day_one)
    if unit == "weeks_before":
        return timedelta(days=-7 * count)
    if unit in ("days_within", "days_beginning_with"):
        return timedelta(days=count - day_one)
    return None


class _Plan:
    """The rule set arranged for the engine: rules in dependency order, looked up by the
    event types that start them; order checks and 'done by' hints by event type."""

    def __init__(self, rules: RuleSet, include_local: bool) -> None:
        self.rules = rules
        self.include_local = include_local
        referenced = frozenset(c.milestone for r in rules.rules for c in (*r.requires, *r.unless))
        self.steps = tuple(
            _Step(r, rules, referenced) for r in rules.rules if include_local or not r.local
        )
        by_type: dict[str, list[int]] = {}
        for i, step in enumerate(self.steps):
            for type_id in (step.trigger, step.initial):
                if type_id is not None:
                    by_type.setdefault(type_id, []).append(i)
        self.steps_by_type = {t: tuple(ids) for t, ids in by_type.items()}
        self.trigger_types = frozenset(step.trigger for step in self.steps)
        checks: dict[str, list[OrderCheck]] = {}
        for check in rules.order_checks:
            checks.setdefault(check.event, []).append(check)
        self.checks_by_type = checks
        done_ids: dict[str, set[str]] = {}
        for step in self.steps:
            for type_id in step.done_types:
                done_ids.setdefault(type_id, set()).add(step.id)
        self.done_ids = {t: sorted(ids) for t, ids in done_ids.items()}
        self.milestone_ids = sorted({step.id for step in self.steps})
        self._for_types: dict[
            frozenset[str], tuple[tuple[_Step, ...], tuple[tuple[str, tuple[str, ...]], ...]]
        ] = {}

    def for_types(
        self, types: frozenset[str]
    ) -> tuple[tuple[_Step, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
        """The steps some of these event types start, in dependency order, and the order
        checks that apply (event type, the types present it should come after); cached:
        a caseload has few distinct sets of event types."""
        found = self._for_types.get(types)
        if found is None:
            ids = sorted({i for t in types for i in self.steps_by_type.get(t, ())})
            # an order check matters only when an event it must come after is there too
            checks = tuple(
                (t, afters)
                for t in sorted(types)
                for check in self.checks_by_type.get(t, ())
                if (afters := tuple(a for a in check.after if a in types))
            )
            found = (tuple(self.steps[i] for i in ids), checks)
            if len(self._for_types) < 4096:
                self._for_types[types] = found
        return found


_PLANS: dict[tuple[int, bool], tuple[RuleSet, _Plan]] = {}


def _plan(rules: RuleSet, include_local: bool) -> _Plan:
    key = (id(rules), include_local)
    cached = _PLANS.get(key)
    if cached is None or cached[0] is not rules:
        if len(_PLANS) > 16:
            _PLANS.clear()
        cached = (rules, _Plan(rules, include_local))
        _PLANS[key] = cached
    return cached[1]


def _accepts(step: _Step, details: Mapping[str, Any]) -> bool:
    """Whether a trigger event passes the rule's ``where`` and ``where_not`` filters."""
    for name, value in step.where:
        if details.get(name) != value:
            return False
    return all(details.get(name) != value for name, value in step.where_not)
