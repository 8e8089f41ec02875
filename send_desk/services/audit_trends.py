"""Trends of case-note audits: grades per caseworker and team over time, and the
criteria most often failed.

What counts:

- an audit counts in the month it was made (London time), as a service standards board
  reports the audits done in a month or quarter;
- first audits only (``role = audit``): a moderation is a second opinion on a note
  already counted, so it would count the note twice. Two supervisors' audits of the
  same note are both counted: both are audits;
- an automatic criterion is *failed* when it applied to the note and was not met; a
  manual criterion is failed when graded below good (requires improvement or
  inadequate); ``assessed`` counts the audits in which it applied or was graded;
- a caseworker's team is their team today; audits of notes with no known caseworker
  are under "Not allocated".
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.organisation import Team, User
from send_desk.domain.supervision import AUDIT_SUBJECTS, GRADE_LABELS, GRADES, NoteAudit
from send_desk.quality import default_checklist
from send_desk.services.audit_rules import Rubric, default_rubric, rank
from send_desk.services.errors import ValidationFailed
from send_desk.services.sampling import Period, parse_period, resolve_team, resolve_user
from send_desk.timeutil import LONDON

MAX_MONTHS = 36
NOT_ALLOCATED = "Not allocated"
GOOD_OR_BETTER = ("outstanding", "good")
TOP_FAILED = 3


def months_between(first: Period, last: Period) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last``, inclusive."""
    out = []
    year, month = first.start.year, first.start.month
    while (year, month) <= (last.start.year, last.start.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _bounds(start: str, end: str) -> tuple[Period, Period, list[str]]:
    first, last = parse_period(start), parse_period(end)
    if last.start < first.start:
        raise ValidationFailed(
            f"the period ends ({last.text}) before it starts ({first.text})",
            {"to": "is before the start"},
        )
    months = months_between(first, last)
    if len(months) > MAX_MONTHS:
        raise ValidationFailed(
            f"{len(months)} months is too long a period: at most {MAX_MONTHS}",
            {"to": f"at most {MAX_MONTHS} months after the start"},
        )
    return first, last, months


def _utc_bounds(first: Period, last: Period) -> tuple[datetime, datetime]:
    """The period's London midnights, in UTC (how created_at is stored)."""

    def utc(day: Any) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=LONDON).astimezone(UTC)

    return utc(first.start), utc(last.end)


def _month(moment: datetime) -> str:
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(LONDON)
    return f"{local.year:04d}-{local.month:02d}"


def _failed_criteria(criteria: Iterable[Mapping[str, Any]]) -> tuple[set[str], set[str]]:
    """(assessed, failed) criterion ids of one audit."""
    assessed: set[str] = set()
    failed: set[str] = set()
    for item in criteria:
        cid = str(item.get("id"))
        if item.get("kind") == "automatic":
            if not item.get("applies"):
                continue
            assessed.add(cid)
            if not item.get("passed"):
                failed.add(cid)
        elif item.get("kind") == "manual" and item.get("grade") in GRADES:
            assessed.add(cid)
            if rank(str(item["grade"])) > rank("good"):
                failed.add(cid)
    return assessed, failed


class _Tally:
    """Grades by month and criteria failed, for the service, a team or a caseworker."""

    def __init__(self, months: list[str]) -> None:
        self.months = months
        self.by_month: dict[str, Counter[str]] = {m: Counter() for m in months}
        self.assessed: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()

    def add(self, month: str, grade: str, assessed: set[str], failed: set[str]) -> None:
        self.by_month[month][grade] += 1
        self.assessed.update(assessed)
        self.failed.update(failed)

    @property
    def counts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for counter in self.by_month.values():
            total.update(counter)
        return total

    def _month(self, month: str) -> dict[str, Any]:
        counts = self.by_month[month]
        return {
            "month": month,
            "total": sum(counts.values()),
            "counts": {g: counts[g] for g in GRADES},
        }

    def data(self) -> dict[str, Any]:
        counts = self.counts
        total = sum(counts.values())
        good = sum(counts[g] for g in GOOD_OR_BETTER)
        most = sorted(
            (cid for cid, n in self.failed.items() if n),
            key=lambda cid: (-self.failed[cid] / self.assessed[cid], -self.failed[cid], cid),
        )
        return {
            "total": total,
            "counts": {g: counts[g] for g in GRADES},
            "good_or_better": good,
            "good_or_better_rate": good / total if total else None,
            "by_month": [self._month(m) for m in self.months],
            "most_failed": most[:TOP_FAILED],
        }


