"""A child's case events grouped into SEN2 requests ("episodes"), as of the census date.

SEN2 reports one ``Requests`` element per request for assessment, with the assessment,
the plan it led to and (for a plan in the year) the ``ActivePlans`` block under it
(sen2.md section 2). SEND Desk records a flat list of events, so this module replays
them in date order and hands each event to the request it belongs to. Pure: no store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from send_desk.domain.event_types import (
    CEASE_REASONS,
    DIRECT_PAYMENTS,
    EVENT_TYPES,
    PLAN_DETAILS,
    REQUEST_SOURCES,
    RESIDENTIAL,
    WORK_BASED_LEARNING,
)

# Same-day events in the order the process runs (as the stage does).
_ORDER = {type_id: index for index, type_id in enumerate(EVENT_TYPES)}
_PLAN_EVENTS = frozenset(
    {"review_meeting", "review_decision", "amendment_notice_issued", "amended_plan_issued"}
)


@dataclass
class Review:
    meeting: date
    decided: date | None = None
    outcome: str | None = None  # maintain, amend or cease
    draft: date | None = None  # the amendment notice (draft amended plan) after an amend


@dataclass
class Episode:
    """One request and what followed it; ``received`` is None for a plan whose request
    SEND Desk never recorded (a plan transferred in, or one older than the records)."""

    received: date | None = None
    source: str | None = None  # SEN2 RequestSource 1-5
    rya: bool | None = None  # SEN2 RYA: asked while in relevant youth accommodation
    request_decided: date | None = None
    request_decision: str | None = None  # assess / not_assess
    issue_decided: date | None = None
    issue_decision: str | None = None  # issue / not_issue
    plan_start: date | None = None
    transferred_in: date | None = None
    transferred_from: str | None = None  # the LA number the plan came from, if recorded
    ceased: date | None = None
    cease_reason: str | None = None  # SEN2 CeaseReason 1-9, if recorded
    # what the plan names, from the latest plan issued (final or amended): SEN2 codes
    named: dict[str, str] = field(default_factory=dict)
    superseded: date | None = None  # a later plan replaced this one
    week20: bool = False
    reviews: list[Review] = field(default_factory=list)
    # mediation held / appeal received about the decision to assess ("request"), to
    # issue ("assessment") or another appealable decision ("other"): the day of the
    # latest, so the exporter can keep those in the period
    mediation: dict[str, date] = field(default_factory=dict)
    tribunal: dict[str, date] = field(default_factory=dict)

    def plan_active_on(self, day: date) -> bool:
        if self.plan_start is None or self.plan_start > day:
            return False
        ended = [d for d in (self.ceased, self.superseded) if d is not None]
        return not any(d <= day for d in ended)

    def plan_active_between(self, start: date, end: date) -> bool:
        if self.plan_start is None or self.plan_start > end:
            return False
        ended = [d for d in (self.ceased, self.superseded) if d is not None]
        return not any(d < start for d in ended)

    @property
    def plan_end(self) -> date | None:
        ended = [d for d in (self.ceased, self.superseded) if d is not None]
        return min(ended) if ended else None


def episodes(events: Iterable[tuple[str, date, Mapping[str, Any]]], census: date) -> list[Episode]:
    """The child's requests from its (type, date, details) events up to the census date."""
    ordered = sorted(
        (e for e in events if e[1] <= census), key=lambda e: (e[1], _ORDER.get(e[0], 99))
    )
    found: list[Episode] = []
    # the latest appealable decision: what a mediation or an appeal is about
    decision: list[tuple[Episode, str]] = []
    for type_id, day, details in ordered:
        _apply(found, type_id, day, details)
        _disputes(found, decision, type_id, day, details)
    return found


def _disputes(
    found: list[Episode],
    decision: list[tuple[Episode, str]],
    type_id: str,
    day: date,
    details: Mapping[str, Any],
) -> None:
    """Mediation and appeals, tied to the decision they follow (SEND Desk does not link
    them to a decision; the family can only dispute a decision already made)."""
    if type_id == "assessment_decision" and found:
        decision[:] = [(_latest(found, "request_decided"), "request")]
    elif type_id == "issue_decision" and found:
        decision[:] = [(_latest(found, "issue_decided"), "assessment")]
    elif type_id in ("final_plan_issued", "plan_transferred_in", "amended_plan_issued",
                     "review_decision"):  # fmt: skip
        plan = _plan(found)
        if plan is not None:
            decision[:] = [(plan, "other")]
    elif type_id in ("mediation_held", "appeal_received") and decision:
        episode, about = decision[0]
        (episode.mediation if type_id == "mediation_held" else episode.tribunal)[about] = day
    elif type_id == "tribunal_order" and decision:
        episode, about = decision[0]
        order = details.get("order")
        if order == "assess" and about == "request":
            # the Tribunal ordered the assessment: it goes ahead from the order
            episode.request_decision, episode.request_decided = "assess", day
        elif order == "make_plan" and about == "assessment":
            episode.issue_decision, episode.issue_decided = "issue", day


