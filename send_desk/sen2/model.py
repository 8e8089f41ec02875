"""The SEN2 return in memory: what is written to XML and what the checks read.

Field order follows the element order of sen2.md section 2 (the 2026 XSD sequence).
``None`` means "left out of the file".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class SettingDetail:
    """A PlanDetail (setting named in the plan) or a PlacementDetail (setting attended)."""

    setting_name: str  # for messages only; not in the file
    urn: str | None = None
    ukprn: str | None = None
    sen_setting: str | None = None
    rank: str | None = None
    entry: date | None = None  # PlacementDetail only
    leaving: date | None = None  # PlacementDetail only
    sen_unit: str | None = None  # flags "1"/"0"
    resourced_provision: str | None = None


@dataclass
class NamedPlan:
    start: date
    details: list[SettingDetail] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)  # PlanRes, PlanWBP, PB, OA, DP
    cease_date: date | None = None
    cease_reason: str | None = None


@dataclass
class Assessment:
    outcome: str
    outcome_date: date | None = None
    mediation: str | None = None  # flags "1"/"0", or None when left out
    tribunal: str | None = None
    other_mediation: str | None = None
    other_tribunal: str | None = None
    week20: str | None = None
    named_plan: NamedPlan | None = None


@dataclass
class ActivePlans:
    transfer_la: str | None = None
    placements: list[SettingDetail] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)  # (SENtype, SENtypeRank)
    review_meeting: date | None = None
    review_outcome: str | None = None
    review_draft: date | None = None
    phase_transfer_due: date | None = None  # from the clock's phase_transfer_plan
    phase_transfer_final: date | None = None
    last_review: date | None = None
    active_at_census: bool = False  # for the checks; not in the file


@dataclass
class Request:
    received: date | None
    source: str | None
    outcome: str
    outcome_date: date | None = None
    mediation: str | None = None  # flags "1"/"0", or None when left out
    tribunal: str | None = None
    assessment: Assessment | None = None
    rya: str | None = None  # flag "1"/"0"; left out for a historical (H) request
    active_plans: ActivePlans | None = None


@dataclass
class Person:
    child_id: str
    surname: str
    forename: str
    birth: date
    sex: str | None
    ethnicity: str
    postcode: str | None
    upn: str | None
    requests: list[Request] = field(default_factory=list)
    uln: str | None = None
    upn_unknown: str | None = None  # UN1-UN10, when there is neither UPN nor ULN

    @property
    def who(self) -> str:
        """How a message names the child: name and date of birth, as on every screen."""
        return f"{self.forename} {self.surname} (born {self.birth.strftime('%d/%m/%Y')})"


@dataclass
class Header:
    year: int
    reference_date: date
    la: str | None
    release: str
    created: datetime
    serial: str = "001"
    dmo: str | None = None
    dco: str | None = None
    dsco: str | None = None


@dataclass
class Sen2Return:
    header: Header
    persons: list[Person] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many of each module the file holds (sen2.md modules 1-5)."""
        requests = [r for p in self.persons for r in p.requests]
        assessments = [r.assessment for r in requests if r.assessment is not None]
        return {
            "persons": len(self.persons),
            "requests": len(requests),
            "assessments": len(assessments),
            "named_plans": sum(1 for a in assessments if a.named_plan is not None),
            "active_plans": sum(1 for r in requests if r.active_plans is not None),
            "plans_active_at_census": sum(
                1 for r in requests if r.active_plans and r.active_plans.active_at_census
            ),
            "placements": sum(
                len(r.active_plans.placements) for r in requests if r.active_plans is not None
            ),
        }
