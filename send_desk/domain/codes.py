"""Code lists stored as values (DfE codes where there are any) with display labels."""

from __future__ import annotations

from enum import StrEnum


class Need(StrEnum):
    """DfE SEN2 primary/secondary need codes (SENtype)."""

    SPLD = "SPLD"
    MLD = "MLD"
    SLD = "SLD"
    PMLD = "PMLD"
    SEMH = "SEMH"
    SLCN = "SLCN"
    HI = "HI"
    VI = "VI"
    MSI = "MSI"
    PD = "PD"
    ASD = "ASD"
    DS = "DS"  # Down syndrome: a SEN2 need type since 2025
    OTH = "OTH"


NEED_LABELS: dict[Need, str] = {
    Need.SPLD: "Specific learning difficulty",
    Need.MLD: "Moderate learning difficulty",
    Need.SLD: "Severe learning difficulty",
    Need.PMLD: "Profound and multiple learning difficulty",
    Need.SEMH: "Social, emotional and mental health",
    Need.SLCN: "Speech, language and communication needs",
    Need.HI: "Hearing impairment",
    Need.VI: "Vision impairment",
    Need.MSI: "Multi-sensory impairment",
    Need.PD: "Physical disability",
    Need.ASD: "Autistic spectrum disorder",
    Need.DS: "Down syndrome",
    Need.OTH: "Other difficulty",
}


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    UNKNOWN = "U"


class Role(StrEnum):
    CASEWORKER = "caseworker"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Relationship(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    PARENT = "parent"
    STEP_PARENT = "step_parent"
    GRANDPARENT = "grandparent"
    FOSTER_CARER = "foster_carer"
    KINSHIP_CARER = "kinship_carer"
    SOCIAL_WORKER = "social_worker"
    YOUNG_PERSON = "young_person"
    ADVOCATE = "advocate"
    OTHER = "other"


class ContactMethod(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    TEXT = "text"


class Phase(StrEnum):
    """A setting's phase, enough to know which phase transfers apply."""

    EARLY_YEARS = "early_years"
    INFANT = "infant"
    JUNIOR = "junior"
    PRIMARY = "primary"
    MIDDLE = "middle"
    SECONDARY = "secondary"
    ALL_THROUGH = "all_through"
    SPECIAL = "special"
    POST16 = "post16"
    ALTERNATIVE = "alternative_provision"
    OTHER = "other"


class Stage(StrEnum):
    """Where a child's case stands, derived from its statutory events."""

    NONE = "none"
    REQUEST = "request"
    NOT_ASSESSED = "not_assessed"
    ASSESSMENT = "assessment"
    NOT_ISSUED = "not_issued"
    DRAFT_PLAN = "draft_plan"
    PLAN = "plan"
    REVIEW = "review"
    AMENDMENT = "amendment"
    CEASED = "ceased"
    APPEAL = "appeal"
    TRANSFER_IN = "transfer_in"


STAGE_LABELS: dict[Stage, str] = {
    Stage.NONE: "No statutory work",
    Stage.REQUEST: "Request received",
    Stage.NOT_ASSESSED: "Decided not to assess",
    Stage.ASSESSMENT: "Needs assessment",
    Stage.NOT_ISSUED: "Decided not to issue",
    Stage.DRAFT_PLAN: "Draft plan",
    Stage.PLAN: "Plan maintained",
    Stage.REVIEW: "Annual review",
    Stage.AMENDMENT: "Plan being amended",
    Stage.CEASED: "Plan ceased",
    Stage.APPEAL: "Tribunal appeal",
    Stage.TRANSFER_IN: "Plan transferred in",
}


# A statutory milestone's status (send_desk.timescales.milestones.STATUSES) as every
# screen, report and command shows it.
MILESTONE_STATUS_LABELS: dict[str, str] = {
    "met": "Met",
    "late": "Done late",
    "pending": "Due",
    "overdue": "Overdue",
    "exception": "Exception claimed",
    "info": "Date to know",
}
