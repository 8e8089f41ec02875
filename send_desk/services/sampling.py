"""Reproducible samples of case notes for supervision audits.

A draw takes the notes of a period (``YYYY-MM``, by the date the contact happened) in a
scope (a team, some caseworkers, or everyone) and picks ``per_caseworker`` notes for each
caseworker:

- **the note** is its latest version saved at the time of the draw (``as_of``); its
  caseworker is the author of that version, or else the child's allocated caseworker on
  the day of the contact;
- **strata**: a caseworker's notes are grouped by kind; the kinds are visited largest
  group first (ties in the standard's order of kinds), one note from each kind in turn,
  round after round, until enough are drawn. Three notes from 5 visits, 2 phone calls
  and 1 email are one of each; five are 2 visits, 2 calls and the email;
- **weights** (``weighted=True``): within a kind, a note is picked with weight
  ``1 + RISK_WEIGHT x`` the number of its child's risk flags (looked after; a complaint
  received by the end of the period; a statutory deadline overdue at the end of the
  period), so a note about a looked-after child with a complaint is five times as likely
  as one about a child with neither; and a **new starter** (``users.start_date`` within
  ``NEW_STARTER_MONTHS`` months before the end of the period) gets ``NEW_STARTER_FACTOR``
  times as many notes;
- **reproducible**: the candidates are ordered by id and every random choice comes from
  ``random.Random(seed)``, so the same seed over the same notes gives the same sample.
  Notes saved and audits made after ``as_of`` are left out, so :func:`redraw` of a saved
  sample gives the same notes later;
- notes already audited are not drawn again unless ``include_audited``.

Asking for more than there is gives everything there is and a ``shortfall`` entry; a
period with no notes, or a team of one caseworker, gives a message and the best sample.
"""

from __future__ import annotations

import random
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, Child
from send_desk.domain.correspondence import Complaint
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.notes import NoteVersion
from send_desk.domain.organisation import Team, User
from send_desk.domain.supervision import NoteAudit, NoteSample
from send_desk.quality import KIND_LABELS, KINDS
from send_desk.services.errors import NotFound, ValidationFailed
from send_desk.services.sampling_rules import load_sampling_rules
from send_desk.timeutil import utcnow

DEFAULT_PER_CASEWORKER = 3
MAX_PER_CASEWORKER = 200
# the weights and the risk flags' labels: resources/supervision/sampling.toml
_RULES = load_sampling_rules()
RISK_WEIGHT = _RULES.risk_weight
NEW_STARTER_FACTOR = _RULES.new_starter_factor
NEW_STARTER_MONTHS = _RULES.new_starter_months
RISK_LABELS = _RULES.risk_labels

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    text: str
    start: date
    end: date  # the first day after the period

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


def parse_period(text: str) -> Period:
    match = _PERIOD.match(text.strip())
    month = int(match.group(2)) if match else 0
    if match is None or not 1 <= month <= 12 or int(match.group(1)) < 2000:
        raise ValidationFailed(
            f"'{text}' is not a period: give a month as YYYY-MM, such as 2026-03",
            {"period": "give a month as YYYY-MM"},
        )
    year = int(match.group(1))
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(f"{year:04d}-{month:02d}", start, end)


@dataclass
class Candidate:
    note_id: uuid.UUID
    version_id: uuid.UUID
    child_id: uuid.UUID
    caseworker_id: uuid.UUID | None
    kind: str
    occurred_at: datetime
    risks: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        return 1 + RISK_WEIGHT * len(self.risks)


@dataclass
class SampleRequest:
    period: str
    per_caseworker: int = DEFAULT_PER_CASEWORKER
    seed: int | None = None
    team: str | None = None
    caseworkers: Sequence[str] = ()
    weighted: bool = False
    include_audited: bool = False
    as_of: datetime | None = None


@dataclass
class Sample:
    period: str
    per_caseworker: int
    seed: int
    team_id: uuid.UUID | None
    team: str | None
    caseworker_ids: list[uuid.UUID]
    weighted: bool
    include_audited: bool
    as_of: datetime
    items: list[dict[str, Any]] = field(default_factory=list)
    caseworkers: list[dict[str, Any]] = field(default_factory=list)
    shortfall: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    sample_id: uuid.UUID | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sample_id": str(self.sample_id) if self.sample_id else None,
            "period": self.period,
            "per_caseworker": self.per_caseworker,
            "seed": self.seed,
            "team": self.team,
            "weighted": self.weighted,
            "include_audited": self.include_audited,
            "as_of": self.as_of.isoformat(),
            "notes": self.items,
            "caseworkers": self.caseworkers,
            "shortfall": self.shortfall,
            "messages": self.messages,
        }


