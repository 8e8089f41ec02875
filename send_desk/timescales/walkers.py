"""The cycle walkers of the clock: every cycle of every rule the events start, each
rule by the walker that fits its shape. :func:`_run_step` is the general path and the
reference; :func:`_run_simple`, :func:`_run_in_year` and :func:`_run_matched` give the
same results for the common shapes with less work (tests check they agree).

Compiled with mypyc with the rest of the engine (:mod:`send_desk.timescales.native`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

from send_desk.timescales.counting import add_months, apply_period
from send_desk.timescales.cycles import day_of, first_late
from send_desk.timescales.milestones import INFO, LATE, MET, OVERDUE, PENDING, Milestone
from send_desk.timescales.rule_plan import _accepts, _Ev, _Step
from send_desk.timescales.rules import Anchor, DoneBy, DueSpec, Rule
from send_desk.timescales.run_state import _Run

_BY_POS = attrgetter("pos")
_NO_EVENTS: list[_Ev] = []  # never changed: a rule's events are copied before filtering


def run_rules(run: _Run) -> None:
    """Every cycle of every rule the events start. The general path
    (:meth:`_run_step`) is the reference; the common shapes go through
    :meth:`_run_simple` and :meth:`_run_in_year`, which give the same results with
    less work (a test checks they agree)."""
    by_type = run.by_type
    steps, run.checks = run.plan.for_types(frozenset(by_type))
    for step in steps:
        found = by_type.get(step.trigger) or _NO_EVENTS
        if step.initial is not None:
            firsts = by_type.get(step.initial)
            if firsts:
                start = firsts[0]
                run.used.add(start.pos)
                if found and found[0].date < start.date:
                    found = [e for e in found if e.date >= start.date]
                found = [start, *found]
        if step.filtered:
            if step.where_one is not None and step.initial is None:
                name, value = step.where_one
                found = [e for e in found if e.details.get(name) == value]
            else:
                found = [e for e in found if e.type != step.trigger or _accepts(step, e.details)]
        if not found:
            continue
        if step.simple:
            _run_simple(run, step, found)
        elif step.in_year:
            _run_in_year(run, step, found)
        elif step.matched:
            _run_matched(run, step, found)
        else:
            _run_step(run, step, found)


def _settle(
    run: _Run,
    step: _Step,
    event: _Ev,
    due: date,
    done: _Ev | None,
    priority: bool,
    milestone_id: str,
    suffix: str | None,
) -> None:
    """The one status rule, for every walker: a cycle started by ``event``, due on
    ``due`` and done by ``done`` (or not yet), becomes a milestone. ``met`` done on or
    before due, ``late`` after; ``pending`` not done and today on or before due,
    ``overdue`` after; ``info`` for a date to know. The event that completes it counts
    as used, and a rule another rule's condition looks at keeps what completed it."""
    if step.keep_done:
        run.done_of[(step.id, event.pos)] = done
    if step.info:
        status = INFO
    elif done is not None:
        run.used.add(done.pos)
        status = MET if done.date <= due else LATE
    else:
        status = PENDING if run.today <= due else OVERDUE
    run.milestones.append(
        Milestone(
            milestone_id,
            due,
            step.rule,
            run.today,
            event.date,
            suffix,
            None if done is None else done.date,
            status,
            event.proposed,
            priority,
            event.index,
        )
    )


def _run_step(run: _Run, step: _Step, found: Sequence[_Ev]) -> None:
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
    rule = step.rule
    priority = step.priority or run.child.looked_after
    for event, end in zip(found, ends, strict=True):
        if step.conditional and not _applies(run, rule, event):
            continue
        due = _due(run, rule.due, event, end)
        if due is None:
            continue
        done = None
        if step.done_by is not None:
            done = _done(run, step.done_by, event, end, due, consumed)
        suffix = None
        milestone_id = step.id
        if step.suffix_field is not None:
            suffix = str(event.details.get(step.suffix_field, ""))
            milestone_id = f"{step.id}:{suffix}"
        _settle(run, step, event, due, done, priority, milestone_id, suffix)


def _run_simple(run: _Run, step: _Step, found: list[_Ev]) -> None:
    """:meth:`_run_step` for the common shape (same results, fewer steps)."""
    # typed locals: the compiled engine (mypyc) reads them without a lookup
    offset: timedelta | None = step.offset
    months: int | None = step.months
    done_type: str | None = step.done_type
    conditional: bool = step.conditional
    chain: bool = step.chain
    step_id: str = step.id
    rule: Rule = step.rule
    candidates = run.by_type.get(done_type) if done_type is not None else None
    priority = step.priority or run.child.looked_after
    if len(found) == 1 and offset is not None:
        # one cycle (the usual): done by the first candidate the walk below would take
        event = found[0]
        if conditional and not _applies(run, rule, event):
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
        _settle(run, step, event, due, done, priority, step_id, None)
        return
    count = len(candidates) if candidates else 0
    j = 0
    last = len(found) - 1
    for i, event in enumerate(found):
        if conditional and not _applies(run, rule, event):
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
            due = add_months(start, months, run.conventions.short_month)
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
        _settle(run, step, event, due, done, priority, step_id, None)


