"""Compliance figures over a period, for the service and per team and caseworker.

Read from the cached milestones (:mod:`send_desk.services.milestones`; the caller
makes sure they are current). Every figure is a numerator and a denominator, with the
percentage worked out from them, and says how it counts. The figures are data
(``resources/reports/compliance.toml``: what each counts, its milestones, the time limit
and its legal source, read by :mod:`send_desk.reports.compliance_rules`); as bundled:

``plans_within_20_weeks`` / ``plans_within_20_weeks_excluding_exceptions``
    EHC plans issued in the period (the ``final_plan`` milestone done in it), and of
    those how many within 20 weeks of the request, as SEN2 counts them: once over
    every plan ("including exceptions") and once leaving out the plans for which the
    council relied on a reg 13(3) exception (SEN2 ``Week20`` = 1).
``decisions_to_assess_within_6_weeks``
    decisions whether to assess sent in the period, and how many within 6 weeks.
``review_decisions_within_4_weeks``
    decisions after a review meeting sent in the period, and how many within 4 weeks
    of the meeting.
``annual_reviews_overdue``
    plans whose annual review was open at the end of the period (``as_of``: the end,
    or today if sooner), and how many of those were past their 12 months. A plan
    transferred in from another council counts by its first review (reg 15(5)), which
    replaces the annual review then running (docs/statutory-decisions.md).
``phase_transfers_at_risk``
    phase transfers whose 15 February / 31 March deadline falls in the period, and how
    many missed the deadline (amended after it, or not amended by ``as_of`` once it
    passed) or, not yet amended, have fewer than 12 weeks left (a review meeting, 4
    weeks to decide and 8 to amend no longer fit). Transfers proposed from the date of
    birth count: the next one of each child with a plan.

Per team and caseworker, a milestone belongs to whoever held the case on the day that
decided it: the day the work was done when it was done in time, else the due date
(at most ``as_of``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlmodel import Session

from send_desk.domain.children import Allocation
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.reports.compliance_rules import DONE_IN_PERIOD, OPEN_AT_END, compliance_rules

_MS, _AL, _US, _TM = (table_of(m) for m in (MilestoneRow, Allocation, User, Team))

NOT_ALLOCATED = "Not allocated"

# what each figure counts, its milestones, period and source: resources/reports
_RULES = compliance_rules()
FIGURES = _RULES.figures
MILESTONES = _RULES.milestones
AT_RISK_WITHIN = _RULES.at_risk_within
_BY_MILESTONE = {m: tuple(s for s in FIGURES if m in s.milestones) for m in MILESTONES}


@dataclass
class Figure:
    numerator: int = 0
    denominator: int = 0

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)

    def count(self, hit: bool) -> None:
        self.denominator += 1
        if hit:
            self.numerator += 1


@dataclass(frozen=True)
class Row:
    """One cached milestone, as much of it as the figures read."""

    child: str
    milestone: str
    due: date
    done: date | None
    cycle: date
    exception: bool


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def contributions(row: Row, start: date, end: date, as_of: date) -> list[tuple[str, bool]]:
    """The figures one milestone counts in, and whether it counts as a "yes" there."""
    found: list[tuple[str, bool]] = []
    for spec in _BY_MILESTONE.get(row.milestone, ()):
        if spec.counts == DONE_IN_PERIOD:
            if _within(row.done, start, end) and not (spec.exceptions_left_out and row.exception):
                on_time = row.done is not None and row.done <= row.due
                found.append((spec.name, on_time))
        elif spec.counts == OPEN_AT_END:
            open_on_as_of = row.cycle <= as_of and (row.done is None or row.done > as_of)
            if open_on_as_of:
                found.append((spec.name, row.due < as_of))
        elif _within(row.due, start, end):  # AT_RISK
            done_by_now = row.done is not None and row.done <= as_of
            # a plan amended after the deadline (the clock's "late") still missed it
            missed = row.done is not None and row.done > row.due and row.due < as_of
            at_risk = missed or (
                not done_by_now and (row.due < as_of or row.due - as_of < AT_RISK_WITHIN)
            )
            found.append((spec.name, at_risk))
    return found


def decided_on(row: Row, as_of: date) -> date:
    """The day that decides whose the milestone is (see the module docstring)."""
    if row.done is not None and row.done <= row.due:
        return row.done
    return min(row.due, as_of)


def figures(
    rows: Iterable[Row], start: date, end: date, as_of: date
) -> tuple[dict[str, Figure], list[tuple[Row, str, bool]]]:
    """The service's figures and each counted (row, figure, yes) for the breakdowns."""
    totals = {spec.name: Figure() for spec in FIGURES}
    counted: list[tuple[Row, str, bool]] = []
    for row in rows:
        for name, hit in contributions(row, start, end, as_of):
            totals[name].count(hit)
            counted.append((row, name, hit))
    return totals, counted


