"""EHC plans on the case: the working draft, and issuing versions through the clock.

The working draft (one per child on this laptop) is saved whole at every save and
kept in the encrypted store, so nothing typed is lost to a crash; each save notes who
changed which section. Issuing makes an append-only :class:`PlanVersion` and records
the statutory event through the clock's service (:func:`send_desk.services.events.add_event`),
in one transaction, so deadlines follow and nothing is saved half-way:

* ``draft``: an issued draft (``draft_plan_issued``; starts the 15-day comment
  period). A draft names no school.
* ``final``: the final plan after an issued draft (``final_plan_issued``), Section I
  naming the school.
* ``amendment``: a proposed amendment of the plan in force (``amendment_notice_issued``),
  with a reason.
* ``amended``: the final amended plan after a proposed amendment (``amended_plan_issued``).

Issuing a plan with criteria of the plan standard not met needs ``accept_failed=True``
(the caseworker's confirmation), and the failed criteria are stored with the version.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.organisation import Setting
from send_desk.domain.plans import (
    IN_FORCE_KINDS,
    KIND_EVENTS,
    KIND_STATUS,
    PlanVersion,
    PlanWorkingDraft,
)
from send_desk.ids import uuid7
from send_desk.plans import Plan, PlanCheckResult, PlanFormatError, check_plan, parse_plan
from send_desk.plans.diff import changed_sections
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.events import add_event
from send_desk.services.plan_advice import advice_received
from send_desk.services.plan_clock import check_order, late_warnings
from send_desk.services.plan_draft import draft_plan
from send_desk.services.validation import check_plain
from send_desk.sync.limits import MAX_JSON_BYTES
from send_desk.textsafe import has_control
from send_desk.timeutil import utcnow

# A plan is a document of a few pages; a pasted report of megabytes belongs as a
# document on the case (the draft refuses it whole, so the last save stands). The
# central store keeps a JSON value of at most this size, so what is saved can sync.
MAX_PLAN_BYTES = MAX_JSON_BYTES


class PlanChecklistNotMet(Refused):
    """The plan has criteria not met and issuing it was not confirmed."""

    def __init__(self, result: PlanCheckResult) -> None:
        failed = result.failed
        names = ", ".join(item.id for item in failed)
        super().__init__(
            f"{len(failed)} criteri{'a' if len(failed) != 1 else 'on'} of the plan standard "
            f"not met: {names}. Put right what is missing, or confirm issuing the plan as it is."
        )
        self.result = result


def _actor(session: Session) -> uuid.UUID | None:
    actor = session.info.get("actor")
    return getattr(actor, "user_id", None)


def _control_at(value: Any, where: str) -> str | None:
    if isinstance(value, str):
        return where if has_control(value, multiline=True) else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _control_at(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _control_at(item, f"{where}[{index}]")
            if found:
                return found
    return None


def plan_text(plan: Plan) -> str:
    """The plan as stored: its JSON, refused whole if it cannot be kept."""
    data = plan.to_json()
    where = _control_at(data, "")
    if where:
        raise ValidationFailed(
            f"{where} holds a control character (pasted from another system?): "
            "remove it and save again",
            {where: "holds a control character"},
        )
    text = json.dumps(data, ensure_ascii=False)
    size = len(text.encode("utf-8"))
    if size > MAX_PLAN_BYTES:
        raise ValidationFailed(
            f"The plan is {size:,} bytes long; a plan holds at most {MAX_PLAN_BYTES:,}. "
            "Keep long reports as documents on the case; the last save is kept."
        )
    return text


def read_plan(content: str | dict[str, Any]) -> Plan:
    data = json.loads(content) if isinstance(content, str) else content
    try:
        return parse_plan(data)
    except PlanFormatError as error:  # only a damaged store could hold one
        raise ValidationFailed(f"the stored plan cannot be read: {error}") from None


# ------------------------------------------------------------------ versions


def versions(session: Session, child_id: uuid.UUID) -> list[PlanVersion]:
    """The child's issued versions, oldest first."""
    return list(
        session.scalars(
            select(PlanVersion)
            .where(PlanVersion.child_id == child_id)
            .order_by(col(PlanVersion.version), col(PlanVersion.created_at), col(PlanVersion.id))
        ).all()
    )


def version_number(session: Session, child_id: uuid.UUID, number: int) -> PlanVersion:
    for row in versions(session, child_id):
        if row.version == number:
            return row
    raise NotFound(f"the child's plan has no version {number}")


