"""After the walkers: the cycles a plan that ceased leaves out, the exceptions applied
to their milestones, and the checks on the events (order, events no milestone used).

Compiled with mypyc with the rest of the engine (:mod:`send_desk.timescales.native`).
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from send_desk.timescales.milestones import EXCEPTION, LATE, MET, OVERDUE, ExceptionClaim, Milestone
from send_desk.timescales.rule_plan import _LABELS, _Ev
from send_desk.timescales.run_state import (
    W_CLOSURE,
    W_EXCEPTION,
    W_EXCEPTION_AGAIN,
    W_ORDER,
    W_UNUSED,
    _Run,
)
from send_desk.timeutil import uk_date

# Events no rule completes or starts, recorded for other reasons: an exception (applied to
# its milestone), an apology owed to the family for a missed time limit.
_NOT_FOR_RULES = frozenset({"exception_recorded", "apology_letter_requested"})


def end_with_plan(run: _Run) -> None:
    """Leave out the cycles of ``ends_with_plan`` rules open when the plan ceased
    and due after it (see the module docstring)."""
    decisions = run.by_type.get("review_decision")
    if not decisions:
        return
    ceased = None
    for event in decisions:  # in date order: a later decision to keep the plan wins
        ceased = event.date if event.details.get("outcome") == "cease" else None
    if ceased is None:
        return
    for type_id in ("final_plan_issued", "plan_transferred_in", "appeal_received"):
        later = run.by_type.get(type_id)
        if later and later[-1].date > ceased:
            return  # a new plan, or the family appealed: the plan goes on
    run.milestones = [
        m
        for m in run.milestones
        if not (
            m.rule.ends_with_plan
            and m.due > ceased
            and m.trigger_date <= ceased
            and (m.done is None or m.done > ceased)
        )
    ]


def apply_exceptions(run: _Run) -> None:
    exceptions = run.by_type.get("exception_recorded")
    if not exceptions:
        return
    by_id: dict[str, list[Milestone]] = {}
    for milestone in run.milestones:
        by_id.setdefault(milestone.id, []).append(milestone)
    for event in exceptions:
        _apply_exception(run, event, by_id)


def _apply_exception(run: _Run, event: _Ev, by_id: Mapping[str, list[Milestone]]) -> None:
    name = str(event.details.get("milestone", "")).strip()
    reason_id = str(event.details.get("reason", "")).strip()
    evidence = str(event.details.get("evidence", "")).strip()
    what = event.describe()
    rules = [r for r in run.rules.rules_for(name) if run.plan.include_local or not r.local]
    if not rules:
        run.warn(
            event,
            W_EXCEPTION,
            f"{what} names the milestone '{name}', which SEND Desk does not know "
            f"(milestones: {', '.join(run.plan.milestone_ids)}): not applied.",
        )
        return
    allowed = list(dict.fromkeys(reason for rule in rules for reason in rule.exceptions))
    reason = run.rules.reasons.get(reason_id)
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
        run.warn(event, W_EXCEPTION, f"{what}: {problem}: not applied.")
        return
    if not evidence:
        run.warn(event, W_EXCEPTION, f"{what} has no evidence: not applied.")
        return
    candidates = [m for m in by_id.get(name, ()) if m.trigger_date <= event.date]
    if not candidates:
        if by_id.get(name):
            problem = f"is dated before the '{name}' time limit started"
        else:
            problem = f"is for '{name}', which does not apply to this case as the events stand"
        run.warn(event, W_EXCEPTION, f"{what} {problem}: not applied.")
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
        run.warn(
            event,
            W_EXCEPTION_AGAIN,
            f"{what}: '{name}' (due {uk_date(target.due)}) already has an exception; "
            "both are kept.",
        )
    if reason.closure_window:
        _check_closure_window(run, event, target)


def _check_closure_window(run: _Run, event: _Ev, target: Milestone) -> None:
    windows = run.calendar.closure_windows
    if not windows:
        return
    for advice in run.by_type.get("advice_requested", ()):
        if (
            target.trigger_date <= advice.date <= target.due
            and run.calendar.closure_window_at(advice.date) is not None
        ):
            return
    near = min(windows, key=lambda w: abs((w.window_start - target.trigger_date).days))
    run.warn(
        event,
        W_CLOSURE,
        f"{event.describe()}: a closure exception needs the school's or setting's "
        f"advice to have been asked for in a closure window (for example "
        f"{uk_date(near.window_start)} to {uk_date(near.window_end)}); no advice "
        f"request for '{target.id}' falls in one. Check the term dates and the request.",
    )


def check_order(run: _Run) -> None:
    by_type = run.by_type
    for type_id, afters in run.checks:
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
                run.warn(
                    event,
                    W_ORDER,
                    f"{event.describe()} is dated before the first "
                    f"{_LABELS[first.type].lower()} ({uk_date(first.date)}): "
                    "check the dates.",
                )


def check_unused(run: _Run) -> None:
    """Warn about each event no milestone used (triggers, exceptions and the events
    kept only for the record are always fine)."""
    used, trigger_types = run.used, run.plan.trigger_types
    for event in run.events:
        if event.pos in used or event.type in trigger_types or event.type in _NOT_FOR_RULES:
            continue
        could = run.plan.done_ids.get(event.type)
        if could:
            hint = f"it can complete {', '.join(could)}; check its date and the events before it"
        else:
            hint = "no rule uses this kind of event"
        run.warn(
            event, W_UNUSED, f"{event.describe()} does not complete any open deadline ({hint})."
        )
