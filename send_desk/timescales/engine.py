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

Decisions on points the contract leaves open (the legal reasoning is in
``docs/statutory-decisions.md``):

* An exception applies to the cycle of the named milestone that was running when it
  was recorded (the latest one started on or before the exception's date). It turns
  only ``late``/``overdue`` into ``exception``; before the due date the milestone stays
  ``pending`` and carries the claim; a milestone met in time does not rely on it.
* Only the reasons the rules list for a milestone can be relied on (reg 5(4), 8(2),
  10(4), 13(3), 44(3)); any other reason, or a milestone with no lawful exception, is
  reported as a warning and not applied. An exception without evidence is not applied.
* A task whose contract row has no "done by" event (``transfer_notice``,
  ``mediation_held``, ``appeal_response``, ``order_assess_notify``) is done by an event
  SEND Desk adds to the registry (``transfer_notice_sent``, ``mediation_held``,
  ``appeal_response_sent``, ``order_notice_sent``); without one it is ``pending`` then
  ``overdue``, exactly as the contract gives it. Rules marked ``left_out_when`` lose a
  cycle still open when such an event comes (:mod:`send_desk.timescales.cycles`): the
  annual review on a plan transferred in, mediation the family withdraws from in time.
* ``phase_transfer_plan`` is proposed only for a child with a plan in force (reg 18
  is about plans); a recorded ``phase_transfer`` always counts.
* A plan ceases with a ``review_decision`` to cease, unless an appeal is received after
  it (the plan is kept while the appeal runs) or a later plan starts. The cycles of a
  rule marked ``ends_with_plan`` (the annual review, the first review of a transferred
  plan) that were still open on the day the plan ceased and fall due after it are left
  out: no review is due of a plan that no longer exists.
* ``phase_transfer_plan`` counts the latest plan issued in the 12 months that end on
  its due date (the day exactly 12 months before is outside); failing one, the first
  plan issued after the due date and up to the transfer makes it ``late``.
* Events dated after ``today`` are used (and warned about).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from operator import attrgetter
from typing import Any, TypeVar

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.timescales.calendar import WorkingCalendar, default_calendar
from send_desk.timescales.counting import add_months, apply_period
from send_desk.timescales.cycles import day_of, first_late, leave_out
from send_desk.timescales.events import Child, EventLike
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
from send_desk.timescales.phase_transfer import next_transfer, plan_state_by_type
from send_desk.timescales.rules import (
    Anchor,
    DoneBy,
    DueSpec,
    OrderCheck,
    Rule,
    RuleSet,
)
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
_BY_DATE = attrgetter("date")
_BY_POS = attrgetter("pos")
_BY_DUE = attrgetter("due")
_MILESTONE_ORDER = attrgetter("due", "id")

# Events no rule completes or starts, recorded for other reasons: an exception (applied to
# its milestone), an apology owed to the family for a missed time limit.
_NOT_FOR_RULES = frozenset({"exception_recorded", "apology_letter_requested"})

# Warning codes, so a caller can decide what to refuse and what to flag.
W_INVALID = "invalid"
W_DUPLICATE = "duplicate"
W_FUTURE = "future"
W_ORDER = "order"
W_UNUSED = "unused"
W_EXCEPTION = "exception"
W_EXCEPTION_AGAIN = "exception_again"
W_CLOSURE = "closure_window"


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


_NO_EVENTS: list[_Ev] = []  # never changed: a rule's events are copied before filtering


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


# -- one computation ---------------------------------------------------------------------------


class _Run:
    """The state of one computation."""

    def __init__(self, plan: _Plan, calendar: WorkingCalendar, today: date, child: Child) -> None:
        self.plan = plan
        self.rules = plan.rules
        self.conventions = plan.rules.conventions
        self.calendar = calendar
        self.today = today
        self.child = child
        self.warnings: list[tuple[int | None, str, str]] = []
        self.events: list[_Ev] = []
        self.by_type: dict[str, list[_Ev]] = {}
        self.used: set[int] = set()  # positions of events used as done or anchor
        self.done_of: dict[tuple[str, int], _Ev | None] = {}
        self.milestones: list[Milestone] = []
        self.checks: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def warn(self, event: _Ev | int | None, code: str, message: str) -> None:
        index = event.index if isinstance(event, _Ev) else event
        self.warnings.append((index, code, message))

    # -- input -------------------------------------------------------------------------

    def prepare(
        self, events: Sequence[EventLike], checked: dict[tuple[str, int], Any] | None = None
    ) -> None:
        """Check each event cheaply (type, extra fields, date after today), then keep them
        in date order (same-day events in the input order), numbered and grouped by type,
        an exact duplicate counted once: one walk, in date order.

        ``checked`` (a whole caseload's) keeps each verdict on a type and details object:
        the store decodes each distinct details text once, so most events share one."""
        today = self.today
        by_type = self.by_type
        kept = self.events
        fields_of, verdicts = _FIELDS.get, checked.get if checked is not None else None
        dates = [event.date for event in events]
        # a stable sort by date of the input positions (a warning names the input index)
        for index in sorted(range(len(dates)), key=dates.__getitem__):
            event = events[index]
            type_id = event.type
            fields = fields_of(type_id)
            if fields:
                details = event.details
                if verdicts is None:
                    problem = _field_problem(details, fields)
                else:
                    key = (type_id, id(details))
                    verdict = verdicts(key)
                    if verdict is None:
                        problem = _field_problem(details, fields)
                        # the details are kept with the verdict, so their id stays theirs
                        checked[key] = (details, problem)  # type: ignore[index]
                    else:
                        problem = verdict[1]
                if problem:
                    label = _LABELS[type_id]
                    self.warn(
                        index, W_INVALID, f"{label} on {uk_date(event.date)} {problem}: not used."
                    )
                    continue
            elif fields is None:
                self.warn(index, W_INVALID, f"'{type_id}' is not a known event type: not used.")
                continue
            day = dates[index]
            if day > today:
                self._warn_future(index, event)
            ev = _Ev(index, type_id, day, event.details, event.proposed)
            same = by_type.get(type_id)
            if same is None:
                by_type[type_id] = [ev]
            else:
                # a duplicate has the same date, so it is among the last ones of its type
                k = len(same) - 1
                while k >= 0 and same[k].date == day:
                    if same[k].details == ev.details:
                        self.warn(
                            ev,
                            W_DUPLICATE,
                            f"{ev.describe()} is recorded twice (also "
                            f"events[{same[k].index}]): counted once.",
                        )
                        break
                    k -= 1
                else:
                    same.append(ev)
                    ev.pos = len(kept)
                    kept.append(ev)
                continue
            ev.pos = len(kept)
            kept.append(ev)

    def _warn_future(self, index: int, event: EventLike) -> None:
        far = event.date - self.today > _FAR_FUTURE
        label = _LABELS[event.type]
        self.warn(
            index,
            W_FUTURE,
            f"{label} on {uk_date(event.date)} is dated "
            + ("more than a year " if far else "")
            + f"after today ({uk_date(self.today)}): check the "
            + ("year." if far else "date; an event is recorded once it has happened."),
        )

    def propose_transfer(self) -> None:
        """Add the child's next phase transfer when the child has a plan in force, unless
        one is recorded for that year (see :mod:`send_desk.timescales.phase_transfer`).

        Runs after :meth:`prepare`: the proposal, dated today and given last, takes
        the place a stable sort by date gives it (after every event up to today). It is
        never a duplicate: a recorded transfer in its year means no proposal."""
        if self.child.date_of_birth is None:
            return
        by_type = self.by_type
        in_force, recorded = plan_state_by_type(by_type)
        if not in_force:
            return
        found = next_transfer(self.child, self.today, recorded, self.rules.phase_transfers)
        if found is None:
            return
        today = self.today
        details = {"transfer_date": found[0], "kind": found[1]}
        proposal = _Ev(None, "phase_transfer", today, details, True)
        events = self.events
        k = len(events)
        while k and events[k - 1].date > today:
            k -= 1
            events[k].pos += 1  # an event dated after today moves up one place
        proposal.pos = k
        events.insert(k, proposal)
        same = by_type.setdefault("phase_transfer", [])
        k = len(same)
        while k and same[k - 1].date > today:
            k -= 1
        same.insert(k, proposal)

    # -- rules ---------------------------------------------------------------------------

    def run_rules(self) -> None:
        """Every cycle of every rule the events start. The general path
        (:meth:`_run_step`) is the reference; the common shapes go through
        :meth:`_run_simple` and :meth:`_run_in_year`, which give the same results with
        less work (a test checks they agree)."""
        by_type = self.by_type
        steps, self.checks = self.plan.for_types(frozenset(by_type))
        for step in steps:
            found = by_type.get(step.trigger) or _NO_EVENTS
            if step.initial is not None:
                firsts = by_type.get(step.initial)
                if firsts:
                    start = firsts[0]
                    self.used.add(start.pos)
                    if found and found[0].date < start.date:
                        found = [e for e in found if e.date >= start.date]
                    found = [start, *found]
            if step.filtered:
                if step.where_one is not None and step.initial is None:
                    name, value = step.where_one
                    found = [e for e in found if e.details.get(name) == value]
                else:
                    found = [
                        e for e in found if e.type != step.trigger or _accepts(step, e.details)
                    ]
            if not found:
                continue
            if step.simple:
                self._run_simple(step, found)
            elif step.in_year:
                self._run_in_year(step, found)
            elif step.matched:
                self._run_matched(step, found)
            else:
                self._run_step(step, found)

    def _run_step(self, step: _Step, found: Sequence[_Ev]) -> None:
        """Every cycle of one rule, started by the trigger events ``found``."""
        # A cycle ends where the next one of the same rule (and the same `match` fields)
        # starts: an event after that belongs to the later cycle.
        if step.match:
            ends: list[date | None] = [None] * len(found)
            next_start: dict[tuple[Any, ...], date] = {}
            for i in range(len(found) - 1, -1, -1):
                key = tuple(found[i].details.get(name) for name in step.match)
                ends[i] = next_start.get(key)
                next_start[key] = found[i].date
        else:
            ends = [e.date for e in found[1:]]
            ends.append(None)
        consumed: set[int] = set()
        today = self.today
        rule = step.rule
        keep_done = step.keep_done
        priority = step.priority or self.child.looked_after
        milestones = self.milestones
        for event, end in zip(found, ends, strict=True):
            if step.conditional and not self._applies(rule, event):
                continue
            due = self._due(rule.due, event, end)
            if due is None:
                continue
            done = None
            if step.done_by is not None:
                done = self._done(step.done_by, event, end, due, consumed)
            if keep_done:
                self.done_of[(step.id, event.pos)] = done
            if step.info:
                status = INFO
            elif done is not None:
                self.used.add(done.pos)
                status = MET if done.date <= due else LATE
            else:
                status = PENDING if today <= due else OVERDUE
            suffix = None
            milestone_id = step.id
            if step.suffix_field is not None:
                suffix = str(event.details.get(step.suffix_field, ""))
                milestone_id = f"{step.id}:{suffix}"
            milestones.append(
                Milestone(
                    milestone_id,
                    due,
                    rule,
                    today,
                    event.date,
                    suffix,
                    done.date if done is not None else None,
                    status,
                    event.proposed,
                    priority,
                    event.index,
                )
            )

    def _run_simple(self, step: _Step, found: list[_Ev]) -> None:
        """:meth:`_run_step` for the common shape (same results, fewer steps)."""
        # typed locals: the compiled engine (mypyc) reads them without a lookup
        offset: timedelta | None = step.offset
        months: int | None = step.months
        done_type: str | None = step.done_type
        info: bool = step.info
        keep_done: bool = step.keep_done
        conditional: bool = step.conditional
        chain: bool = step.chain
        step_id: str = step.id
        rule: Rule = step.rule
        today = self.today
        candidates = self.by_type.get(done_type) if done_type is not None else None
        priority = step.priority or self.child.looked_after
        if len(found) == 1 and offset is not None:
            # one cycle (the usual): done by the first candidate the walk below would take
            event = found[0]
            if conditional and not self._applies(rule, event):
                return
            start = event.date
            due = start + offset
            done = None
            if candidates:
                for candidate in candidates:
                    if candidate.date >= start and not (
                        chain and candidate.pos <= event.pos and candidate.type == event.type
                    ):
                        done = candidate
                        break
            if keep_done:
                self.done_of[(step_id, event.pos)] = done
            if info:
                status = INFO
            elif done is not None:
                self.used.add(done.pos)
                status = MET if done.date <= due else LATE
            else:
                status = PENDING if today <= due else OVERDUE
            self.milestones.append(
                Milestone(
                    step_id,
                    due,
                    rule,
                    today,
                    start,
                    None,
                    None if done is None else done.date,
                    status,
                    event.proposed,
                    priority,
                    event.index,
                )
            )
            return
        count = len(candidates) if candidates else 0
        append, used = self.milestones.append, self.used
        j = 0
        last = len(found) - 1
        for i, event in enumerate(found):
            if conditional and not self._applies(rule, event):
                continue
            start = event.date
            if offset is not None:
                due = start + offset
            elif start.day <= 28:  # every month has this day: no short-month rule needed
                assert months is not None
                index = start.month - 1 + months
                due = date(start.year + index // 12, index % 12 + 1, start.day)
            else:
                assert months is not None
                due = add_months(start, months, self.conventions.short_month)
            done = None
            if j < count:
                assert candidates is not None
                # candidates and cycles are both in date order: skip what is too early
                # for this cycle (and so for every later one); take the next if in time
                candidate = candidates[j]
                while candidate.date < start or (
                    chain and candidate.pos <= event.pos and candidate.type == event.type
                ):
                    j += 1
                    if j == count:
                        break
                    candidate = candidates[j]
                else:
                    if i == last or candidate.date <= found[i + 1].date:
                        done = candidate
                        j += 1
            if keep_done:
                self.done_of[(step_id, event.pos)] = done
            if info:
                status = INFO
            elif done is not None:
                used.add(done.pos)
                status = MET if done.date <= due else LATE
            else:
                status = PENDING if today <= due else OVERDUE
            append(
                Milestone(
                    step_id,
                    due,
                    rule,
                    today,
                    start,
                    None,
                    None if done is None else done.date,
                    status,
                    event.proposed,
                    priority,
                    event.index,
                )
            )

    def _run_matched(self, step: _Step, found: Sequence[_Ev]) -> None:
        """:meth:`_run_step` for a fixed period done by an event with the same ``match``
        fields (advice from each body): the simple walk, once per body."""
        assert step.offset is not None and step.done_by is not None
        match = step.match
        candidates_all = self.by_type.get(step.done_types[0], ())
        done_of: dict[int, _Ev] = {}
        if len(match) == 1:  # the usual: one field, its value is the key
            (name,) = match
            once = {event.details.get(name): event for event in found}
            if len(once) == len(found):
                # each body asked once (the commonest shape): its one cycle is done by the
                # first of its events on or after the request, no later request ending it
                for candidate in candidates_all:
                    start = once.get(candidate.details.get(name))
                    if (
                        start is not None
                        and candidate.date >= start.date
                        and start.pos not in done_of
                    ):
                        done_of[start.pos] = candidate
            else:
                _match_cycles(found, candidates_all, lambda e: e.details.get(name), done_of)
        else:
            _match_cycles(
                found,
                candidates_all,
                lambda e: tuple(e.details.get(field) for field in match),
                done_of,
            )
        today, rule, offset = self.today, step.rule, step.offset
        priority = step.priority or self.child.looked_after
        suffix_field, step_id, ids = step.suffix_field, step.id, step.ids
        keep_done, used, append = step.keep_done, self.used, self.milestones.append
        for event in found:
            due = event.date + offset
            done = done_of.get(event.pos)
            if keep_done:
                self.done_of[(step_id, event.pos)] = done
            if done is not None:
                used.add(done.pos)
                status = MET if done.date <= due else LATE
            else:
                status = PENDING if today <= due else OVERDUE
            suffix = None
            milestone_id = step_id
            if suffix_field is not None:
                value = event.details.get(suffix_field, "")
                try:
                    suffix, milestone_id = ids[value]
                except (KeyError, TypeError):  # TypeError: a value that cannot be a key
                    suffix = str(value)
                    milestone_id = f"{step_id}:{suffix}"
                    if len(ids) < 256 and isinstance(value, str):
                        ids[value] = (suffix, milestone_id)
            append(
                Milestone(
                    milestone_id,
                    due,
                    rule,
                    today,
                    event.date,
                    suffix,
                    None if done is None else done.date,
                    status,
                    event.proposed,
                    priority,
                    event.index,
                )
            )

    def _run_in_year(self, step: _Step, found: Sequence[_Ev]) -> None:
        """:meth:`_run_step` for a fixed day of the transfer year (reg 18), or a fixed
        number of days before it, done by the latest (or first) event of the kinds wanted
        in the months up to the due date."""
        spec, done_by = step.rule.due, step.done_by
        assert spec.date_in_year is not None and spec.year_of is not None
        assert done_by is not None and done_by.within_months_before_due is not None
        month, day = spec.date_in_year
        lists = [e for t in done_by.events if (e := self.by_type.get(t))]
        latest = done_by.pick == "latest"
        window = done_by.within_months_before_due
        today, then, year_of = self.today, step.then, spec.year_of
        priority = step.priority or self.child.looked_after
        for event in found:
            raw = event.details[year_of]
            due = date(raw.year if isinstance(raw, date) else int(str(raw)[:4]), month, day)
            if then is not None:
                due += then
            earliest = (
                date(due.year - window // 12, due.month, due.day)
                if window % 12 == 0 and (due.day <= 28 or due.month != 2)
                else add_months(due, -window)
            )
            done: _Ev | None = None
            for candidates in lists:
                for candidate in candidates:
                    if earliest < candidate.date <= due and (
                        done is None
                        or (candidate.pos > done.pos if latest else candidate.pos < done.pos)
                    ):
                        done = candidate
            if done is None and done_by.late_until is not None:
                done = first_late(lists, due, day_of(event.details.get(done_by.late_until)))
            if step.keep_done:
                self.done_of[(step.id, event.pos)] = done
            if step.info:
                status = INFO
            elif done is not None:
                self.used.add(done.pos)
                status = MET if done.date <= due else LATE
            else:
                status = PENDING if today <= due else OVERDUE
            self.milestones.append(
                Milestone(
                    step.id,
                    due,
                    step.rule,
                    today,
                    event.date,
                    None,
                    None if done is None else done.date,
                    status,
                    event.proposed,
                    priority,
                    event.index,
                )
            )

    def _applies(self, rule: Rule, event: _Ev) -> bool:
        """Whether the rule's conditions hold for the cycle this trigger event starts:
        each ``requires`` milestone done by an event with those fields, no ``unless``
        one."""
        done_of, pos = self.done_of, event.pos
        for condition in rule.requires:
            done = done_of.get((condition.milestone, pos))
            if done is None:
                return False
            details = done.details
            for name, value in condition.done_with:
                if details.get(name) != value:
                    return False
        for condition in rule.unless:
            done = done_of.get((condition.milestone, pos))
            if done is None:
                continue
            details = done.details
            for name, value in condition.done_with:
                if details.get(name) != value:
                    break
            else:
                return False
        return True

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
        lists = [same for t in done_by.events if (same := self.by_type.get(t))]
        if len(lists) == 1:
            candidates: Sequence[_Ev] = lists[0]
        else:
            candidates = sorted((e for same in lists for e in same), key=_BY_POS)
        if not candidates:
            return None
        if done_by.within_months_before_due is not None:
            # the window is the 12 months (say) that end on the due date: the day
            # exactly 12 months before is outside it (docs/statutory-decisions.md)
            earliest = add_months(due, -done_by.within_months_before_due)
            found = None
            for candidate in candidates:
                if earliest < candidate.date <= due and _done_matches(done_by, candidate, event):
                    if done_by.pick == "first":
                        return candidate
                    found = candidate
            if found is None and done_by.late_until is not None:
                last = day_of(event.details.get(done_by.late_until))
                late = [[c for c in candidates if _done_matches(done_by, c, event)]]
                found = first_late(late, due, last)
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

    def end_with_plan(self) -> None:
        """Leave out the cycles of ``ends_with_plan`` rules open when the plan ceased
        and due after it (see the module docstring)."""
        decisions = self.by_type.get("review_decision")
        if not decisions:
            return
        ceased = None
        for event in decisions:  # in date order: a later decision to keep the plan wins
            ceased = event.date if event.details.get("outcome") == "cease" else None
        if ceased is None:
            return
        for type_id in ("final_plan_issued", "plan_transferred_in", "appeal_received"):
            later = self.by_type.get(type_id)
            if later and later[-1].date > ceased:
                return  # a new plan, or the family appealed: the plan goes on
        self.milestones = [
            m
            for m in self.milestones
            if not (
                m.rule.ends_with_plan
                and m.due > ceased
                and m.trigger_date <= ceased
                and (m.done is None or m.done > ceased)
            )
        ]

    # -- exceptions, statuses, checks -----------------------------------------------------

    def apply_exceptions(self) -> None:
        exceptions = self.by_type.get("exception_recorded")
        if not exceptions:
            return
        by_id: dict[str, list[Milestone]] = {}
        for milestone in self.milestones:
            by_id.setdefault(milestone.id, []).append(milestone)
        for event in exceptions:
            self._apply_exception(event, by_id)

    def _apply_exception(self, event: _Ev, by_id: Mapping[str, list[Milestone]]) -> None:
        name = str(event.details.get("milestone", "")).strip()
        reason_id = str(event.details.get("reason", "")).strip()
        evidence = str(event.details.get("evidence", "")).strip()
        what = event.describe()
        rules = [r for r in self.rules.rules_for(name) if self.plan.include_local or not r.local]
        if not rules:
            self.warn(
                event,
                W_EXCEPTION,
                f"{what} names the milestone '{name}', which SEND Desk does not know "
                f"(milestones: {', '.join(self.plan.milestone_ids)}): not applied.",
            )
            return
        allowed = list(dict.fromkeys(reason for rule in rules for reason in rule.exceptions))
        reason = self.rules.reasons.get(reason_id)
        if reason is None or reason_id not in allowed:
            if not allowed:
                problem = f"the law allows no exception for '{name}'"
            elif reason is None:
                problem = (
                    f"'{reason_id}' is not a reason the regulations allow "
                    f"(for '{name}': {', '.join(allowed)})"
                )
            else:
                problem = (
                    f"{reason.label} ({reason.source}) cannot be relied on for '{name}' "
                    f"(allowed: {', '.join(allowed)})"
                )
            self.warn(event, W_EXCEPTION, f"{what}: {problem}: not applied.")
            return
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
        target = max(candidates, key=attrgetter("trigger_date"))
        if target.status == MET:
            return  # done in time: the claim was never relied on (statutory-decisions.md)
        source = rules[0].exception_source or reason.source
        claim = ExceptionClaim(reason_id, reason.label, evidence, event.date, event.index, source)
        target.exceptions = (*target.exceptions, claim)
        if target.status in (LATE, OVERDUE):
            target.status = EXCEPTION
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

    def check_order(self) -> None:
        by_type = self.by_type
        for type_id, afters in self.checks:
            events = by_type[type_id]
            first = by_type[afters[0]][0]
            for after in afters[1:]:
                found = by_type[after][0]
                if found.pos < first.pos:
                    first = found
            if events[0].date >= first.date:
                continue  # the earliest is in order, so all are
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
        """Warn about each event no milestone used (triggers, exceptions and the events
        kept only for the record are always fine)."""
        used, trigger_types = self.used, self.plan.trigger_types
        for event in self.events:
            if event.pos in used or event.type in trigger_types or event.type in _NOT_FOR_RULES:
                continue
            could = self.plan.done_ids.get(event.type)
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
        milestones = self.milestones
        milestones.sort(key=_BY_DUE)  # stable: same-day ones stay in trigger order
        for i in range(len(milestones) - 1):
            if milestones[i].due == milestones[i + 1].due:  # rare: order these by id too
                milestones.sort(key=_MILESTONE_ORDER)
                break
        warnings = self.warnings
        if len(warnings) > 1:
            warnings.sort(key=lambda w: -1 if w[0] is None else w[0])  # stable
        return Timeline(
            today=self.today,
            milestones=milestones,
            warnings=[EventWarning(index, message, code) for index, code, message in warnings],
        )


def _match_cycles(
    found: Sequence[_Ev],
    candidates_all: Sequence[_Ev],
    key_of: Callable[[_Ev], Any],
    done_of: dict[int, _Ev],
) -> None:
    """The walk of :meth:`_Run._run_simple` once per ``match`` key: which event
    completes each cycle (by the position of its trigger) in ``done_of``."""
    starts: dict[Any, list[_Ev]] = {}
    dones: dict[Any, list[_Ev]] = {}
    for event in found:
        starts.setdefault(key_of(event), []).append(event)
    for candidate in candidates_all:
        key = key_of(candidate)
        if key in starts:
            dones.setdefault(key, []).append(candidate)
    for key, cycles in starts.items():
        candidates = dones.get(key)
        if not candidates:
            continue
        j, count, last = 0, len(candidates), len(cycles) - 1
        for i, event in enumerate(cycles):
            candidate = candidates[j]
            while candidate.date < event.date:
                j += 1
                if j == count:
                    break
                candidate = candidates[j]
            else:
                if i == last or candidate.date <= cycles[i + 1].date:
                    done_of[event.pos] = candidate
                    j += 1
            if j == count:
                break


def _field_problem(
    details: Mapping[str, Any], fields: tuple[tuple[str, str, tuple[str, ...], bool], ...]
) -> str:
    for name, kind, choices, required in fields:
        value = details.get(name)
        if value is None or value == "":
            if required:
                return f"has no {name}"
            continue
        if not isinstance(value, str | int | float | date):
            # a list or an object: not a value a form or the parser gives, and not one
            # the engine can compare or group by (it is a key when cycles are matched)
            return f"has {name} {value!r}, which is not a single value"
        if kind == "choice" and value not in choices:
            return f"has {name} {value!r}, not one of {', '.join(choices)}"
        if kind == "date" and not isinstance(value, date):
            try:
                date.fromisoformat(str(value))
            except ValueError:
                return f"has {name} {value!r}, not a date"
    return ""


def _accepts(step: _Step, details: Mapping[str, Any]) -> bool:
    """Whether a trigger event passes the rule's ``where`` and ``where_not`` filters."""
    for name, value in step.where:
        if details.get(name) != value:
            return False
    return all(details.get(name) != value for name, value in step.where_not)


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
    events: Sequence[EventLike],
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
    run = _Run(_plan(ruleset, include_local), cal, today, child or _NO_CHILD)
    run.prepare(events)
    if propose_transfers:
        run.propose_transfer()
    run.run_rules()
    run.end_with_plan()
    run.milestones = leave_out(run.milestones, run.by_type)
    run.apply_exceptions()
    run.check_order()
    run.check_unused()
    return run.result()


K = TypeVar("K")


def compute_caseload(
    cases: Iterable[tuple[K, Child | None, Sequence[EventLike]]],
    today: date,
    *,
    rules: RuleSet | None = None,
    calendar: WorkingCalendar | None = None,
    include_local: bool = False,
    propose_transfers: bool = True,
) -> Iterator[tuple[K, list[Milestone]]]:
    """The milestones of many children at once, for recomputing a whole caseload.

    ``cases`` yields ``(key, child, events)``; each result is ``(key, milestones)`` with
    the milestones :func:`compute_timeline` gives for that child, in no particular
    order, and without the warnings about the events (a caller that shows a child's
    events asks :func:`compute_timeline`; the store checks each new event with
    :func:`send_desk.timescales.validate_new_event`). The rules are prepared once.
    """
    ruleset = rules if rules is not None else _default_rules()
    cal = calendar
    if cal is None:
        cal = default_calendar(ruleset.conventions.tribunal_not_counted)
    plan = _plan(ruleset, include_local)
    checked: dict[tuple[str, int], Any] = {}
    for key, child, events in cases:
        run = _Run(plan, cal, today, child or _NO_CHILD)
        # events that share no details objects (built one by one) fill the verdicts
        # with no use: past a few thousand, stop keeping them
        run.prepare(events, checked if len(checked) < 4096 else None)
        if propose_transfers:
            run.propose_transfer()
        run.run_rules()
        run.end_with_plan()
        run.milestones = leave_out(run.milestones, run.by_type)
        run.apply_exceptions()
        yield key, run.milestones
