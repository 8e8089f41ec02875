"""Display words for stored codes, shared by the backend's plain data and the GUI."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from send_desk.domain.codes import (
    NEED_LABELS,
    STAGE_LABELS,
    ContactMethod,
    Need,
    Phase,
    Relationship,
    Sex,
    Stage,
)
from send_desk.domain.event_types import EVENT_TYPES

if TYPE_CHECKING:
    from send_desk.backend.caseload_models import CaseEvent

RELATIONSHIP_LABELS: dict[str, str] = {
    r.value: r.value.replace("_", " ").capitalize() for r in Relationship
}
RELATIONSHIP_LABELS["step_parent"] = "Step-parent"
RELATIONSHIP_LABELS["young_person"] = "The young person"

CONTACT_LABELS: dict[str, str] = {
    ContactMethod.PHONE.value: "Phone call",
    ContactMethod.EMAIL.value: "Email",
    ContactMethod.LETTER.value: "Letter",
    ContactMethod.TEXT.value: "Text message",
}

PHASE_LABELS: dict[str, str] = {
    p.value: p.value.replace("_", " ").capitalize().replace("Post16", "Post-16") for p in Phase
}
PHASE_LABELS["post16"] = "Post-16"

SEX_LABELS: dict[str, str] = {
    Sex.FEMALE.value: "Female",
    Sex.MALE.value: "Male",
    Sex.UNKNOWN.value: "Not recorded",
}

NEEDS: list[tuple[str, str]] = [(need.value, NEED_LABELS[need]) for need in Need]
STAGES: list[tuple[str, str]] = [(stage.value, STAGE_LABELS[stage]) for stage in Stage]

TABLE_LABELS = {
    "child": "child's record",
    "family_member": "family member or contact",
    "placement": "setting",
    "allocation": "allocation",
    "case_event": "event",
}

FIELD_LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "preferred_name": "Preferred name",
    "date_of_birth": "Date of birth",
    "sex": "Sex",
    "upn": "UPN",
    "uln": "ULN",
    "upn_unknown_reason": "Why no UPN or ULN",
    "ethnicity": "Ethnicity",
    "sen_unit": "Place in the SEN unit",
    "resourced_provision": "Place in resourced provision",
    "ukprn": "UKPRN",
    "sen2_setting": "SEN2 setting code",
    "address": "Address",
    "postcode": "Postcode",
    "home_language": "Home language",
    "nc_year_override": "Year group (set by hand)",
    "looked_after": "Looked after",
    "placing_authority": "Placing authority",
    "primary_need": "Primary need",
    "secondary_need": "Secondary need",
    "name": "Name",
    "relationship": "Relationship",
    "parental_responsibility": "Parental responsibility",
    "main_contact": "Main contact",
    "phone": "Phone",
    "email": "Email",
    "preferred_contact": "Preferred contact",
    "language": "Language",
    "interpreter_needed": "Interpreter needed",
    "independent_interpreter": "Independent interpreter",
    "easy_read": "Easy-read",
    "large_print": "Large print",
    "notes": "Notes",
    "start_date": "Start date",
    "end_date": "End date",
    "reason": "Reason",
    "setting_id": "Setting",
    "caseworker_id": "Caseworker",
    "team_id": "Team",
}


def need_label(code: str | None) -> str:
    if not code:
        return ""
    try:
        return NEED_LABELS[Need(code)]
    except ValueError:
        return code


def stage_label(code: str | None) -> str:
    if not code:
        return ""
    try:
        return STAGE_LABELS[Stage(code)]
    except ValueError:
        return code


def event_label(type_id: str) -> str:
    kind = EVENT_TYPES.get(type_id)
    return kind.label if kind else type_id.replace("_", " ").capitalize()


def field_label(name: str | None) -> str:
    if not name:
        return ""
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


# a case-note or audit action's state, as My day shows it
ACTION_STATUS_LABELS = {"overdue": "Overdue", "due_today": "Due today", "due": "Due"}


def code_words(code: str | None) -> str:
    """The last resort for a code with no label yet: words, never the raw code."""
    return (code or "").replace("_", " ").strip().capitalize()


def grade_label(code: str | None) -> str:
    """'requires_improvement' -> 'Requires improvement' (an audit's grade)."""
    from send_desk.domain.supervision import GRADE_LABELS

    return GRADE_LABELS.get(code or "", code_words(code))


def criterion_label(code: str | None) -> str:
    """A case-note or plan criterion's name ('child_voice' -> the checklist's words for
    it), from the checklists and the audit rubrics in resources/; 'overall' is the
    overall grade."""
    if code == "overall":
        return "Overall grade"
    found = _criteria().get(code or "")
    return found[0] if found else code_words(code)


@cache
def _criteria() -> dict[str, tuple[str, str]]:
    from send_desk.services.audit_trends import criterion_labels

    # a plan audit's criteria too (their ids never clash with a note audit's)
    return {**criterion_labels(subject="plan"), **criterion_labels()}


def _sen2_codes(name: str) -> list[tuple[str, str]]:
    from send_desk.sen2.codes import code_set

    return [(code, f"{code} – {label}") for code, label in code_set(name).values.items()]


def ethnicities() -> list[tuple[str, str]]:
    """The CBDS ethnicity codes SEN2 takes, with their labels, in the code set's order."""
    return _sen2_codes("ethnicity")


def upn_unknown_reasons() -> list[tuple[str, str]]:
    """SEN2's reasons a child has no UPN or ULN (UN1-UN10)."""
    return _sen2_codes("upn_unknown")


def event_title(event: CaseEvent) -> str:
    """An event's name as the record lists it, marked when withdrawn or corrected."""
    title = event_label(event.type)
    if event.withdrawn:
        return f"{title} — withdrawn: {event.withdrawn_reason or 'no reason'}"
    if event.version > 1:
        return f"{title} (corrected, version {event.version})"
    return title