# ---------------------------------------------------------------- reading the store


def _users(session: Session) -> dict[uuid.UUID, User]:
    return {user.id: user for user in session.exec(select(User)).all()}


def resolve_team(session: Session, name: str) -> Team:
    wanted = name.strip().casefold()
    for team in session.exec(select(Team)).all():
        if team.name.casefold() == wanted or str(team.id) == name.strip():
            return team
    names = ", ".join(sorted(t.name for t in session.exec(select(Team)).all())) or "none"
    raise NotFound(f"no team called '{name}' (teams: {names})")


def resolve_user(users: dict[uuid.UUID, User], text: str) -> User:
    wanted = text.strip().casefold()
    for user in users.values():
        if wanted in (user.username.casefold(), str(user.id), user.display_name.casefold()):
            return user
    raise NotFound(f"no caseworker '{text}' in this store")


def _latest_versions(session: Session, period: Period, as_of: datetime) -> list[NoteVersion]:
    """Each note's latest version saved by ``as_of``, if it happened in the period."""
    rows = session.exec(select(NoteVersion).order_by(col(NoteVersion.id))).all()
    latest: dict[uuid.UUID, NoteVersion] = {}
    for row in rows:
        if row.created_at is not None and row.created_at > as_of:
            continue
        held = latest.get(row.note_id)
        if held is None or row.version > held.version:
            latest[row.note_id] = row
    start = datetime.combine(period.start, datetime.min.time())
    end = datetime.combine(period.end, datetime.min.time())
    return [
        v for v in latest.values() if v.occurred_at is not None and start <= v.occurred_at < end
    ]


def _allocated(
    allocations: dict[uuid.UUID, list[Allocation]], child_id: uuid.UUID, day: date
) -> uuid.UUID | None:
    for row in allocations.get(child_id, []):
        if row.start_date <= day and (row.end_date is None or row.end_date > day):
            return row.caseworker_id
    return None


def _audited(session: Session, note_ids: Iterable[uuid.UUID], as_of: datetime) -> set[uuid.UUID]:
    wanted = set(note_ids)
    if not wanted:
        return set()
    rows = session.exec(
        select(col(NoteAudit.note_id), col(NoteAudit.created_at)).where(
            NoteAudit.subject == "note"  # a plan audit's note_id is a plan's id
        )
    ).all()
    return {
        note_id
        for note_id, created in rows
        if note_id in wanted and (created is None or created <= as_of)
    }


def risk_flags(
    session: Session, child_ids: Iterable[uuid.UUID], period: Period
) -> dict[uuid.UUID, tuple[str, ...]]:
    """Each child's risk flags at the end of the period (in RISK_LABELS order)."""
    ids = set(child_ids)
    if not ids:
        return {}
    looked_after = {
        child_id
        for child_id, flag in session.exec(select(col(Child.id), col(Child.looked_after))).all()
        if child_id in ids and flag
    }
    complaints = {
        child_id
        for child_id, received in session.exec(
            select(col(Complaint.child_id), col(Complaint.received_on))
        ).all()
        if child_id in ids and received < period.end
    }
    overdue = {
        row.child_id
        for row in session.exec(
            select(MilestoneRow).where(
                MilestoneRow.kind == "task", col(MilestoneRow.due) < period.end
            )
        ).all()
        if row.child_id in ids
        and (row.done is None or row.done >= period.end)
        and row.exception_reason is None
    }
    out: dict[uuid.UUID, tuple[str, ...]] = {}
    for child_id in ids:
        flags = []
        if child_id in looked_after:
            flags.append("looked_after")
        if child_id in complaints:
            flags.append("complaint")
        if child_id in overdue:
            flags.append("overdue")
        out[child_id] = tuple(flags)
    return out


def new_starter(user: User | None, period: Period) -> bool:
    if user is None or user.start_date is None:
        return False
    end = period.last_day
    month = end.month - NEW_STARTER_MONTHS
    year = end.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    cutoff = date(year, month, min(end.day, 28))
    return user.start_date > cutoff


# ---------------------------------------------------------------- drawing


def _pick(rng: random.Random, pool: list[Candidate], weighted: bool) -> Candidate:
    """One candidate, removed from the pool (weights: 1 + RISK_WEIGHT x flags)."""
    if not weighted:
        return pool.pop(rng.randrange(len(pool)))
    total = sum(c.weight for c in pool)
    point = rng.random() * total
    for index, candidate in enumerate(pool):
        point -= candidate.weight
        if point < 0:
            return pool.pop(index)
    return pool.pop()