def figure_json(values: Mapping[str, Figure]) -> dict[str, Any]:
    specs = {spec.name: spec for spec in FIGURES}
    return {
        name: {
            "title": specs[name].title,
            "numerator": figure.numerator,
            "denominator": figure.denominator,
            "percent": figure.percent,
            "source": specs[name].source,
        }
        for name, figure in values.items()
    }


class _Holders:
    """Who held each child's case on a given day (allocation history)."""

    def __init__(self, rows: Sequence[tuple[str, date, date | None, str, str]]) -> None:
        self.by_child: dict[str, list[tuple[date, date | None, str, str]]] = {}
        for child, first, last, worker, team in rows:
            self.by_child.setdefault(child, []).append((first, last, worker, team))

    def on(self, child: str, day: date) -> tuple[str, str]:
        for first, last, worker, team in self.by_child.get(child, ()):
            if first <= day and (last is None or day < last):
                return worker, team
        return NOT_ALLOCATED, NOT_ALLOCATED


def _rows(session: Session) -> list[Row]:
    query = select(
        type_coerce(_MS.c.child_id, String),
        _MS.c.milestone,
        _MS.c.due,
        _MS.c.done,
        _MS.c.cycle,
        _MS.c.exception_reason,
    ).where(_MS.c.milestone.in_(MILESTONES), _MS.c.local.is_(False))
    return [
        Row(child, milestone, due, done, cycle, reason is not None)
        for child, milestone, due, done, cycle, reason in session.execute(query)
    ]


def _holders(session: Session) -> _Holders:
    query = (
        select(
            type_coerce(_AL.c.child_id, String),
            _AL.c.start_date,
            _AL.c.end_date,
            _US.c.display_name,
            _TM.c.name,
        )
        .join(_US, _US.c.id == _AL.c.caseworker_id)
        .join(_TM, _TM.c.id == _AL.c.team_id)
        .order_by(_AL.c.start_date)
    )
    return _Holders([tuple(row) for row in session.execute(query)])


def compliance_report(session: Session, start: date, end: date, *, today: date) -> dict[str, Any]:
    """The figures of the module docstring for ``start`` to ``end`` (both included)."""
    if end < start:
        raise ValueError("the period ends before it starts")
    as_of = min(end, today)
    totals, counted = figures(_rows(session), start, end, as_of)
    holders = _holders(session)
    teams: dict[str, dict[str, Figure]] = {}
    workers: dict[tuple[str, str], dict[str, Figure]] = {}
    for row, name, hit in counted:
        worker, team = holders.on(row.child, decided_on(row, as_of))
        for group in (
            teams.setdefault(team, {spec.name: Figure() for spec in FIGURES}),
            workers.setdefault((worker, team), {spec.name: Figure() for spec in FIGURES}),
        ):
            group[name].count(hit)
    return {
        "from": start,
        "to": end,
        "as_of": as_of,
        "figures": figure_json(totals),
        "teams": [
            {"team": team, "figures": figure_json(values)}
            for team, values in sorted(teams.items(), key=lambda item: item[0].lower())
        ],
        "caseworkers": [
            {"caseworker": worker, "team": team, "figures": figure_json(values)}
            for (worker, team), values in sorted(
                workers.items(), key=lambda item: (item[0][0].lower(), item[0][1])
            )
        ],
    }
