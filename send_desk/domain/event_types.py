"""The statutory case events of ``shared/reference/statutory-clock-contract.md``.

One registry used by the store (``event add``), the clock (``timeline``) and the GUI,
so an event means the same thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from send_desk.timeutil import parse_iso_date


@dataclass(frozen=True)
class ExtraField:
    name: str
    kind: str  # "choice", "text", "date" or "bool"
    label: str
    choices: tuple[str, ...] = ()
    required: bool = True
    # what a form starts from (a check box: ticked unless False)
    default: Any = None
    # (field, value): this one may be given only when that field has that value
    only_when: tuple[str, str] | None = None

    def parse(self, value: Any) -> Any:
        """Turn a JSON or command-line value into the stored value, or raise ValueError."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.required:
                raise ValueError(f"{self.label} is needed")
            return None
        if self.kind == "choice":
            text = str(value).strip()
            if text not in self.choices:
                raise ValueError(
                    f"{self.label} must be one of: {', '.join(self.choices)} (not '{text}')"
                )
            return text
        if self.kind == "date":
            if isinstance(value, date):
                return value.isoformat()
            return parse_iso_date(str(value)).isoformat()
        if self.kind == "la":
            # DfE local authority number (CBDS N00216), as SEN2's LEA and TransferLA
            text = str(value).strip()
            if not _LA_CODE.fullmatch(text):
                raise ValueError(
                    f"{self.label} is the council's 3-digit DfE LA number, for example 886 "
                    f"(not '{text}')"
                )
            return text
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"true", "yes", "1"}:
                return True
            if text in {"false", "no", "0"}:
                return False
            raise ValueError(f"{self.label} must be true or false (not '{value}')")
        text = str(value).strip()
        if len(text) > 20_000:
            raise ValueError(f"{self.label} is too long (at most 20,000 characters)")
        return text


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    extras: tuple[ExtraField, ...] = field(default_factory=tuple)

    @cached_property
    def _known(self) -> dict[str, ExtraField]:
        # made once per type, not per event: a demo or an import parses hundreds of
        # thousands; never changed (parse_details only reads it)
        return {extra.name: extra for extra in self.extras}

    def parse_details(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate the extra fields of one event; unknown fields are refused."""
        known = self._known
        unknown = sorted(set(raw).difference(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise ValueError(
                f"'{self.id}' events have no field {', '.join(unknown)} (fields: {allowed})"
            )
        details: dict[str, Any] = {}
        for name, extra in known.items():
            parsed = extra.parse(raw.get(name))
            if parsed is not None:
                details[name] = parsed
        for name, extra in known.items():
            if extra.only_when is None or name not in details:
                continue
            other, wanted = extra.only_when
            if details.get(other) != wanted:
                shown = _CHOICE_NAMES.get(wanted, wanted.replace("_", " "))
                raise ValueError(
                    f"{extra.label} is given only when {known[other].label.lower()} is "
                    f"'{shown}'"
                )
        return details


# SEN2 RequestSource 1-5: who made the request for an EHC needs assessment
REQUEST_SOURCES = ("parent_or_young_person", "school_or_setting", "health", "social_care", "other")
REQUEST_SOURCE_LABELS = {
    "parent_or_young_person": "Parent or young person",
    "school_or_setting": "School or setting",
    "health": "Health",
    "social_care": "Social care",
    "other": "Other",
}


# SEN2 CeaseReason 1-9: why a plan ended, in this order
CEASE_REASONS = (
    "maximum_age", "needs_met", "higher_education", "paid_employment", "moved_la",
    "disengaged", "moved_outside_england", "died", "other",
)  # fmt: skip
CEASE_REASON_LABELS = {
    "maximum_age": "Reached the maximum age",
    "needs_met": "Needs met without a plan",
    "higher_education": "Moved on to higher education",
    "paid_employment": "Moved on to paid employment",
    "moved_la": "Moved to another council in England",
    "disengaged": "No longer wishes to engage in education or training",
    "moved_outside_england": "Moved outside England",
    "died": "Died",
    "other": "Other",
}

# What the plan names (SEN2 NamedPlan): residential, work-based learning, personal
# budget and how it is taken; recorded with the plan issued, read again by the return
RESIDENTIAL = ("38_to_51_weeks", "52_weeks")  # PlanRes A, B
WORK_BASED_LEARNING = ("apprenticeship", "traineeship", "supported_internship")  # A, T, S
DIRECT_PAYMENTS = ("education", "social_care", "health", "integrated")  # DP E, S, H, I
PLAN_DETAILS = (
    ExtraField("residential", "choice", "Residential placement", RESIDENTIAL, required=False),
    ExtraField(
        "work_based_learning", "choice", "Work-based learning", WORK_BASED_LEARNING,
        required=False,
    ),
    # yes/no choices, not check boxes: "not recorded" must stay apart from "no"
    ExtraField("personal_budget", "choice", "Personal budget taken up", ("yes", "no"),
               required=False),
    ExtraField(
        "organised_arrangements", "choice", "Part of the budget as organised arrangements",
        ("yes", "no"), required=False, only_when=("personal_budget", "yes"),
    ),
    ExtraField(
        "direct_payments", "choice", "Direct payments for", DIRECT_PAYMENTS, required=False,
        only_when=("personal_budget", "yes"),
    ),
)  # fmt: skip

_LA_CODE = re.compile(r"\d{3}")
_CHOICE_NAMES = {**REQUEST_SOURCE_LABELS, **CEASE_REASON_LABELS}


def _choice(name: str, label: str, *choices: str) -> ExtraField:
    return ExtraField(name, "choice", label, tuple(choices))


EVENT_TYPES: dict[str, EventType] = {
    t.id: t
    for t in (
        EventType(
            "request_received",
            "Request for assessment received",
            # who asked: the SEN2 return's RequestSource (1-5), in this order
            (
                ExtraField(
                    "source",
                    "choice",
                    "Who asked",
                    REQUEST_SOURCES,
                    required=False,
                ),
                # SEN2 RYA: asked while in relevant youth accommodation (custody); rare,
                # so the form's box starts unticked
                ExtraField(
                    "rya",
                    "bool",
                    "In relevant youth accommodation (custody) when asking",
                    required=False,
                    default=False,
                ),
            ),
        ),
        EventType(
            "assessment_decision",
            "Decision whether to assess",
            (_choice("outcome", "Outcome", "assess", "not_assess"),),
        ),
        EventType(
            "advice_requested",
            "Advice requested",
            (ExtraField("from", "text", "Advice from"),),
        ),
        EventType(
            "advice_received",
            "Advice received",
            (ExtraField("from", "text", "Advice from"),),
        ),
        EventType(
            "issue_decision",
            "Decision whether to issue a plan",
            (_choice("outcome", "Outcome", "issue", "not_issue"),),
        ),
        EventType("draft_plan_issued", "Draft plan issued"),
        EventType("final_plan_issued", "Final plan issued", PLAN_DETAILS),
        EventType("review_meeting", "Review meeting held"),
        EventType("review_report_received", "Review report received"),
        EventType(
            "review_decision",
            "Decision after review",
            (
                _choice("outcome", "Outcome", "maintain", "amend", "cease"),
                # SEN2 CeaseReason; asked with the decision so the return never asks again
                ExtraField(
                    "cease_reason",
                    "choice",
                    "Why the plan ends",
                    CEASE_REASONS,
                    required=False,
                    only_when=("outcome", "cease"),
                ),
                ExtraField(
                    "to_la",
                    "la",
                    "Council it moves to (LA number)",
                    required=False,
                    only_when=("cease_reason", "moved_la"),
                ),
            ),
        ),
        EventType("amendment_notice_issued", "Amendment notice issued"),
        EventType("amended_plan_issued", "Amended plan issued", PLAN_DETAILS),
        EventType(
            "phase_transfer",
            "Phase transfer",
            (
                ExtraField("transfer_date", "date", "Transfer date"),
                _choice("kind", "Kind of transfer", "school", "post16"),
            ),
        ),
        EventType(
            "plan_transferred_in",
            "Plan transferred in from another council",
            # SEN2 TransferLA: sent as XXX (not known) when not given
            (ExtraField("from_la", "la", "Council it came from (LA number)", required=False),),
        ),
        EventType(
            "decision_sent",
            "Appealable decision sent",
            (ExtraField("appealable", "bool", "Appealable", required=False),),
        ),
        EventType("mediation_declined", "Family declined mediation"),
        EventType("mediation_requested", "Family asked for mediation"),
        EventType("mediation_certificate_issued", "Mediation certificate issued"),
        EventType("appeal_received", "Appeal received from the Tribunal"),
        EventType(
            "tribunal_order",
            "Tribunal order",
            (_choice("order", "Order", "assess", "make_plan", "amend_plan", "change_placement"),),
        ),
        EventType(
            "exception_recorded",
            "Exception to a time limit recorded",
            (
                ExtraField("reason", "text", "Reason"),
                ExtraField("milestone", "text", "Milestone"),
                ExtraField("evidence", "text", "Evidence"),
            ),
        ),
        # Added by SEND Desk (not in the contract's table) so that the milestones the
        # contract gives no "done by" event can be completed in the app.
        EventType("transfer_notice_sent", "Family told about the transferred plan"),
        EventType("mediation_held", "Mediation held"),
        EventType("appeal_response_sent", "Response to the appeal sent to the Tribunal"),
        EventType("order_notice_sent", "Family told the ordered assessment will go ahead"),
        # Not a statutory event: the family is owed an apology for a missed time limit,
        # with the reason; the letter itself comes with the letters feature.
        EventType(
            "apology_letter_requested",
            "Apology letter to the family requested",
            (
                ExtraField("milestone", "text", "Missed deadline"),
                ExtraField("due", "date", "It was due"),
                ExtraField("reason", "text", "Reason for the delay"),
            ),
        ),
    )
}


def event_type(type_id: str) -> EventType:
    try:
        return EVENT_TYPES[type_id]
    except KeyError:
        raise ValueError(
            f"'{type_id}' is not a known event type (known: {', '.join(EVENT_TYPES)})"
        ) from None
