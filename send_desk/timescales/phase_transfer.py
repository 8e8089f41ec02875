"""Phase transfers the app proposes from a child's date of birth.

Reg 18 requires the plan to be reviewed and amended before 15 February (school) or
31 March (secondary to post-16) of the calendar year in which the child moves phase.
The contract says the app proposes ``phase_transfer`` events itself from the national
curriculum year (31 August cut-off): Year 6 and Year 11 always, nursery to Reception,
and Year 2 where the setting is an infant school. The year groups are data
(``resources/rules/phase_transfers.toml``).

How proposals reach ``send-desk timeline`` (a judgement on the contract, which says the
app proposes them but not where they show):

* The contract lets ``child`` be omitted "where no milestone needs it"; the only
  milestone that needs the child is ``phase_transfer_plan`` from a proposed transfer.
  So when the input has a date of birth, the timeline includes the milestone of the
  child's **next** transfer (transfer date after ``today``) and marks it
  ``"proposed": true``.
* Only the next one: a Year 7 child gets the Year 11 milestone, not every transfer to
  age 16, and a transfer already passed is never proposed (it would be overdue for
  ever with nothing the caseworker could record against it).
* A recorded ``phase_transfer`` event whose transfer date is in the same calendar year
  (the year that fixes the 15 February / 31 March date) wins: nothing is proposed.
* Reg 18 is about reviewing and amending an EHC plan, so a transfer is proposed only
  for a child with a plan in force: a ``final_plan_issued`` or ``plan_transferred_in``
  not followed by a ``review_decision`` to cease (:func:`plan_in_force`). A child with
  only a request, an assessment or a ceased plan gets no proposal. Otherwise the date
  of birth alone says a transfer is coming; a caseworker confirms one by recording the
  ``phase_transfer`` event (a recorded transfer always has its milestone).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from operator import attrgetter

from send_desk.domain.school_year import academic_year_start, nc_year
from send_desk.timescales.events import Child, Event, EventLike
from send_desk.timescales.rules import PhaseTransferSpec, RuleSet, default_rules


@lru_cache(maxsize=1 << 16)
def transfers_ahead(
    date_of_birth: date,
    today: date,
    setting_phase: str | None,
    specs: tuple[PhaseTransferSpec, ...],
) -> tuple[tuple[str, str], ...]:
    """(transfer date as YYYY-MM-DD, kind) of every transfer still ahead, earliest first.

    Cached: a caseload has far fewer distinct birthdays than children.
    """
    current = nc_year(date_of_birth, today)
    this_year_start = academic_year_start(today)
    ahead = []
    for spec in specs:
        if spec.from_year < current:
            continue
        if spec.setting_phases and setting_phase not in spec.setting_phases:
            continue
        year = this_year_start + (spec.from_year - current) + 1
        ahead.append((f"{year}-09-01", spec.kind))
    return tuple(ahead)


PLAN_STARTS = frozenset({"final_plan_issued", "plan_transferred_in"})
_PLAN_EVENTS = PLAN_STARTS | {"review_decision", "phase_transfer"}
_BY_DATE = attrgetter("date")


def plan_state(events: Iterable[EventLike]) -> tuple[bool, list[str]]:
    """:func:`plan_state_by_type` of events in any order."""
    by_type: dict[str, list[EventLike]] = {}
    for event in sorted((e for e in events if e.type in _PLAN_EVENTS), key=_BY_DATE):
        by_type.setdefault(event.type, []).append(event)
    return plan_state_by_type(by_type)


def plan_state_by_type(events_by_type: Mapping[str, Sequence[EventLike]]) -> tuple[bool, list[str]]:
    """Whether the events leave the child with an EHC plan in force (a plan issued or
    transferred in, and no decision to cease it on or after the latest such event), and
    (when it is) the transfer dates of the recorded phase transfers. The events are
    grouped by type, each group in date order (as the engine keeps them): a look at the
    few groups that matter."""
    started: date | None = None
    for type_id in PLAN_STARTS:
        same = events_by_type.get(type_id)
        if same and (started is None or same[-1].date > started):
            started = same[-1].date
    if started is None:
        return False, []
    ceased: date | None = None
    for event in events_by_type.get("review_decision", ()):
        if event.details.get("outcome") == "cease":
            ceased = event.date  # in date order: the last one is the latest
    recorded = [
        str(event.details.get("transfer_date", ""))
        for event in events_by_type.get("phase_transfer", ())
    ]
    return ceased is None or ceased < started, recorded


def plan_in_force(events: Iterable[EventLike]) -> bool:
    """Whether the events leave the child with an EHC plan in force."""
    return plan_state(events)[0]


def propose_phase_transfers(
    date_of_birth: date,
    today: date,
    *,
    setting_phase: str | None = None,
    rules: RuleSet | None = None,
) -> list[Event]:
    """Every phase transfer still ahead of the child, earliest first.

    Each is a ``phase_transfer`` event dated ``today`` with ``transfer_date`` (1
    September of the school year after the transfer year) and ``kind`` (``school`` or
    ``post16``), marked ``proposed``.
    """
    rules = rules if rules is not None else default_rules()
    return [
        Event("phase_transfer", today, {"transfer_date": when, "kind": kind}, proposed=True)
        for when, kind in transfers_ahead(
            date_of_birth, today, setting_phase, rules.phase_transfers
        )
    ]


def next_transfer(
    child: Child,
    today: date,
    recorded_transfer_dates: Iterable[object],
    specs: tuple[PhaseTransferSpec, ...],
) -> tuple[str, str] | None:
    """(transfer date, kind) of the transfer the timeline shows: the child's next one,
    unless a recorded transfer date falls in the same calendar year."""
    if child.date_of_birth is None:
        return None
    ahead = transfers_ahead(child.date_of_birth, today, child.setting_phase, specs)
    if not ahead:
        return None
    when, kind = ahead[0]
    for recorded in recorded_transfer_dates:
        if str(recorded)[:4] == when[:4]:
            return None
    return when, kind


def next_proposed_transfer(
    child: Child, today: date, recorded: Iterable[Event], rules: RuleSet | None = None
) -> Event | None:
    """The transfer the timeline shows, as a proposed ``phase_transfer`` event (only for
    a child with a plan in force)."""
    in_force, dates = plan_state(recorded)
    if not in_force:
        return None
    specs = (rules if rules is not None else default_rules()).phase_transfers
    found = next_transfer(child, today, dates, specs)
    if found is None:
        return None
    when, kind = found
    return Event("phase_transfer", today, {"transfer_date": when, "kind": kind}, proposed=True)
