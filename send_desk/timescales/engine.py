"""The statutory clock: a pure function from a child's events and today to milestones.

:func:`compute_timeline` implements ``shared/reference/statutory-clock-contract.md``:

* every rule of ``resources/rules`` runs once per trigger event (a *cycle*), so a
  milestone that recurs (annual review, review decision, advice...) appears once per
  cycle and ids can repeat; a cycle is identified by id and due date;
* a milestone is *done* by the first matching event dated on or after its trigger
  and no later than the next trigger of the same rule (the next review meeting, the
  next request for advice from the same body...), so a late event is never credited
  to an older cycle; for the phase-transfer plan: the latest plan issued in the 12
  months up to the due date;
* statuses: ``met`` (done on or before due), ``late`` (done after due), ``pending``
  (not done, today on or before due), ``overdue`` (not done, today after due),
  ``exception`` (late or overdue, with an exception recorded for it: the due date
  never moves), ``info`` (a date to know, not a task);
* milestones that do not apply are left out (a decision not to assess ends the
  20-week path; ``not_issue`` ends the final-plan milestone);
* output is ordered by due date, then id.

It never raises on odd events and never drops one silently: each event is either used
by a milestone or explained in a warning (unknown type, missing field, duplicate,
dated after today, out of order, completing nothing, exception not applicable).

Decisions on points the contract leaves open:

* An exception applies to the cycle of the named milestone that was running when it
  was recorded (the latest one started on or before the exception's date). It turns
  only ``late``/``overdue`` into ``exception``; before the due date the milestone stays
  ``pending`` and carries the claim.
* Only the reasons the rules list for a milestone can be relied on (reg 5(4), 8(2),
  10(4), 13(3), 44(3)); any other reason, or a milestone with no lawful exception, is
  reported as a warning and not applied. An exception without evidence is not applied.
* A task whose contract row has no "done by" event (``transfer_notice``,
  ``mediation_held``, ``appeal_response``, ``order_assess_notify``) is ``pending`` then
  ``overdue``: no event type can record it done yet.
* ``phase_transfer_plan`` counts only a plan issued in the 12 months up to and
  including its due date, as the contract says; a plan issued after 15 February does
  not complete it.
* Events dated after ``today`` are used (and warned about).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.timescales.calendar import WorkingCalendar, default_calendar
from send_desk.timescales.counting import Conventions, add_months, apply_period
from send_desk.timescales.events import Child, Event
from send_desk.timescales.milestones import (
    EXCEPTION,
    INFO,
    LATE,
    MET,
    OVERDUE,
    PENDING,
    EventWarning,
    ExceptionClaim,
    Milestone,
    Timeline,
)
from send_desk.timescales.phase_transfer import next_proposed_transfer
from send_desk.timescales.rules import Anchor, Condition, DoneBy, DueSpec, Rule, RuleSet
from send_desk.timescales.rules import default_rules as _default_rules
from send_desk.timeutil import uk_date

_NO_CHILD = Child()
_FAR_FUTURE = timedelta(days=366)
_LABELS = {t.id: t.label for t in EVENT_TYPES.values()}
# Per event type: (field, kind, choices, required) for a cheap check of each event.
_FIELDS = {
    t.id: tuple((x.name, x.kind, x.choices, x.required) for x in t.extras)
    for t in EVENT_TYPES.values()
}

# Warning codes, so a caller can decide what to refuse and what to flag.
W_INVALID = "invalid"
W_DUPLICATE = "duplicate"
W_FUTURE = "future"
W_ORDER = "order"
W_UNUSED = "unused"
W_EXCEPTION = "exception"
W_CLOSURE = "closure_window"
W_EXCEPTION_AGAIN = "exception_again"


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


class _Run:
    """The state of one computation."""

    def __init__(
        self,
        rules: RuleSet,
        calendar: WorkingCalendar,
        today: date,
        child: Child,
        include_local: bool,
    ) -> None:
        self.rules = rules
        self.conventions: Conventions = rules.conventions
        self.calendar = calendar
        self.today = today
        self.child = child
        self.include_local = include_local
        self.warnings: list[tuple[int | None, str, str]] = []
        self.events: list[_Ev] = []
        self.by_type: dict[str, list[_Ev]] = {}
        self.used: set[int] = set()
        self.done_of: dict[tuple[str, int], _Ev | None] = {}
        self.milestones: list[Milestone] = []

    def warn(self, event: _Ev | int | None, code: str, message: str) -> None:
        index = event.index if isinstance(event, _Ev) else event
        self.warnings.append((index, code, message))

    # -- input -------------------------------------------------------------------------

    def prepare(self, events: Sequence[Event]) -> None:
        seen: dict[Any, int] = {}
        today = self.today
        for index, event in enumerate(events):
            type_id = event.type
            fields = _FIELDS.get(type_id)
            if fields is None:
                self.warn(index, W_INVALID, f"'{type_id}' is not a known event type: not used.")
                continue
            problem = _field_problem(event.details, fields)
            if problem:
                label = _LABELS[type_id]
                self.warn(
                    index, W_INVALID, f"{label} on {uk_date(event.date)} {problem}: not used."
                )
                continue
            try:
                key: Any = (type_id, event.date, tuple(sorted(event.details.items())))
                hash(key)
            except TypeError:
                key = (type_id, event.date, repr(sorted(event.details.items())))
            first = seen.get(key)
            ev = _Ev(index, type_id, event.date, event.details, event.proposed)
            if first is not None:
                self.warn(
                    index,
                    W_DUPLICATE,
                    f"{ev.describe()} is recorded twice (also events[{first}]): counted once.",
                )
                continue
            seen[key] = index
            if event.date > today:
                far = event.date - today > _FAR_FUTURE
                self.warn(
                    index,
                    W_FUTURE,
                    f"{ev.describe()} is dated "
                    + ("more than a year " if far else "")
                    + f"after today ({uk_date(today)}): check the "
                    + ("year." if far else "date; an event is recorded once it has happened."),
                )
            self.events.append(ev)

    def index_events(self) -> None:
        self.events.sort(key=lambda e: (e.date, e.index if e.index is not None else 1 << 30))
        for pos, event in enumerate(self.events):
            event.pos = pos
            self.by_type.setdefault(event.type, []).append(event)

    # -- rules ---------------------------------------------------------------------------

    def run_rules(self) -> None:
        by_type = self.by_type
        for rule in self.rules.rules:
            if rule.local and not self.include_local:
                continue
            trigger = rule.trigger
            found = by_type.get(trigger.event)
            if trigger.initial is not None:
                firsts = by_type.get(trigger.initial)
                if firsts:
                    start = firsts[0]
                    self.used.add(start.pos)
                    found = [start, *(e for e in found or () if e.date >= start.date)]
            if not found:
                continue
            cycles = []
            for event in found:
                if event.type == trigger.event:
                    self.used.add(event.pos)
                    if trigger.where and not _matches(event.details, trigger.where):
                        continue
                    if trigger.where_not and _any_matches(event.details, trigger.where_not):
                        continue
                cycles.append(event)
            if cycles:
                self._run_cycles(rule, cycles)

    def _run_cycles(self, rule: Rule, cycles: list[_Ev]) -> None:
        """One milestone per trigger event. A cycle ends where the next one of the same
        rule (and the same ``match`` fields) starts: events after that belong to it."""
        match = rule.done_by.match if rule.done_by is not None else ()
        ends: list[date | None] = [None] * len(cycles)
        next_start: dict[tuple[Any, ...], date] = {}
        for i in range(len(cycles) - 1, -1, -1):
            key = tuple(cycles[i].details.get(name) for name in match)
            ends[i] = next_start.get(key)
            next_start[key] = cycles[i].date
        consumed: set[int] = set()
        for event, end in zip(cycles, ends, strict=True):
            if rule.requires and not all(self._holds(c, event) for c in rule.requires):
                continue
            if rule.unless and any(self._holds(c, event) for c in rule.unless):
                continue
            due = self._due(rule.due, event, end)
            if due is None:
                continue
            done = None
            if rule.done_by is not None:
                done = self._done(rule.done_by, event, end, due, consumed)
                self.done_of[(rule.id, event.pos)] = done
                if done is not None:
                    self.used.add(done.pos)
            suffix = None
            milestone_id = rule.id
            if rule.id_suffix is not None:
                suffix = str(event.details.get(rule.id_suffix, ""))
                milestone_id = f"{rule.id}:{suffix}"
            self.milestones.append(
                Milestone(
                    id=milestone_id,
                    due=due,
                    rule=rule,
                    today=self.today,
                    trigger_date=event.date,
                    suffix=suffix,
                    done=done.date if done is not None else None,
                    proposed=event.proposed,
                    priority=rule.priority or self.child.looked_after,
                    trigger_index=event.index,
                )
            )

    def _holds(self, condition: Condition, event: _Ev) -> bool:
        done = self.done_of.get((condition.milestone, event.pos))
        if done is None:
            return False
        return all(done.details.get(name) == value for name, value in condition.done_with)

    def _due(self, spec: DueSpec, event: _Ev, end: date | None) -> date | None:
        if spec.later_of:
            day: date | None = None
            for part in spec.later_of:
                candidate = self._due(part, event, end)
                if candidate is not None and (day is None or candidate > day):
                    day = candidate
            if day is None:
                return None
        elif spec.date_in_year is not None:
            raw = event.details[str(spec.year_of)]
            year = raw.year if isinstance(raw, date) else int(str(raw)[:4])
            day = date(year, *spec.date_in_year)
        else:
            base = event.date
            if spec.anchor is not None:
                anchor = self._anchor(spec.anchor, event, end)
                if anchor is None:
                    return None
                self.used.add(anchor.pos)
                base = anchor.date
            assert spec.period is not None  # the loader guarantees one form
            day = apply_period(
                base, spec.period.count, spec.period.unit, self.conventions, self.calendar
            )
        if spec.then is not None:
            day = apply_period(
                day, spec.then.count, spec.then.unit, self.conventions, self.calendar
            )
        if spec.roll == "next_tribunal_day":
            day = self.calendar.tribunal_day_on_or_after(day)
        elif spec.roll == "next_working_day":
            day = self.calendar.working_day_on_or_after(day)
        return day

    def _anchor(self, anchor: Anchor, event: _Ev, end: date | None) -> _Ev | None:
        """The latest event of the anchor's types before the trigger, or the first one
        on or after it (and within the cycle)."""
        best: _Ev | None = None
        latest = anchor.pick == "latest_before_trigger"
        for type_id in anchor.events:
            for candidate in self.by_type.get(type_id, ()):
                if latest:
                    if candidate.date < event.date and (best is None or candidate.pos > best.pos):
                        best = candidate
                elif (
                    candidate.date >= event.date
                    and (end is None or candidate.date <= end)
                    and (best is None or candidate.pos < best.pos)
                ):
                    best = candidate
        return best

    def _done(
        self, done_by: DoneBy, event: _Ev, end: date | None, due: date, consumed: set[int]
    ) -> _Ev | None:
        if len(done_by.events) == 1:
            candidates = self.by_type.get(done_by.events[0], ())
        else:
            candidates = sorted(
                (e for t in done_by.events for e in self.by_type.get(t, ())),
                key=lambda e: e.pos,
            )
        if not candidates:
            return None
        if done_by.within_months_before_due is not None:
            earliest = add_months(due, -done_by.within_months_before_due)
            found = None
            for candidate in candidates:
                if earliest <= candidate.date <= due and _done_matches(done_by, candidate, event):
                    if done_by.pick == "first":
                        return candidate
                    found = candidate
            return found
        for candidate in candidates:
            if end is not None and candidate.date > end:
                break
            if candidate.date < event.date or candidate.pos in consumed:
                continue
            if candidate.type == event.type and candidate.pos <= event.pos:
                continue
            if _done_matches(done_by, candidate, event):
                consumed.add(candidate.pos)
                return candidate
        return None

    # -- exceptions, statuses, checks -----------------------------------------------------

    def apply_exceptions(self) -> None:
        exceptions = self.by_type.get("exception_recorded")
        if not exceptions:
            return
        by_id: dict[str, list[Milestone]] = {}
        for milestone in self.milestones:
            by_id.setdefault(milestone.id, []).append(milestone)
        for event in exceptions:
            self.used.add(event.pos)
            self._apply_exception(event, by_id)

    def _apply_exception(self, event: _Ev, by_id: Mapping[str, list[Milestone]]) -> None:
        name = str(event.details.get("milestone", "")).strip()
        reason_id = str(event.details.get("reason", "")).strip()
        evidence = str(event.details.get("evidence", "")).strip()
        what = event.describe()
        rules = [
            rule for rule in self.rules.rules_for(name) if self.include_local or not rule.local
        ]
        if not rules:
            known = sorted(self.rules.milestone_ids(self.include_local))
            self.warn(
                event,
                W_EXCEPTION,
                f"{what} names the milestone '{name}', which SEND Desk does not know "
                f"(milestones: {', '.join(known)}): not applied.",
            )
            return
        allowed = [reason for rule in rules for reason in rule.exceptions]
        reason = self.rules.reasons.get(reason_id)
        if reason_id not in allowed:
            if not allowed:
                problem = f"the law allows no exception for '{name}'"
            elif reason is None:
                problem = (
                    f"'{reason_id}' is not a reason the regulations allow "
                    f"(for '{name}': {', '.join(dict.fromkeys(allowed))})"
                )
            else:
                problem = (
                    f"{reason.label} ({reason.source}) cannot be relied on for '{name}' "
                    f"(allowed: {', '.join(dict.fromkeys(allowed))})"
                )
            self.warn(event, W_EXCEPTION, f"{what}: {problem}: not applied.")
            return
        assert reason is not None  # the loader checks every listed reason exists
        if not evidence:
            self.warn(event, W_EXCEPTION, f"{what} has no evidence: not applied.")
            return
        candidates = [m for m in by_id.get(name, ()) if m.trigger_date <= event.date]
        if not candidates:
            if by_id.get(name):
                problem = f"is dated before the '{name}' time limit started"
            else:
                problem = f"is for '{name}', which does not apply to this case as the events stand"
            self.warn(event, W_EXCEPTION, f"{what} {problem}: not applied.")
            return
        target = max(candidates, key=lambda m: m.trigger_date)
        source = rules[0].exception_source or reason.source
        target.exceptions.append(
            ExceptionClaim(reason_id, reason.label, evidence, event.date, event.index, source)
        )
        if len(target.exceptions) > 1:
            self.warn(
                event,
                W_EXCEPTION_AGAIN,
                f"{what}: '{name}' (due {uk_date(target.due)}) already has an exception; "
                "both are kept.",
            )
        if reason.closure_window:
            self._check_closure_window(event, target)

    def _check_closure_window(self, event: _Ev, target: Milestone) -> None:
        windows = self.calendar.closure_windows
        if not windows:
            return
        for advice in self.by_type.get("advice_requested", ()):
            if (
                target.trigger_date <= advice.date <= target.due
                and self.calendar.closure_window_at(advice.date) is not None
            ):
                return
        near = min(windows, key=lambda w: abs((w.window_start - target.trigger_date).days))
        self.warn(
            event,
            W_CLOSURE,
            f"{event.describe()}: a closure exception needs the school's or setting's "
            f"advice to have been asked for in a closure window (for example "
            f"{uk_date(near.window_start)} to {uk_date(near.window_end)}); no advice "
            f"request for '{target.id}' falls in one. Check the term dates and the request.",
        )

    def set_statuses(self) -> None:
        today = self.today
        for milestone in self.milestones:
            if milestone.rule.is_info:
                milestone.status = INFO
                continue
            if milestone.done is not None:
                status = MET if milestone.done <= milestone.due else LATE
            else:
                status = PENDING if today <= milestone.due else OVERDUE
            if milestone.exceptions and status in (LATE, OVERDUE):
                status = EXCEPTION
            milestone.status = status
        self.milestones.sort(
            key=lambda m: (m.due, m.id, m.trigger_date, -1 if m.proposed else m.trigger_index)
        )

    def check_order(self) -> None:
        by_type = self.by_type
        for check in self.rules.order_checks:
            events = by_type.get(check.event)
            if not events:
                continue
            firsts = [by_type[t][0] for t in check.after if by_type.get(t)]
            if not firsts:
                continue
            first = min(firsts, key=lambda e: e.pos)
            for event in events:
                if event.date < first.date:
                    self.warn(
                        event,
                        W_ORDER,
                        f"{event.describe()} is dated before the first "
                        f"{_LABELS[first.type].lower()} ({uk_date(first.date)}): "
                        "check the dates.",
                    )

    def check_unused(self) -> None:
        for event in self.events:
            if event.pos in self.used or event.proposed:
                continue
            could = sorted(
                {
                    rule.id
                    for rule in self.rules.rules
                    if rule.done_by is not None
                    and event.type in rule.done_by.events
                    and (self.include_local or not rule.local)
                }
            )
            if could:
                hint = (
                    f"it can complete {', '.join(could)}; check its date and the events before it"
                )
            else:
                hint = "no rule uses this kind of event"
            self.warn(
                event, W_UNUSED, f"{event.describe()} does not complete any open deadline ({hint})."
            )

    def result(self) -> Timeline:
        ordered = sorted(
            enumerate(self.warnings),
            key=lambda item: (-1 if item[1][0] is None else item[1][0], item[0]),
        )
        return Timeline(
            today=self.today,
            milestones=self.milestones,
            warnings=[EventWarning(index, message, code) for _, (index, code, message) in ordered],
        )


def _field_problem(
    details: Mapping[str, Any], fields: tuple[tuple[str, str, tuple[str, ...], bool], ...]
) -> str:
    for name, kind, choices, required in fields:
        value = details.get(name)
        if value is None or value == "":
            if required:
                return f"has no {name}"
            continue
        if kind == "choice" and value not in choices:
            return f"has {name} {value!r}, not one of {', '.join(choices)}"
        if kind == "date" and not isinstance(value, date):
            try:
                date.fromisoformat(str(value))
            except ValueError:
                return f"has {name} {value!r}, not a date"
    return ""


def _matches(details: Mapping[str, Any], wanted: tuple[tuple[str, Any], ...]) -> bool:
    return all(details.get(name) == value for name, value in wanted)


def _any_matches(details: Mapping[str, Any], unwanted: tuple[tuple[str, Any], ...]) -> bool:
    return any(details.get(name) == value for name, value in unwanted)


def _done_matches(done_by: DoneBy, candidate: _Ev, event: _Ev) -> bool:
    for name in done_by.match:
        if candidate.details.get(name) != event.details.get(name):
            return False
    return not done_by.where or _matches(candidate.details, done_by.where)


def compute_timeline(
    events: Sequence[Event],
    today: date,
    child: Child | None = None,
    *,
    rules: RuleSet | None = None,
    calendar: WorkingCalendar | None = None,
    include_local: bool = False,
    propose_transfers: bool = True,
) -> Timeline:
    """A child's milestones and warnings on ``today``.

    ``events`` are the child's recorded events in any order (their positions are the
    ``event_index`` of warnings). With a ``child`` date of birth the next phase
    transfer is proposed (see :mod:`send_desk.timescales.phase_transfer`) unless
    ``propose_transfers`` is False. Local targets are left out unless
    ``include_local``. ``rules`` and ``calendar`` default to the bundled ones.
    """
    ruleset = rules if rules is not None else _default_rules()
    cal = calendar
    if cal is None:
        cal = default_calendar(ruleset.conventions.tribunal_not_counted)
    run = _Run(ruleset, cal, today, child or _NO_CHILD, include_local)
    run.prepare(events)
    if propose_transfers and run.child.date_of_birth is not None:
        recorded = [
            Event(e.type, e.date, e.details) for e in run.events if e.type == "phase_transfer"
        ]
        proposal = next_proposed_transfer(run.child, today, recorded, ruleset)
        if proposal is not None:
            run.events.append(_Ev(None, proposal.type, proposal.date, proposal.details, True))
    run.index_events()
    run.run_rules()
    run.apply_exceptions()
    run.set_statuses()
    run.check_order()
    run.check_unused()
    return run.result()
