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

The engine is split along its seams, all compiled together by mypyc
(:mod:`send_desk.timescales.native`): the rules prepared once
(:mod:`~send_desk.timescales.rule_plan`), the state of one computation and its input
(:mod:`~send_desk.timescales.run_state`), the cycle walkers
(:mod:`~send_desk.timescales.walkers`), and what follows them: a plan ceased,
exceptions, the checks on the events (:mod:`~send_desk.timescales.checks`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from send_desk.timescales.calendar import WorkingCalendar, default_calendar
from send_desk.timescales.checks import apply_exceptions, check_order, check_unused, end_with_plan
from send_desk.timescales.cycles import leave_out
from send_desk.timescales.events import Child, EventLike
from send_desk.timescales.milestones import Milestone, Timeline
from send_desk.timescales.rule_plan import _plan
from send_desk.timescales.rules import RuleSet
from send_desk.timescales.rules import default_rules as _default_rules
from send_desk.timescales.run_state import (
    W_CLOSURE,
    W_DUPLICATE,
    W_EXCEPTION,
    W_EXCEPTION_AGAIN,
    W_FUTURE,
    W_INVALID,
    W_ORDER,
    W_UNUSED,
    _Run,
)
from send_desk.timescales.walkers import run_rules

__all__ = [
    "W_CLOSURE",
    "W_DUPLICATE",
    "W_EXCEPTION",
    "W_EXCEPTION_AGAIN",
    "W_FUTURE",
    "W_INVALID",
    "W_ORDER",
    "W_UNUSED",
    "Milestone",
    "compute_caseload",
    "compute_timeline",
]

_NO_CHILD = Child()


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
    run_rules(run)
    end_with_plan(run)
    run.milestones = leave_out(run.milestones, run.by_type)
    apply_exceptions(run)
    check_order(run)
    check_unused(run)
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
        run_rules(run)
        end_with_plan(run)
        run.milestones = leave_out(run.milestones, run.by_type)
        apply_exceptions(run)
        yield key, run.milestones