def _run_matched(run: _Run, step: _Step, found: Sequence[_Ev]) -> None:
    """:meth:`_run_step` for a fixed period done by an event with the same ``match``
    fields (advice from each body): the simple walk, once per body."""
    assert step.offset is not None and step.done_by is not None
    match = step.match
    candidates_all = run.by_type.get(step.done_types[0], ())
    done_of: dict[int, _Ev] = {}
    if len(match) == 1:  # the usual: one field, its value is the key
        (name,) = match
        once = {event.details.get(name): event for event in found}
        if len(once) == len(found):
            # each body asked once (the commonest shape): its one cycle is done by the
            # first of its events on or after the request, no later request ending it
            for candidate in candidates_all:
                start = once.get(candidate.details.get(name))
                if start is not None and candidate.date >= start.date and start.pos not in done_of:
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
    offset = step.offset
    priority = step.priority or run.child.looked_after
    suffix_field, step_id, ids = step.suffix_field, step.id, step.ids
    for event in found:
        due = event.date + offset
        done = done_of.get(event.pos)
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
        _settle(run, step, event, due, done, priority, milestone_id, suffix)


def _run_in_year(run: _Run, step: _Step, found: Sequence[_Ev]) -> None:
    """:meth:`_run_step` for a fixed day of the transfer year (reg 18), or a fixed
    number of days before it, done by the latest (or first) event of the kinds wanted
    in the months up to the due date."""
    spec, done_by = step.rule.due, step.done_by
    assert spec.date_in_year is not None and spec.year_of is not None
    assert done_by is not None and done_by.within_months_before_due is not None
    month, day = spec.date_in_year
    lists = [e for t in done_by.events if (e := run.by_type.get(t))]
    latest = done_by.pick == "latest"
    window = done_by.within_months_before_due
    then, year_of = step.then, spec.year_of
    priority = step.priority or run.child.looked_after
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
        _settle(run, step, event, due, done, priority, step.id, None)


def _applies(run: _Run, rule: Rule, event: _Ev) -> bool:
    """Whether the rule's conditions hold for the cycle this trigger event starts:
    each ``requires`` milestone done by an event with those fields, no ``unless``
    one."""
    done_of, pos = run.done_of, event.pos
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


def _due(run: _Run, spec: DueSpec, event: _Ev, end: date | None) -> date | None:
    if spec.later_of:
        day: date | None = None
        for part in spec.later_of:
            candidate = _due(run, part, event, end)
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
            anchor = _anchor(run, spec.anchor, event, end)
            if anchor is None:
                return None
            run.used.add(anchor.pos)
            base = anchor.date
        assert spec.period is not None  # the loader guarantees one form
        day = apply_period(base, spec.period.count, spec.period.unit, run.conventions, run.calendar)
    if spec.then is not None:
        day = apply_period(day, spec.then.count, spec.then.unit, run.conventions, run.calendar)
    if spec.roll == "next_tribunal_day":
        day = run.calendar.tribunal_day_on_or_after(day)
    elif spec.roll == "next_working_day":
        day = run.calendar.working_day_on_or_after(day)
    return day


def _anchor(run: _Run, anchor: Anchor, event: _Ev, end: date | None) -> _Ev | None:
    """The latest event of the anchor's types before the trigger, or the first one
    on or after it (and within the cycle)."""
    best: _Ev | None = None
    latest = anchor.pick == "latest_before_trigger"
    for type_id in anchor.events:
        for candidate in run.by_type.get(type_id, ()):
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
    run: _Run, done_by: DoneBy, event: _Ev, end: date | None, due: date, consumed: set[int]
) -> _Ev | None:
    lists = [same for t in done_by.events if (same := run.by_type.get(t))]
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


def _matches(details: Mapping[str, Any], wanted: tuple[tuple[str, Any], ...]) -> bool:
    return all(details.get(name) == value for name, value in wanted)


def _done_matches(done_by: DoneBy, candidate: _Ev, event: _Ev) -> bool:
    for name in done_by.match:
        if candidate.details.get(name) != event.details.get(name):
            return False
    return not done_by.where or _matches(candidate.details, done_by.where)