def _latest(found: list[Episode], attribute: str) -> Episode:
    for episode in reversed(found):
        if getattr(episode, attribute) is not None:
            return episode
    return found[-1]


def _open_request(found: list[Episode]) -> Episode | None:
    """The latest request that has not yet ended in a plan or a 'no'."""
    for episode in reversed(found):
        if episode.transferred_in is not None or episode.plan_start is not None:
            continue
        if episode.request_decision == "not_assess" or episode.issue_decision == "not_issue":
            continue
        return episode
    return None


def _plan(found: list[Episode]) -> Episode | None:
    for episode in reversed(found):
        if episode.plan_start is not None:
            return episode
    return None


def _apply(found: list[Episode], type_id: str, day: date, details: Mapping[str, Any]) -> None:
    if type_id == "request_received":
        source = details.get("source")
        code = str(REQUEST_SOURCES.index(source) + 1) if source in REQUEST_SOURCES else None
        rya = details.get("rya")
        found.append(Episode(received=day, source=code, rya=rya if isinstance(rya, bool) else None))
    elif type_id == "assessment_decision":
        episode = _open_request(found)
        if episode is None or episode.request_decision is not None:
            episode = Episode()
            found.append(episode)
        episode.request_decided, episode.request_decision = day, str(details.get("outcome"))
    elif type_id == "issue_decision":
        episode = _open_request(found)
        if episode is None:
            episode = Episode()
            found.append(episode)
        episode.issue_decided, episode.issue_decision = day, str(details.get("outcome"))
    elif type_id in ("final_plan_issued", "plan_transferred_in"):
        episode = _open_request(found) if type_id == "final_plan_issued" else None
        if episode is None:
            episode = Episode()
            found.append(episode)
        _supersede(found, day)
        episode.plan_start = day
        episode.named = _named(details)
        if type_id == "plan_transferred_in":
            episode.transferred_in = day
            from_la = details.get("from_la")
            episode.transferred_from = str(from_la) if from_la else None
    elif type_id == "exception_recorded" and details.get("milestone") == "final_plan":
        episode = _open_request(found)
        if episode is not None:
            episode.week20 = True
    elif type_id in _PLAN_EVENTS:
        plan = _plan(found)
        if plan is not None and plan.plan_end is None:
            _review_event(plan, type_id, day, details)


def _supersede(found: list[Episode], day: date) -> None:
    previous = _plan(found)
    if previous is not None and previous.plan_end is None:
        previous.superseded = day


def _review_event(plan: Episode, type_id: str, day: date, details: Mapping[str, Any]) -> None:
    if type_id == "review_meeting":
        plan.reviews.append(Review(meeting=day))
        return
    review = plan.reviews[-1] if plan.reviews else None
    if type_id == "review_decision":
        outcome = str(details.get("outcome"))
        if review is not None and review.decided is None:
            review.decided, review.outcome = day, outcome
        if outcome == "cease":
            plan.ceased = day
            reason = details.get("cease_reason")
            if reason in CEASE_REASONS:
                plan.cease_reason = str(CEASE_REASONS.index(reason) + 1)
    elif type_id == "amended_plan_issued" and any(e.name in details for e in PLAN_DETAILS):
        plan.named = _named(details)
    elif (
        type_id == "amendment_notice_issued"
        and review is not None
        and review.outcome == "amend"
        and review.draft is None
    ):
        review.draft = day


_RES_CODES = dict(zip(RESIDENTIAL, ("A", "B"), strict=True))
_WBP_CODES = dict(zip(WORK_BASED_LEARNING, ("A", "T", "S"), strict=True))
_DP_CODES = dict(zip(DIRECT_PAYMENTS, ("E", "S", "H", "I"), strict=True))
_YES_NO = {"yes": "1", "no": "0"}


def _named(details: Mapping[str, Any]) -> dict[str, str]:
    """The plan's named details as SEN2 codes (PlanRes, PlanWBP, PB, OA, DP)."""
    codes = {
        "PlanRes": _RES_CODES.get(str(details.get("residential"))),
        "PlanWBP": _WBP_CODES.get(str(details.get("work_based_learning"))),
        "PB": _YES_NO.get(str(details.get("personal_budget"))),
        "OA": _YES_NO.get(str(details.get("organised_arrangements"))),
        "DP": _DP_CODES.get(str(details.get("direct_payments"))),
    }
    return {tag: code for tag, code in codes.items() if code is not None}
