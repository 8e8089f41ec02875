"""What the case-note audit and the plan audit share: who is auditing, the names shown
beside an audit, the bounded free text an auditor types, and the caseworker's replies.

Both audits are ``NoteAudit`` rows (a plan audit has ``subject`` "plan"), so one piece
of code serves :mod:`send_desk.services.audits` and :mod:`send_desk.services.plan_audits`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.organisation import User
from send_desk.domain.supervision import AuditResponse, NoteAudit
from send_desk.services.errors import Refused, ValidationFailed

MAX_TEXT = 20_000


def actor_id(session: Session) -> uuid.UUID | None:
    """The signed-in user making the change, if the session names one."""
    return getattr(session.info.get("actor"), "user_id", None)


def user_names(session: Session) -> dict[uuid.UUID, str]:
    """Every user's display name by id (caseworker and auditor shown by name)."""
    return {u.id: u.display_name for u in session.exec(select(User)).all()}


def bounded_text(value: Any, name: str) -> str:
    """An auditor's free text, stripped; refused (named ``name``) when over the limit."""
    text = "" if value is None else str(value)
    if len(text) > MAX_TEXT:
        raise ValidationFailed(f"{name} is too long", {name: "too long"})
    return text.strip()


def responses_by_audit(
    session: Session, audit_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[AuditResponse]]:
    """The caseworker's replies to each audit, oldest first (one query for a list)."""
    out: dict[uuid.UUID, list[AuditResponse]] = {}
    if not audit_ids:
        return out
    for row in session.exec(
        select(AuditResponse)
        .where(col(AuditResponse.audit_id).in_(list(audit_ids)))
        .order_by(col(AuditResponse.created_at))
    ).all():
        out.setdefault(row.audit_id, []).append(row)
    return out


def check_action_due(action: str, action_due: date | None) -> None:
    """An action set for the caseworker needs a day it is due by."""
    if action.strip() and action_due is None:
        raise ValidationFailed("an action for the caseworker needs a due date",
                               {"action_due": "is needed"})  # fmt: skip


def check_moderation(
    first: NoteAudit, version_id: uuid.UUID, auditor: uuid.UUID | None, what: str
) -> None:
    """A moderation grades the version the audit graded, moderates an audit (never
    another moderation: the agreement figures pair one audit with one second opinion),
    and is blind only if someone other than the first auditor makes it. ``what``: "note"
    or "plan", for the message."""
    if first.version_id != version_id:
        raise Refused(f"a moderation grades the same version of the {what} as the audit")
    if first.role != "audit":
        raise Refused("a moderation moderates an audit, not another moderation")
    if auditor is not None and first.auditor_id == auditor:
        raise Refused("a moderation is made by a second auditor, not the first")
