"""Where a case stands, derived from its statutory events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from send_desk.domain.codes import Stage
from send_desk.domain.event_types import EVENT_TYPES

# Events on the same day are taken in the order the process runs.
_PROCESS_ORDER = {type_id: index for index, type_id in enumerate(EVENT_TYPES)}

_SIMPLE = {
    "request_received": Stage.REQUEST,
    "draft_plan_issued": Stage.DRAFT_PLAN,
    "final_plan_issued": Stage.PLAN,
    "review_meeting": Stage.REVIEW,
    "amendment_notice_issued": Stage.AMENDMENT,
    "amended_plan_issued": Stage.PLAN,
    "plan_transferred_in": Stage.TRANSFER_IN,
    "appeal_received": Stage.APPEAL,
}
_BY_OUTCOME = {
    ("assessment_decision", "assess"): Stage.ASSESSMENT,
    ("assessment_decision", "not_assess"): Stage.NOT_ASSESSED,
    ("issue_decision", "issue"): Stage.ASSESSMENT,
    ("issue_decision", "not_issue"): Stage.NOT_ISSUED,
    ("review_decision", "maintain"): Stage.PLAN,
    ("review_decision", "amend"): Stage.AMENDMENT,
    ("review_decision", "cease"): Stage.CEASED,
}
_BY_ORDER = {
    "assess": Stage.ASSESSMENT,
    "make_plan": Stage.ASSESSMENT,
    "amend_plan": Stage.AMENDMENT,
    "change_placement": Stage.AMENDMENT,
}


def derive_stage(events: Iterable[tuple[str, date, Mapping[str, Any]]]) -> Stage:
    """The stage after the last event that moves a case on; (type, date, details) each."""
    stage = Stage.NONE
    ordered = sorted(events, key=lambda e: (e[1], _PROCESS_ORDER.get(e[0], 99)))
    for type_id, _when, details in ordered:
        if type_id in _SIMPLE:
            stage = _SIMPLE[type_id]
        elif type_id == "tribunal_order":
            stage = _BY_ORDER.get(str(details.get("order")), stage)
        else:
            stage = _BY_OUTCOME.get((type_id, str(details.get("outcome"))), stage)
    return stage