def criterion_labels(
    rubric: Rubric | None = None, subject: str = "note"
) -> dict[str, tuple[str, str]]:
    """Criterion id -> (label, kind) for the automatic and the manual criteria of the
    note audit, or (``subject="plan"``) of the plan audit."""
    if subject == "plan":
        from send_desk.plans import default_plan_checklist
        from send_desk.services.plan_audit_rules import default_plan_rubric

        found = {c.id: (c.label, "automatic") for c in default_plan_checklist().criteria}
        found.update({c.id: (c.label, "manual") for c in default_plan_rubric().manual})
        return found
    rubric = rubric or default_rubric()
    labels = {c.id: (c.label, "automatic") for c in default_checklist().criteria}
    labels.update({c.id: (c.label, "manual") for c in rubric.manual})
    return labels


def audit_trends(
    session: Session,
    *,
    start: str,
    end: str,
    team: str | None = None,
    caseworker: str | None = None,
    rubric: Rubric | None = None,
    subject: str = "note",
) -> dict[str, Any]:
    """Grade distribution by month for the service, each team and each caseworker in
    scope, and the criteria most often failed, over the months ``start``..``end``: of
    case-note audits, or (``subject="plan"``) of plan audits, never the two mixed."""
    if subject not in AUDIT_SUBJECTS:
        raise ValidationFailed(
            f"'{subject}' is not what an audit grades: {', '.join(AUDIT_SUBJECTS)}",
            {"subject": "note or plan"},
        )
    first, last, months = _bounds(start, end)
    users = {u.id: u for u in session.exec(select(User)).all()}
    teams = {t.id: t.name for t in session.exec(select(Team)).all()}
    scope_team = resolve_team(session, team) if team else None
    scope_user = resolve_user(users, caseworker) if caseworker else None
    since, until = _utc_bounds(first, last)
    rows = session.exec(
        select(NoteAudit).where(
            NoteAudit.role == "audit",
            NoteAudit.subject == subject,
            col(NoteAudit.created_at) >= since,
            col(NoteAudit.created_at) < until,
        )
    ).all()

    service = _Tally(months)
    by_team: dict[uuid.UUID | None, _Tally] = defaultdict(lambda: _Tally(months))
    by_worker: dict[uuid.UUID | None, _Tally] = defaultdict(lambda: _Tally(months))
    rule_versions: set[int] = set()
    for row in rows:
        worker = users.get(row.caseworker_id) if row.caseworker_id else None
        team_id = worker.team_id if worker else None
        if scope_team is not None and team_id != scope_team.id:
            continue
        if scope_user is not None and row.caseworker_id != scope_user.id:
            continue
        if row.created_at is None or row.overall not in GRADES:
            continue
        if row.auditor_id is not None and row.auditor_id == row.caseworker_id:
            continue  # a self-audit (made before they were refused) says nothing fair
        month = _month(row.created_at)
        if month not in service.by_month:
            continue
        assessed, failed = _failed_criteria(row.criteria)
        for tally in (service, by_team[team_id], by_worker[row.caseworker_id]):
            tally.add(month, row.overall, assessed, failed)
        rule_versions.add(row.rule_version)

    def team_name(team_id: uuid.UUID | None) -> str:
        return teams.get(team_id, NOT_ALLOCATED) if team_id else NOT_ALLOCATED

    labels = criterion_labels(rubric, subject)
    criteria: list[dict[str, Any]] = [
        {
            "id": cid,
            "label": labels.get(cid, (cid, ""))[0],
            "kind": labels.get(cid, ("", "automatic"))[1],
            "assessed": service.assessed[cid],
            "failed": service.failed[cid],
            "rate": service.failed[cid] / service.assessed[cid],
        }
        for cid in service.assessed
    ]
    criteria.sort(key=lambda c: (-c["rate"], -c["failed"], c["label"]))
    worker_rows = []
    for worker_id, tally in by_worker.items():
        user = users.get(worker_id) if worker_id else None
        worker_rows.append(
            {
                "caseworker_id": str(worker_id) if worker_id else None,
                "caseworker": user.display_name if user else NOT_ALLOCATED,
                "team": team_name(user.team_id if user else None),
                **tally.data(),
            }
        )
    worker_rows.sort(key=lambda r: (r["team"].casefold(), r["caseworker"].casefold()))
    team_rows = [
        {"team_id": str(tid) if tid else None, "team": team_name(tid), **tally.data()}
        for tid, tally in by_team.items()
    ]
    team_rows.sort(key=lambda r: r["team"].casefold())
    messages = []
    if not service.counts:
        messages.append(
            f"no audits were made from {first.text} to {last.text}"
            + (f" for {scope_user.display_name}" if scope_user else "")
            + (f" in team {scope_team.name}" if scope_team else "")
        )
    return {
        "from": first.text,
        "to": last.text,
        "months": months,
        "team": scope_team.name if scope_team else None,
        "caseworker": scope_user.display_name if scope_user else None,
        "grades": [{"id": g, "label": GRADE_LABELS[g]} for g in GRADES],
        "rule_versions": sorted(rule_versions),
        "service": service.data(),
        "teams": team_rows,
        "caseworkers": worker_rows,
        "criteria": criteria,
        "criterion_labels": {cid: label for cid, (label, _kind) in labels.items()},
        "messages": messages,
    }