def stratified_draw(
    rng: random.Random, candidates: Sequence[Candidate], wanted: int, weighted: bool
) -> list[Candidate]:
    """``wanted`` candidates, one kind at a time (largest kind first), round by round."""
    strata: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: c.note_id):
        strata[candidate.kind].append(candidate)
    order = sorted(
        strata,
        key=lambda kind: (-len(strata[kind]), KINDS.index(kind) if kind in KINDS else 99, kind),
    )
    drawn: list[Candidate] = []
    while len(drawn) < wanted and any(strata[kind] for kind in order):
        for kind in order:
            if len(drawn) >= wanted:
                break
            if strata[kind]:
                drawn.append(_pick(rng, strata[kind], weighted))
    return drawn


def _why(
    candidate: Candidate,
    kind_counts: dict[str, int],
    name: str,
    period: str,
    weighted: bool,
    starter: bool,
) -> str:
    kind = KIND_LABELS.get(candidate.kind, candidate.kind).lower()
    count = kind_counts[candidate.kind]
    parts = [
        f"one of {count} {kind} note{'s' if count != 1 else ''} by {name} in {period} "
        "(stratified by kind)"
    ]
    if weighted and candidate.risks:
        flags = ", ".join(RISK_LABELS[r] for r in candidate.risks)
        parts.append(f"weighted {candidate.weight}x for risk: {flags}")
    if weighted and starter:
        parts.append("new starter: more notes drawn")
    return "; ".join(parts)


