"""Service figures over a period: correspondence, complaints and callbacks.

Every figure is counted from the stored dates, with the position on ``as_of`` (the end
of the period, or today if sooner); nothing later than ``as_of`` counts.

Correspondence (incoming items that need a response):

``weeks``
    one row per week, Monday to Sunday, from the week holding the first day of the
    period to the week holding ``as_of``: items **received** that week, items
    **completed** (answered) that week and how many of those **in time** (on or before
    the due date), items **ongoing** at the end of the week (received by then, not yet
    answered) and how many of those were **overdue** then (due before the week's end).
    A week's end is its Sunday, or ``as_of`` for the last week.
``totals``
    received and completed in the period, completed in time (of completed), and the
    ongoing and overdue items on ``as_of``.
``overdue_items``
    the items overdue on ``as_of``, longest overdue first.
Per team and caseworker, an item belongs to whoever held the child's case on the day
that decided it: the day it was answered when it was answered in time, else its due
date (at most ``as_of``) — the rule the statutory figures use.

Complaints: :mod:`send_desk.reports.complaint_figures`.

Callbacks with a slot in the period up to ``as_of``: booked, made, tried with no answer,
cancelled, and **missed** (no call recorded and the slot plus the grace time of the
standard had passed by ``now``), and how many were booked with a duty officer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String, type_coerce
from sqlmodel import Session

from send_desk.domain.children import Child
from send_desk.domain.correspondence import (
    CHANNEL_LABELS,
    CHANNELS,
    Callback,
    CorrespondenceItem,
)
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.reports.compliance import NOT_ALLOCATED, Figure, _holders
from send_desk.reports.workbook import about_rows, open_deadlines
from send_desk.services.standards import Standards
from send_desk.timeutil import uk_date

_CI, _CB, _CH, _US, _TM = (
    table_of(model) for model in (CorrespondenceItem, Callback, Child, User, Team)
)
ONE_DAY = timedelta(days=1)


def figure(numerator: int, denominator: int, title: str) -> dict[str, Any]:
    value = Figure(numerator, denominator)
    return {
        "title": title,
        "numerator": numerator,
        "denominator": denominator,
        "percent": value.percent,
    }


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


# ---------------------------------------------------------------- correspondence


@dataclass(frozen=True)
class Item:
    id: str
    child: str
    channel: str
    received: date
    due: date
    responded: date | None

    def answered_by(self, day: date) -> bool:
        return self.responded is not None and self.responded <= day

    def ongoing_on(self, day: date) -> bool:
        return self.received <= day and not self.answered_by(day)

    def in_time(self) -> bool:
        return self.responded is not None and self.responded <= self.due

    def owner_day(self, as_of: date) -> date:
        if self.responded is not None and self.responded <= self.due:
            return self.responded
        return min(self.due, as_of)


@dataclass
class Counts:
    """The correspondence counts of one group (the service, a team, a caseworker)."""

    received: int = 0
    completed: int = 0
    completed_in_time: int = 0
    ongoing: int = 0
    overdue: int = 0

    def add(self, item: Item, start: date, as_of: date) -> None:
        if start <= item.received <= as_of:
            self.received += 1
        if item.responded is not None and start <= item.responded <= as_of:
            self.completed += 1
            self.completed_in_time += item.in_time()
        if item.ongoing_on(as_of):
            self.ongoing += 1
            self.overdue += item.due < as_of

    def json(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "completed": self.completed,
            "completed_in_time": figure(
                self.completed_in_time, self.completed, "Answered within the service standard"
            ),
            "ongoing": self.ongoing,
            "overdue": figure(self.overdue, self.ongoing, "Ongoing items overdue"),
        }


def _items(session: Session, as_of: date) -> list[Item]:
    query = sa.select(
        type_coerce(_CI.c.id, String),
        type_coerce(_CI.c.child_id, String),
        _CI.c.channel,
        _CI.c.contact_date,
        _CI.c.response_due,
        _CI.c.responded_on,
    ).where(
        _CI.c.direction == "incoming",
        _CI.c.needs_response.is_(True),
        _CI.c.response_due.is_not(None),
        _CI.c.contact_date <= as_of,
    )
    return [
        Item(item_id, child, channel, received, due, responded if responded and responded <= as_of
             else None)
        for item_id, child, channel, received, due, responded in session.execute(query)
    ]  # fmt: skip


def week_rows(items: Iterable[Item], start: date, as_of: date) -> list[dict[str, Any]]:
    """The weekly completed / ongoing table (see the module docstring)."""
    weeks: list[tuple[date, date]] = []
    first = monday(start)
    while first <= as_of:
        weeks.append((first, min(first + timedelta(days=6), as_of)))
        first += timedelta(days=7)
    counts = [Counts() for _ in weeks]
    for item in items:
        for (week_start, week_end), count in zip(weeks, counts, strict=True):
            if week_start <= item.received <= week_end:
                count.received += 1
            if item.responded is not None and week_start <= item.responded <= week_end:
                count.completed += 1
                count.completed_in_time += item.in_time()
            if item.ongoing_on(week_end):
                count.ongoing += 1
                count.overdue += item.due < week_end
    return [
        {
            "week_starting": week_start,
            "week_ending": week_end,
            "label": f"w/c {uk_date(week_start)}",
            **count.json(),
        }
        for (week_start, week_end), count in zip(weeks, counts, strict=True)
    ]


def _overdue_items(session: Session, items: Iterable[Item], as_of: date) -> list[dict[str, Any]]:
    late = [item for item in items if item.ongoing_on(as_of) and item.due < as_of]
    if not late:
        return []
    holders = _holders(session)
    details = {
        str(row[0]): row[1:]
        for row in session.execute(
            sa.select(
                type_coerce(_CI.c.id, String),
                _CI.c.correspondent,
                _CI.c.summary,
                _CH.c.first_name,
                _CH.c.last_name,
            )
            .join(_CH, _CH.c.id == _CI.c.child_id)
            .where(
                _CI.c.needs_response.is_(True),
                sa.or_(_CI.c.responded_on.is_(None), _CI.c.responded_on > as_of),
                _CI.c.response_due < as_of,
            )
        )
    }
    rows = []
    for item in sorted(late, key=lambda i: (i.due, i.received)):
        who, summary, first, last = details.get(item.id, ("", "", "", ""))
        worker, team = holders.on(item.child, as_of)
        rows.append(
            {
                "id": item.id,
                "child_id": item.child,
                "child_name": f"{first} {last}".strip(),
                "channel": item.channel,
                "channel_label": CHANNEL_LABELS.get(item.channel, item.channel),
                "correspondent": who,
                "summary": summary,
                "received": item.received,
                "due": item.due,
                "days_overdue": (as_of - item.due).days,
                "caseworker": worker,
                "team": team,
            }
        )
    return rows


def correspondence_figures(
    session: Session, start: date, end: date, *, today: date, standards: Standards
) -> dict[str, Any]:
    as_of = min(end, today)
    items = _items(session, as_of)
    totals = Counts()
    channels = {channel: Counts() for channel in CHANNELS}
    teams: dict[str, Counts] = {}
    workers: dict[tuple[str, str], Counts] = {}
    holders = _holders(session)
    for item in items:
        totals.add(item, start, as_of)
        channels.setdefault(item.channel, Counts()).add(item, start, as_of)
        worker, team = holders.on(item.child, item.owner_day(as_of))
        teams.setdefault(team, Counts()).add(item, start, as_of)
        workers.setdefault((worker, team), Counts()).add(item, start, as_of)
    return {
        "standard": {
            channel.id: {
                "label": channel.label,
                "respond_within_working_days": channel.respond_within,
            }
            for channel in standards.channels.values()
        },
        "totals": totals.json(),
        "weeks": week_rows(items, start, as_of),
        "by_channel": [
            {"channel": channel, "label": CHANNEL_LABELS.get(channel, channel), **count.json()}
            for channel, count in channels.items()
        ],
        "teams": [
            {"team": team, **count.json()}
            for team, count in sorted(teams.items(), key=lambda kv: _last(kv[0]))
        ],
        "caseworkers": [
            {"caseworker": worker, "team": team, **count.json()}
            for (worker, team), count in sorted(
                workers.items(), key=lambda kv: (_last(kv[0][0]), kv[0][1])
            )
        ],
        "overdue_items": _overdue_items(session, items, as_of),
    }


def _last(name: str) -> tuple[bool, str]:
    """Sort key that puts "Not allocated" last."""
    return (name == NOT_ALLOCATED, name.lower())


# ---------------------------------------------------------------- callbacks


def callback_figures(
    session: Session,
    start: date,
    end: date,
    *,
    today: date,
    now: datetime | None = None,
    standards: Standards,
) -> dict[str, Any]:
    as_of = min(end, today)
    moment = now if now is not None and as_of == today else datetime.combine(as_of, time.max)
    grace = timedelta(minutes=standards.callbacks.missed_after_minutes)
    query = (
        sa.select(
            _CB.c.slot_start, _CB.c.slot_minutes, _CB.c.outcome, _CB.c.via_duty,
            _US.c.display_name, _TM.c.name,
        )
        .join(_US, _US.c.id == _CB.c.caller_id)
        .outerjoin(_TM, _TM.c.id == _US.c.team_id)
        .where(
            _CB.c.slot_start >= datetime.combine(start, time.min),
            _CB.c.slot_start < datetime.combine(as_of + ONE_DAY, time.min),
        )
    )  # fmt: skip
    keys = ("booked", "made", "no_answer", "cancelled", "missed", "via_duty")
    totals: Counter[str] = Counter()
    workers: dict[tuple[str, str], Counter[str]] = {}
    for slot, minutes, outcome, via_duty, caller, team in session.execute(query):
        counts = [totals, workers.setdefault((caller, team or NOT_ALLOCATED), Counter())]
        missed = outcome is None and slot + timedelta(minutes=minutes) + grace < moment
        for count in counts:
            count["booked"] += 1
            count["via_duty"] += bool(via_duty)
            if outcome is not None:
                count[outcome] += 1
            if missed:
                count["missed"] += 1

    def as_json(count: Mapping[str, int]) -> dict[str, Any]:
        out: dict[str, Any] = {key: count.get(key, 0) for key in keys}
        out["missed_share"] = figure(out["missed"], out["booked"], "Callbacks missed")
        return out

    return {
        "totals": as_json(totals),
        "caseworkers": [
            {"caseworker": worker, "team": team, **as_json(count)}
            for (worker, team), count in sorted(workers.items(), key=lambda kv: kv[0][0].lower())
        ],
    }


def service_figures(
    session: Session,
    start: date,
    end: date,
    *,
    today: date,
    now: datetime | None = None,
    standards: Standards,
) -> dict[str, Any]:
    """The three sections, keyed as ``send-desk report --json`` prints them."""
    # imported here: the complaints module counts with this module's helpers
    from send_desk.reports.complaint_figures import complaint_figures

    if end < start:
        raise ValueError("the period ends before it starts")
    return {
        "correspondence": correspondence_figures(
            session, start, end, today=today, standards=standards
        ),
        "complaints": complaint_figures(session, start, end, today=today, standards=standards),
        "callbacks": callback_figures(
            session, start, end, today=today, now=now, standards=standards
        ),
    }


def full_report(
    session: Session,
    start: date,
    end: date,
    *,
    today: date,
    now: datetime | None = None,
    standards: Standards,
) -> dict[str, Any]:
    """The statutory compliance figures (their keys unchanged) with the service figures
    added under ``correspondence``, ``complaints`` and ``callbacks``, and the plans in
    force on ``end`` under ``plans_in_force``. The caller makes sure the clock's cache
    is current."""
    from send_desk.reports.compliance import compliance_report
    from send_desk.reports.plans_in_force import plans_in_force_figure

    report = compliance_report(session, start, end, today=today)
    report.update(service_figures(session, start, end, today=today, now=now, standards=standards))
    # on the period's last day, as the SEN2 return counts its plans active at census
    report["plans_in_force"] = plans_in_force_figure(session, end)
    return report


__all__ = [
    "Counts",
    "Item",
    "about_rows",
    "callback_figures",
    "correspondence_figures",
    "figure",
    "full_report",
    "open_deadlines",
    "service_figures",
    "week_rows",
]
