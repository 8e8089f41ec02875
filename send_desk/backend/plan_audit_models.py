"""What the supervision facade returns and takes for plan audits: the form of an issued
EHC plan version pre-filled from the checker, a plan audit to record, a recorded plan
audit, and the issued plan versions waiting for audit.

Grades and criteria travel as their codes; the GUI words them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from send_desk.backend.changes import ChangeKind, Changes
from send_desk.plans import Plan


@dataclass(frozen=True, slots=True)
class PlanAutomaticResult:
    """An automatic criterion of the plan standard as the checker found it on the version."""

    id: str
    section: str
    label: str
    applies: bool
    passed: bool
    message: str  # what is missing, when it applies and is not met


@dataclass(frozen=True, slots=True)
class PlanManualCriterion:
    """A criterion the auditor grades, its section's weight and the grade suggested
    from the checker's results on that section (the auditor may change it)."""

    id: str
    section: str  # A, B, E, F... or "plan" (the plan read as a whole)
    label: str
    help: str
    weight: float
    suggested: str


@dataclass(frozen=True, slots=True)
class PlanAuditForm:
    """An issued plan version ready to audit; ``refused`` says why this user may not."""

    plan_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    kind: str  # draft, final, amendment, amended
    issued_on: date
    child_id: uuid.UUID
    child_name: str
    author: str
    caseworker_id: uuid.UUID | None
    caseworker: str
    plan: Plan
    automatic: tuple[PlanAutomaticResult, ...]
    automatic_rate: float | None  # weighted share of applicable criteria passed
    manual: tuple[PlanManualCriterion, ...]
    suggested_overall: str
    rule_version: int
    refused: str | None

    @property
    def suggested(self) -> Mapping[str, str]:
        return {c.id: c.suggested for c in self.manual}


@dataclass(frozen=True, slots=True)
class NewPlanAudit:
    """An audit of a child's plan version (the latest when ``version`` is None), or with
    ``moderates_id`` a blind moderation of one."""

    child_id: uuid.UUID
    grades: Mapping[str, str]  # manual criterion id -> grade code
    version: int | None = None
    comments: str = ""
    manual_comments: Mapping[str, str] | None = None
    action: str = ""
    action_due: date | None = None
    moderates_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class PlanAuditSummary:
    """A recorded plan audit, as the supervisor and the caseworker see it."""

    audit_id: uuid.UUID
    plan_id: uuid.UUID
    version_id: uuid.UUID
    version: int | None
    plan_kind: str | None
    child_id: uuid.UUID
    caseworker_id: uuid.UUID | None
    caseworker: str
    auditor_id: uuid.UUID | None
    auditor: str
    role: str  # audit or moderation
    moderates_id: uuid.UUID | None
    overall: str
    manual: Mapping[str, str]  # criterion id -> grade code
    automatic_failed: tuple[str, ...]
    comments: str
    action: str
    action_due: date | None
    made_at: datetime | None
    acknowledged: bool
    action_done: bool

    @property
    def changes(self) -> Changes:
        return Changes.of(ChangeKind.AUDITS, children=[self.child_id])


@dataclass(frozen=True, slots=True)
class PlanToAudit:
    """An issued plan version; ``yours`` when the signed-in user may not audit it."""

    child_id: uuid.UUID
    child_name: str
    plan_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    kind: str
    issued_on: date
    author: str
    caseworker: str
    audited: bool
    yours: bool


__all__ = [
    "NewPlanAudit",
    "PlanAuditForm",
    "PlanAuditSummary",
    "PlanAutomaticResult",
    "PlanManualCriterion",
    "PlanToAudit",
]
