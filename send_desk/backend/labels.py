"""Display words for stored codes, shared by the backend's plain data and the GUI."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
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
from send_desk.domain.event_types import CEASE_REASON_LABELS, EVENT_TYPES, REQUEST_SOURCE_LABELS
from send_desk.timeutil import uk_date

if TYPE_CHECKING:
    from send_desk.backend.caseload_models import CaseEvent, DetailValue

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


# The words for an event field's stored choices, by field name (a field means the same in
# every event type that has it); the record-event form and the Events tab both use them.
EVENT_CHOICE_LABELS: dict[str, dict[str, str]] = {
    "source": REQUEST_SOURCE_LABELS,
    "cease_reason": CEASE_REASON_LABELS,
    "outcome": {
        "assess": "Assess",
        "not_assess": "Not to assess",
        "issue": "Issue a plan",
        "not_issue": "Not to issue a plan",
        "maintain": "Keep the plan as it is",
        "amend": "Amend the plan",
        "cease": "Cease the plan",
    },
    "kind": {"school": "School transfer", "post16": "Post-16 transfer"},
    "order": {
        "assess": "Assess",
        "make_plan": "Make a plan",
        "amend_plan": "Amend the plan",
        "change_placement": "Change the placement",
    },
    "residential": {"38_to_51_weeks": "38 to 51 weeks", "52_weeks": "52 weeks"},
    "work_based_learning": {
        "apprenticeship": "Apprenticeship",
        "traineeship": "Traineeship",
        "supported_internship": "Supported internship",
    },
    "personal_budget": {"yes": "Yes", "no": "No"},
    "organised_arrangements": {"yes": "Yes", "no": "No"},
    "direct_payments": {
        "education": "Education",
        "social_care": "Social care",
        "health": "Health",
        "integrated": "Integrated",
    },
}


def event_details(type_id: str, details: Mapping[str, DetailValue]) -> list[tuple[str, str]]:
    """An event's details as (field label, plain value) in the form's order: Yes/No for a
    tick box, dd/mm/yyyy for a date, the words for a choice, never a key or a code."""
    kind = EVENT_TYPES.get(type_id)
    extras = {extra.name: extra for extra in kind.extras} if kind else {}
    # the type's fields first, in its order; anything an older version stored after them
    names = [name for name in extras if name in details]
    names += [name for name in details if name not in extras]
    shown = []
    for name in names:
        value = details[name]
        extra = extras.get(name)
        label = extra.label if extra else field_label(name)
        kind_of = extra.kind if extra else ""
        shown.append((label, _detail_value(type_id, kind_of, name, value)))
    return shown


def _detail_value(type_id: str, kind: str, name: str, value: DetailValue) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None:
        return "Not recorded"
    text = str(value)
    if kind == "date" or name.endswith("date"):
        try:
            return uk_date(date.fromisoformat(text))
        except ValueError:
            return text
    if kind == "choice" or name in EVENT_CHOICE_LABELS:
        return EVENT_CHOICE_LABELS.get(name, {}).get(text, code_words(text))
    if name == "from":
        # typed by hand ("Dr Lee, paediatrician"), or an advice kind's code when the
        # advice was recorded by attaching its report
        return _advice_kinds().get(text, text)
    # an exception or an apology names the milestone (and the exception its reason) by
    # the clock's id, which its own dialog chose from a list
    if name == "milestone":
        return _clock_words()[0].get(text, text)
    if name == "reason" and type_id == "exception_recorded":
        reason = _clock_words()[1].get(text)
        return reason[:1].upper() + reason[1:] if reason else text
    return text


@cache
def _clock_words() -> tuple[dict[str, str], dict[str, str]]:
    """The statutory clock's milestone titles and exception reasons, by id."""
    from send_desk.timescales import default_rules

    rules = default_rules()
    titles: dict[str, str] = {}
    for rule in rules.rules:
        titles.setdefault(rule.id, rule.title)
    return titles, {key: reason.label for key, reason in rules.reasons.items()}


@cache
def _advice_kinds() -> dict[str, str]:
    from send_desk.domain.documents import document_rules

    return dict(document_rules().advice)
