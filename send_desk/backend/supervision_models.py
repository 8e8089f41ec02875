"""What the supervision facade returns and takes: samples of case notes, the audit form,
audits and moderation, audit actions for My day, and the audit trends.

Grades and criteria travel as their codes (``good``, ``child_voice``); the GUI words
them (``send_desk.backend.labels``, ``send_desk.gui.formatting``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from send_desk.backend.changes import ChangeKind, Changes


@dataclass(frozen=True, slots=True)
class Grade:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class SampleRequest:
    """What to draw: ``period`` is a month as YYYY-MM."""

    period: str
    per_caseworker: int = 3
    seed: int | None = None
    team: str | None = None
    caseworkers: tuple[str, ...] = ()
    weighted: bool = False
    include_audited: bool = False


@dataclass(frozen=True, slots=True)
class SampleNote:
    """A note drawn for audit; ``audited`` once audited for this sample, ``yours`` when it
    is the signed-in user's own (someone else must audit it)."""

    note_id: uuid.UUID
    version_id: uuid.UUID
    child_id: uuid.UUID
    caseworker_id: uuid.UUID | None
    caseworker: str
    kind: str
    occurred_at: datetime
    risks: tuple[str, ...]
    why: str
    audited: bool = False
    yours: bool = False


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A caseworker with fewer notes drawn than asked for, and why."""

    caseworker_id: uuid.UUID | None
    caseworker: str
    requested: int
    drawn: int
    reason: str


@dataclass(frozen=True, slots=True)
class Sample:
    """A drawn sample (``sample_id`` None when it was not saved)."""

    sample_id: uuid.UUID | None
    period: str
    seed: int
    notes: tuple[SampleNote, ...]
    shortfall: tuple[Shortfall, ...]
    messages: tuple[str, ...]

    @property
    def audited(self) -> int:
        return sum(1 for note in self.notes if note.audited)

    @property
    def complete(self) -> bool:
        return all(note.audited for note in self.notes)


@dataclass(frozen=True, slots=True)
class SampleSummary:
    sample_id: uuid.UUID
    period: str
    seed: int
    notes: int


@dataclass(frozen=True, slots=True)
class AutomaticResult:
    """A checklist item as the checker found it when the note was saved."""

    id: str
    label: str
    applies: bool
    passed: bool
    message: str  # what is missing, when it applies and is not met


@dataclass(frozen=True, slots=True)
class ManualCriterion:
    """A criterion the auditor grades by hand (the rubric is data)."""

    id: str
    label: str
    help: str


@dataclass(frozen=True, slots=True)
class AuditForm:
    """A note as saved, ready to audit; ``refused`` says why this user may not."""

    note_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    child_id: uuid.UUID
    child_name: str
    caseworker_id: uuid.UUID | None
    caseworker: str
    kind: str
    occurred_at: datetime | None
    purpose: str
    body: str
    automatic: tuple[AutomaticResult, ...]
    manual: tuple[ManualCriterion, ...]
    rule_version: int
    refused: str | None


@dataclass(frozen=True, slots=True)
class NewAudit:
    """An audit (or, with ``moderates_id``, a blind moderation of one) to record."""

    note_id: uuid.UUID
    grades: Mapping[str, str]  # manual criterion id -> grade code
    comments: str = ""
    manual_comments: Mapping[str, str] | None = None
    action: str = ""
    action_due: date | None = None
    sample_id: uuid.UUID | None = None
    moderates_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """An audit as the caseworker and the supervisor see it (Feedback)."""

    audit_id: uuid.UUID
    note_id: uuid.UUID
    version_id: uuid.UUID
    child_id: uuid.UUID
    caseworker_id: uuid.UUID | None
    caseworker: str
    auditor_id: uuid.UUID | None
    auditor: str
    role: str  # audit or moderation
    moderates_id: uuid.UUID | None
    sample_id: uuid.UUID | None
    overall: str
    automatic_failed: tuple[str, ...]  # criterion ids
    comments: str
    action: str
    action_due: date | None
    made_at: datetime | None
    acknowledged: bool
    acknowledgement: str
    action_done: bool
    # what was audited: a case note, or an EHC plan ("plan": note_id is the plan's id)
    subject: str = "note"

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        return Changes.of(ChangeKind.AUDITS, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class NoteRef:
    """Which note, in words a person knows it by: its kind, day and child."""

    kind: str | None  # None: the note is not in this store
    occurred_on: date | None
    child_name: str


@dataclass(frozen=True, slots=True)
class AuditToModerate:
    """An audit waiting for a second, blind grading (its grades not shown)."""

    audit_id: uuid.UUID
    note_id: uuid.UUID
    version_id: uuid.UUID
    caseworker: str
    auditor: str
    made_on: date | None
    mine: bool
    note: NoteRef


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A criterion (or the overall grade) the auditor and the moderator graded apart."""

    note_id: uuid.UUID
    note: NoteRef
    criterion: str  # a criterion id, or "overall"
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class ModerationPair:
    """An audit and its moderation: how many of their grades agreed."""

    audit_id: uuid.UUID
    moderation_id: uuid.UUID
    note_id: uuid.UUID
    caseworker: str
    auditor: str
    moderator: str
    first_overall: str
    second_overall: str
    agreed: int
    items: int