def in_force_before(rows: list[PlanVersion], row: PlanVersion) -> PlanVersion | None:
    """The plan in force when ``row`` was issued (the last final or amended plan before it)."""
    earlier = [r for r in rows if r.version < row.version and r.kind in IN_FORCE_KINDS]
    return earlier[-1] if earlier else None


# ------------------------------------------------------------------ the working draft


def working_draft(session: Session, child_id: uuid.UUID) -> PlanWorkingDraft | None:
    return session.scalars(
        select(PlanWorkingDraft).where(PlanWorkingDraft.child_id == child_id)
    ).first()


def _edits(
    before: Plan | None,
    after: Plan,
    edits: list[dict[str, Any]],
    user: uuid.UUID | None,
    now: datetime,
) -> list[dict[str, Any]]:
    who = str(user) if user else None
    changed = set(changed_sections(before, after))
    # one entry per section and person, the latest time kept
    kept = [e for e in edits if not (e.get("section") in changed and e.get("user_id") == who)]
    return kept + [{"section": s, "user_id": who, "at": now.isoformat()} for s in sorted(changed)]


def _check_same_child(plan: Plan, first_name: str, preferred_name: str | None) -> None:
    """A plan names its child: saved on another child's record it would show one
    family another child's needs and views. An empty name is the editor's new draft."""
    named = " ".join(plan.child.first_name.split()).casefold()
    known = {" ".join((name or "").split()).casefold() for name in (first_name, preferred_name)}
    if named and named not in known:
        raise ValidationFailed(
            f"this plan is written for {plan.child.first_name.strip()}, but the record is "
            f"{preferred_name or first_name}'s: check you chose the right child"
        )


def save_draft(
    session: Session,
    child_id: uuid.UUID,
    plan: Plan,
    *,
    based_on: uuid.UUID | None = None,
    now: datetime | None = None,
) -> PlanWorkingDraft:
    """Create or replace the child's working draft with ``plan``."""
    child = get_child(session, child_id)
    _check_same_child(plan, child.first_name, child.preferred_name)
    text = plan_text(plan)
    now = now or utcnow()
    user = _actor(session)
    draft = working_draft(session, child_id)
    if draft is None:
        draft = PlanWorkingDraft(
            id=uuid7(),
            child_id=child_id,
            user_id=user,
            based_on=based_on,
            content=text,
            edits=_edits(None, plan, [], user, now),
            updated_at=now,
        )
        session.add(draft)
    else:
        draft.edits = _edits(read_plan(draft.content), plan, list(draft.edits), user, now)
        draft.content = text
        draft.user_id = user
        draft.updated_at = now
        if based_on is not None:
            draft.based_on = based_on
    session.flush()
    return draft


def start_draft(session: Session, child_id: uuid.UUID, on: date) -> PlanWorkingDraft:
    """The working draft; if there is none, a new one: the latest issued version to
    change, or else a first draft pre-filled from the case."""
    draft = working_draft(session, child_id)
    if draft is not None:
        return draft
    rows = versions(session, child_id)
    if rows:
        latest = rows[-1]
        return save_draft(session, child_id, read_plan(latest.content), based_on=latest.id)
    return save_draft(session, child_id, draft_plan(session, child_id, on))


def discard_draft(session: Session, child_id: uuid.UUID) -> None:
    draft = working_draft(session, child_id)
    if draft is not None:
        session.delete(draft)
        session.flush()


# ------------------------------------------------------------------ issuing


@dataclasses.dataclass(frozen=True)
class Issued:
    version: PlanVersion
    check: PlanCheckResult
    warnings: list[str]


def _next_kind(rows: list[PlanVersion], wanted: str) -> None:
    latest = rows[-1].kind if rows else None
    in_force = any(r.kind in IN_FORCE_KINDS for r in rows)
    if wanted == "draft" and in_force:
        raise Refused(
            "The child's plan is already final: propose an amendment instead of a new draft."
        )
    if wanted == "final" and latest != "draft":
        raise Refused("Issue the draft plan first: a final plan follows an issued draft.")
    if wanted == "amendment" and not in_force:
        raise Refused("There is no final plan to amend: issue the draft and the final plan first.")
    if wanted == "amended" and latest != "amendment":
        raise Refused("Propose the amendment first: an amended plan follows an amendment notice.")


def final_kind(session: Session, child_id: uuid.UUID) -> str:
    """What finalising issues now: the final plan after a draft, or the amended plan
    after an amendment notice."""
    rows = versions(session, child_id)
    return "amended" if rows and rows[-1].kind == "amendment" else "final"