def draw_sample(session: Session, request: SampleRequest) -> Sample:
    """Draw a sample (not saved: see :func:`save_sample`)."""
    period = parse_period(request.period)
    per = request.per_caseworker
    if isinstance(per, bool) or not 1 <= per <= MAX_PER_CASEWORKER:
        raise ValidationFailed(
            f"notes per caseworker must be between 1 and {MAX_PER_CASEWORKER}, not {per}",
            {"per_caseworker": f"between 1 and {MAX_PER_CASEWORKER}"},
        )
    seed = request.seed if request.seed is not None else random.SystemRandom().randrange(10**6)
    as_of = request.as_of or utcnow()
    users = _users(session)
    messages: list[str] = []

    team = resolve_team(session, request.team) if request.team else None
    chosen = [resolve_user(users, text).id for text in request.caseworkers]

    versions = _latest_versions(session, period, as_of)
    allocations: dict[uuid.UUID, list[Allocation]] = defaultdict(list)
    for row in session.exec(select(Allocation).order_by(col(Allocation.start_date))).all():
        allocations[row.child_id].append(row)
    flags = risk_flags(session, {v.child_id for v in versions}, period)
    candidates: list[Candidate] = []
    for v in versions:
        assert v.occurred_at is not None
        worker = v.author_id or _allocated(allocations, v.child_id, v.occurred_at.date())
        candidates.append(
            Candidate(v.note_id, v.id, v.child_id, worker, v.kind, v.occurred_at,
                      flags.get(v.child_id, ()))
        )  # fmt: skip
    in_period = len(candidates)
    # The scope: the team's caseworkers, and any other member of it who wrote notes in the
    # period (a supervisor who also holds cases); or the caseworkers named; or everyone.
    scope: list[uuid.UUID] | None = None
    if team is not None:
        members = {u.id for u in users.values() if u.team_id == team.id and u.role != "admin"}
        authors = {c.caseworker_id for c in candidates}
        scope = sorted(
            (u for u in members if users[u].role == "caseworker" or u in authors), key=str
        )
    if chosen:
        if scope is not None and team is not None:
            kept = [u for u in chosen if u in scope]
            if len(kept) < len(chosen):
                messages.append(f"some caseworkers named are not in team {team.name}: left out")
            scope = kept
        else:
            scope = chosen
    audited = (
        set()
        if request.include_audited
        else _audited(session, (c.note_id for c in candidates), as_of)
    )

    by_worker: dict[uuid.UUID | None, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if scope is not None and candidate.caseworker_id not in scope:
            continue
        by_worker[candidate.caseworker_id].append(candidate)
    workers: list[uuid.UUID | None] = list(scope) if scope is not None else list(by_worker)
    workers.sort(key=lambda w: "" if w is None else str(w))

    sample = Sample(
        period=period.text,
        per_caseworker=per,
        seed=seed,
        team_id=team.id if team else None,
        team=team.name if team else None,
        caseworker_ids=[w for w in workers if w is not None],
        weighted=request.weighted,
        include_audited=request.include_audited,
        as_of=as_of,
        messages=messages,
    )
    if in_period == 0:
        messages.append(f"no case notes happened in {period.text}: nothing to sample")
    if team is not None and len(scope or []) == 0:
        messages.append(f"team {team.name} has no caseworkers")
    elif team is not None and len(scope or []) == 1:
        messages.append(
            f"team {team.name} has one caseworker: the sample covers only "
            f"{_name(users, scope[0] if scope else None)}"
        )

    rng = random.Random(seed)
    for worker in workers:
        pool = sorted(by_worker.get(worker, []), key=lambda c: c.note_id)
        name = _name(users, worker)
        starter = new_starter(users.get(worker) if worker else None, period)
        wanted = per * NEW_STARTER_FACTOR if request.weighted and starter else per
        fresh = [c for c in pool if c.note_id not in audited]
        drawn = stratified_draw(rng, fresh, wanted, request.weighted)
        kind_counts: dict[str, int] = defaultdict(int)
        for c in fresh:
            kind_counts[c.kind] += 1
        for c in drawn:
            sample.items.append(
                {
                    "note_id": str(c.note_id),
                    "version_id": str(c.version_id),
                    "child_id": str(c.child_id),
                    "caseworker_id": str(worker) if worker else None,
                    "caseworker": name,
                    "kind": c.kind,
                    "kind_label": KIND_LABELS.get(c.kind, c.kind),
                    "occurred_at": c.occurred_at.isoformat(timespec="minutes"),
                    "risks": list(c.risks),
                    "why": _why(c, kind_counts, name, period.text, request.weighted, starter),
                }
            )
        sample.caseworkers.append(
            {
                "caseworker_id": str(worker) if worker else None,
                "caseworker": name,
                "new_starter": starter,
                "requested": wanted,
                "notes_in_period": len(pool),
                "already_audited": len(pool) - len(fresh),
                "drawn": len(drawn),
            }
        )
        if len(drawn) < wanted:
            reason = (
                f"{name} has no notes in {period.text}"
                if not pool
                else f"{name} has {len(fresh)} note{'s' if len(fresh) != 1 else ''} "
                f"not yet audited in {period.text}"
                + (f" ({len(pool) - len(fresh)} already audited)" if len(pool) > len(fresh) else "")
            )
            sample.shortfall.append(
                {
                    "caseworker_id": str(worker) if worker else None,
                    "caseworker": name,
                    "requested": wanted,
                    "drawn": len(drawn),
                    "reason": reason + f": {len(drawn)} of {wanted} drawn",
                }
            )
    return sample


def _name(users: dict[uuid.UUID, User], user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return "no caseworker recorded"
    user = users.get(user_id)
    return user.display_name if user else str(user_id)


# ---------------------------------------------------------------- saving and re-drawing


def save_sample(session: Session, sample: Sample) -> uuid.UUID:
    actor = session.info.get("actor")
    row = NoteSample(
        period=sample.period,
        team_id=sample.team_id,
        caseworker_ids=[str(c) for c in sample.caseworker_ids],
        per_caseworker=sample.per_caseworker,
        seed=sample.seed,
        weighted=sample.weighted,
        include_audited=sample.include_audited,
        as_of=sample.as_of,
        drawn_by=getattr(actor, "user_id", None),
        items=sample.items,
        shortfall=sample.shortfall,
    )
    session.add(row)
    session.flush()
    sample.sample_id = row.id
    return row.id


def get_sample(session: Session, sample_id: uuid.UUID) -> NoteSample:
    row = session.get(NoteSample, sample_id)
    if row is None:
        raise NotFound(f"no sample with id '{sample_id}'")
    return row


def redraw(session: Session, sample_id: uuid.UUID) -> Sample:
    """Draw a saved sample again with its own period, scope, seed and time."""
    row = get_sample(session, sample_id)
    team = session.get(Team, row.team_id) if row.team_id else None
    request = SampleRequest(
        period=row.period,
        per_caseworker=row.per_caseworker,
        seed=row.seed,
        team=team.name if team else None,
        caseworkers=[] if team else list(row.caseworker_ids),
        weighted=row.weighted,
        include_audited=row.include_audited,
        as_of=row.as_of,
    )
    again = draw_sample(session, request)
    again.sample_id = row.id
    return again


def list_samples(session: Session) -> list[dict[str, Any]]:
    rows = session.exec(select(NoteSample).order_by(col(NoteSample.created_at).desc())).all()
    return [
        {
            "sample_id": str(r.id),
            "period": r.period,
            "seed": r.seed,
            "per_caseworker": r.per_caseworker,
            "notes": len(r.items),
            "shortfall": len(r.shortfall),
            "drawn_at": r.created_at.isoformat() if r.created_at else None,
        }
        for r in rows
    ]
