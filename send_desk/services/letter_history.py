"""A child's saved letters: the latest version of each, a letter's versions, the letter
as saved, and the apology a deadline's reason asks for (the composer's starting inputs).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.events import CaseEvent
from send_desk.domain.letters import SENT_VIA_LABELS, LetterVersion
from send_desk.domain.organisation import User
from send_desk.letters.document import Letter
from send_desk.letters.manifest import VARIANT_LABELS
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound


def latest_version(session: Session, letter_id: uuid.UUID) -> LetterVersion:
    rows = session.scalars(
        select(LetterVersion)
        .where(LetterVersion.letter_id == letter_id)
        .order_by(col(LetterVersion.version).desc(), col(LetterVersion.created_at).desc())
    ).all()
    if not rows:
        raise NotFound(f"no letter with id {letter_id} in this store")
    return rows[0]


def version_json(row: LetterVersion, author: str | None) -> dict[str, Any]:
    return {
        "letter_id": row.letter_id.hex,
        "version_id": row.id.hex,
        "version": row.version,
        "child_id": row.child_id.hex,
        "template": row.template,
        "title": row.title,
        "variant": row.variant,
        "variant_label": VARIANT_LABELS.get(row.variant, row.variant),
        "letter_date": row.letter_date,
        "recipient_name": row.recipient_name,
        "status": row.status,
        "sent_via": row.sent_via,
        "sent_via_label": SENT_VIA_LABELS.get(row.sent_via or "", ""),
        "sent_on": row.sent_on,
        "note": row.note,
        "saved_at": row.created_at,
        "saved_by": author,
        "event_ids": list(row.event_ids),
        "check": dict(row.check),
    }


def list_letters(session: Session, child_id: uuid.UUID) -> list[dict[str, Any]]:
    """A child's letters (the latest version of each), newest first."""
    get_child(session, child_id)
    rows = session.exec(
        select(LetterVersion, User.display_name)
        .outerjoin(User, col(User.id) == LetterVersion.author_id)
        .where(LetterVersion.child_id == child_id)
        .order_by(col(LetterVersion.letter_date).desc(), col(LetterVersion.created_at).desc())
    ).all()
    latest: dict[uuid.UUID, dict[str, Any]] = {}
    counts: dict[uuid.UUID, int] = {}
    for row, name in rows:
        counts[row.letter_id] = counts.get(row.letter_id, 0) + 1
        current = latest.get(row.letter_id)
        if current is None or row.version > current["version"]:
            latest[row.letter_id] = version_json(row, name)
    out = list(latest.values())
    for item in out:
        item["versions"] = counts[uuid.UUID(item["letter_id"])]
    out.sort(
        key=lambda item: (item["letter_date"], item["saved_at"] or item["letter_date"]),
        reverse=True,
    )
    return out


def letter_history(session: Session, letter_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = session.exec(
        select(LetterVersion, User.display_name)
        .outerjoin(User, col(User.id) == LetterVersion.author_id)
        .where(LetterVersion.letter_id == letter_id)
        .order_by(col(LetterVersion.version))
    ).all()
    if not rows:
        raise NotFound(f"no letter with id {letter_id} in this store")
    return [version_json(row, name) for row, name in rows]


def stored_letter(session: Session, version_or_letter_id: uuid.UUID) -> Letter:
    """The letter as saved (a version's id, or a letter's id for its latest version)."""
    row = session.get(LetterVersion, version_or_letter_id)
    if row is None:
        row = latest_version(session, version_or_letter_id)
    return Letter.from_json(dict(row.content))


def apology_request(
    session: Session, child_id: uuid.UUID, milestone: str, due: date
) -> dict[str, Any] | None:
    """The latest request for an apology letter for this missed deadline (My day records
    one with the reason), as the composer's starting inputs."""
    rows = session.scalars(
        select(CaseEvent)
        .where(
            CaseEvent.child_id == child_id,
            CaseEvent.type == "apology_letter_requested",
            ~col(CaseEvent.withdrawn),
        )
        .order_by(col(CaseEvent.date).desc())
    ).all()
    for row in rows:
        details = row.details or {}
        if details.get("milestone") == milestone and details.get("due") == due.isoformat():
            return {
                "milestone": f"{milestone}|{due.isoformat()}",
                "reason": str(details.get("reason", "")).split("; "),
            }
    return None