@dataclass(frozen=True, slots=True)
class ModerationReport:
    """How far moderators agree with auditors (rates None when nothing to compare)."""

    pairs: int
    items: int
    agreed: int
    rate: float | None
    overall_rate: float | None
    criteria_rate: float | None
    kappa_overall: float | None
    kappa_criteria: float | None
    disagreements: tuple[Disagreement, ...]
    moderations: tuple[ModerationPair, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditAction:
    """An open action an audit left for the caseworker (My day)."""

    audit_id: uuid.UUID
    note_id: uuid.UUID
    child_id: uuid.UUID
    child_name: str
    what: str
    due: date
    days_left: int
    status: str  # overdue, due_today, due
    overall: str
    caseworker: str


@dataclass(frozen=True, slots=True)
class TrendQuery:
    """Months from ``start`` to ``end`` (YYYY-MM), for a team or a caseworker, or all;
    audits of case notes (``subject`` "note") or of EHC plans ("plan")."""

    start: str
    end: str
    team: str | None = None
    caseworker: str | None = None
    subject: str = "note"


@dataclass(frozen=True, slots=True)
class TrendMonth:
    month: str  # YYYY-MM
    total: int
    counts: Mapping[str, int]  # grade code -> audits


@dataclass(frozen=True, slots=True)
class TrendRow:
    """Grades over the period for the service, a team (``team``) or a caseworker."""

    total: int
    counts: Mapping[str, int]
    good_or_better: int
    good_or_better_rate: float | None
    by_month: tuple[TrendMonth, ...]
    most_failed: tuple[str, ...]  # criterion ids, most often failed first
    team: str | None = None
    caseworker: str | None = None


@dataclass(frozen=True, slots=True)
class CriterionTrend:
    id: str
    label: str
    kind: str  # automatic (the checklist) or manual (the auditor's grade)
    assessed: int
    failed: int
    rate: float


@dataclass(frozen=True, slots=True)
class AuditTrends:
    """Grades by month per team and caseworker, and the criteria most often failed."""

    query: TrendQuery
    start: str
    end: str
    months: tuple[str, ...]
    team: str | None
    caseworker: str | None
    rule_versions: tuple[int, ...]
    service: TrendRow
    teams: tuple[TrendRow, ...]
    caseworkers: tuple[TrendRow, ...]
    criteria: tuple[CriterionTrend, ...]
    criterion_labels: Mapping[str, str]
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportWritten:
    path: str
    format: str


__all__ = [
    "AuditAction",
    "AuditForm",
    "AuditSummary",
    "AuditToModerate",
    "AuditTrends",
    "AutomaticResult",
    "CriterionTrend",
    "Disagreement",
    "Grade",
    "ManualCriterion",
    "ModerationPair",
    "ModerationReport",
    "NewAudit",
    "NoteRef",
    "ReportWritten",
    "Sample",
    "SampleNote",
    "SampleRequest",
    "SampleSummary",
    "Shortfall",
    "TrendMonth",
    "TrendQuery",
    "TrendRow",
]
