"""Read models and inputs of the EHC plan feature (``PlansApi``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from send_desk.plans import Plan, PlanCheckResult
from send_desk.plans.diff import SectionDiff
from send_desk.services.plan_appendices import AdviceNotHere
from send_desk.services.plan_clock import PlanOrderUnconfirmed

# Re-exported for the plan editor (the GUI never imports services): issuing out of the
# statutory order, to be confirmed by the caseworker; advice reports to append that
# this laptop does not hold.
__all__ = [
    "AdviceNotHere",
    "FailedCriterion",
    "IssueResult",
    "PlanDraft",
    "PlanLetter",
    "PlanOrderUnconfirmed",
    "PlanVersionDetail",
    "PlanVersionRow",
    "SectionChange",
]


@dataclass(frozen=True, slots=True)
class PlanDraft:
    """The plan being written for a child on this laptop, as last saved."""

    child_id: uuid.UUID
    plan: Plan
    saved_at: datetime  # UTC
    # the issued version this draft changes (an amendment, a final after comments)
    based_on: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class SectionChange:
    """A section a version changed against the one before it, and who changed it."""

    section: str
    changed_by: tuple[str, ...]  # display names (or ids of people this store does not know)


@dataclass(frozen=True, slots=True)
class FailedCriterion:
    id: str
    section: str
    message: str


@dataclass(frozen=True, slots=True)
class PlanVersionRow:
    """One issued version of a child's plan."""

    id: uuid.UUID
    plan_id: uuid.UUID
    child_id: uuid.UUID
    version: int
    kind: str  # draft, final, amendment, amended (send_desk.domain.plans.PLAN_KINDS)
    issued_on: date
    author: str | None
    saved_at: datetime | None  # UTC
    event_id: uuid.UUID | None
    amendment_reason: str | None
    school: str | None  # Section I's name
    changes: tuple[SectionChange, ...]
    failed: tuple[FailedCriterion, ...]
    checklist_passed: int
    checklist_applicable: int


@dataclass(frozen=True, slots=True)
class PlanVersionDetail:
    """A version with its plan and, for an amendment, what it changes."""

    row: PlanVersionRow
    plan: Plan
    # against the plan in force when it was issued (empty for a first draft)
    diff: tuple[SectionDiff, ...]


@dataclass(frozen=True, slots=True)
class IssueResult:
    version: PlanVersionRow
    check: PlanCheckResult
    warnings: tuple[str, ...]  # what the clock asks the caseworker to check


@dataclass(frozen=True, slots=True)
class PlanLetter:
    """What a letter going with a version takes from it: its date, and for an
    amendment notice the changes it lists (``amendments``, one a line)."""

    template: str  # draft_plan_cover, final_plan or amendment_notice
    letter_date: date
    version: int
    changes: tuple[SectionDiff, ...]
    amendments: tuple[str, ...]