def school_name(session: Session, urn_or_name: str) -> str:
    """Section I's name for a school given by URN (a setting in the store) or by name."""
    text = urn_or_name.strip()
    if not text:
        raise ValidationFailed("name the school or setting (its URN or its name)")
    if has_control(text):
        raise ValidationFailed("the school's name holds a control character")
    if text.isdigit():
        setting = session.scalars(select(Setting).where(Setting.urn == text)).first()
        if setting is None:
            raise ValidationFailed(f"no school or setting with URN {text} in this store")
        return setting.name
    return text


def issue(
    session: Session,
    child_id: uuid.UUID,
    kind: str,
    on: date,
    *,
    today: date,
    plan: Plan | None = None,
    school: str | None = None,
    reason: str | None = None,
    accept_failed: bool = False,
    confirm_order: bool = False,
) -> Issued:
    """Issue a version of the child's plan (see the module docstring). A draft with no
    decision to issue on the case, or a final plan with no draft, is refused
    (PlanOrderUnconfirmed) unless ``confirm_order`` (send_desk.services.plan_clock)."""
    if kind not in KIND_EVENTS:
        raise ValidationFailed(f"'{kind}' is not a kind of plan version")
    get_child(session, child_id)
    rows = versions(session, child_id)
    _next_kind(rows, kind)
    draft = working_draft(session, child_id)
    # a plan given whole (from a file) leaves the draft being written alone
    if plan is not None:
        draft = None
    elif draft is not None:
        plan = read_plan(draft.content)
    elif rows and kind in ("final", "amended"):
        plan = read_plan(rows[-1].content)
    else:
        raise Refused("There is no working draft of the plan to issue: start one first.")
    if kind == "amendment" and not (reason or "").strip():
        raise ValidationFailed("say why the plan is amended", {"reason": "is needed"})
    if reason and has_control(reason, multiline=True):
        raise ValidationFailed("the reason holds a control character", {"reason": "control"})
    if kind == "amendment":
        in_force = [r for r in rows if r.kind in IN_FORCE_KINDS][-1]
        if not changed_sections(read_plan(in_force.content), plan):
            raise Refused(
                "The amendment changes nothing in the plan in force: make the changes first."
            )
    placement = plan.sections.I
    if kind == "draft" and placement.name:
        raise Refused(
            f"A draft plan names no school, but Section I names '{placement.name}': the "
            "family is asked for their preference first. Remove the name and issue again."
        )
    if school is not None:
        placement = dataclasses.replace(placement, name=school_name(session, school))
    plan = dataclasses.replace(
        plan,
        status=KIND_STATUS[kind],
        date=on,
        advice_received=tuple(advice_received(session, child_id)),
        sections=dataclasses.replace(plan.sections, I=placement),
    )
    text = plan_text(plan)
    confirmed = check_order(session, child_id, kind, on, confirmed=confirm_order)
    result = check_plan(plan)
    if result.failed and not accept_failed:
        raise PlanChecklistNotMet(result)
    recorded = add_event(session, child_id, KIND_EVENTS[kind], on, today=today)
    warnings = [
        *confirmed, *recorded.warnings,
        *late_warnings(session, child_id, KIND_EVENTS[kind], on),
    ]  # fmt: skip
    author = _actor(session)
    previous = read_plan(rows[-1].content) if rows else None
    edits = list(draft.edits) if draft is not None else []
    changes = []
    for section in changed_sections(previous, plan):
        people = sorted({e["user_id"] for e in edits if e.get("section") == section
                         and e.get("user_id")})  # fmt: skip
        if not people and author:
            people = [str(author)]
        changes.append({"section": section, "changed_by": people})
    version_id = uuid7()
    row = PlanVersion(
        id=version_id,
        plan_id=rows[0].plan_id if rows else version_id,
        child_id=child_id,
        version=(rows[-1].version + 1) if rows else 1,
        supersedes_id=rows[-1].id if rows else None,
        author_id=author,
        kind=kind,
        issued_on=on,
        event_id=recorded.id,
        amendment_reason=(reason or "").strip() or None,
        content=json.loads(text),
        changed_sections=changes,
        failed_items=[
            {"id": item.id, "section": item.section, "message": item.message}
            for item in result.failed
        ],
        checklist_passed=result.passed,
        checklist_applicable=result.applicable,
    )
    check_plain(row)
    session.add(row)
    if draft is not None:
        session.delete(draft)
    session.flush()
    return Issued(row, result, warnings)


__all__ = [
    "Issued",
    "PlanChecklistNotMet",
    "discard_draft",
    "final_kind",
    "in_force_before",
    "issue",
    "plan_text",
    "read_plan",
    "save_draft",
    "school_name",
    "start_draft",
    "version_number",
    "versions",
    "working_draft",
]
