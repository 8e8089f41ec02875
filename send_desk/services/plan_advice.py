"""The advice a child's case has received, by the EHC plan standard's names for it.

``advice_received`` events record who the advice came from (``from``) as the
caseworker typed it or the demo wrote it ("educational_psychology", "EP", "Health").
The plan standard names kinds of advice ("educational_psychology", "health",
"school"...); the spellings of each kind are data in resources/plans/plan_checklist.toml
([advice]), and a name on none of those lists is kept as written (compared ignoring
case, spaces, hyphens and underscores). Withdrawn events do not count.

The advice reports attached to the case (documents of type ``advice``, not withdrawn)
are what Section K of the rendered plan lists and what its appendices carry.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, col, select

from send_desk.domain.documents import Document
from send_desk.domain.events import CaseEvent
from send_desk.plans.checklist import PlanChecklist, default_plan_checklist
from send_desk.plans.document import AdviceDocument


def advice_received(
    session: Session, child_id: uuid.UUID, checklist: PlanChecklist | None = None
) -> list[str]:
    """The kinds of advice received on the case, once each, in the order they arrived."""
    checklist = checklist or default_plan_checklist()
    rows = session.exec(
        select(CaseEvent)
        .where(
            CaseEvent.child_id == child_id,
            CaseEvent.type == "advice_received",
            ~col(CaseEvent.withdrawn),
        )
        .order_by(col(CaseEvent.date), col(CaseEvent.id))
    ).all()
    names = [str(row.details.get("from") or "").strip() for row in rows]
    return list(dict.fromkeys(checklist.advice_kind(name) for name in names if name))


def _received(document: Document) -> date | None:
    if document.received_on is not None:
        return document.received_on
    return document.created_at.date() if document.created_at is not None else None


def advice_documents(
    session: Session, child_id: uuid.UUID, by: date | None = None
) -> list[AdviceDocument]:
    """The advice reports attached to the case, oldest received first; with ``by``,
    only those received by that day (an issued version lists what it was written
    from, not advice that came after it). A report with no date received counts from
    the day it was attached."""
    rows = session.exec(
        select(Document).where(
            Document.child_id == child_id,
            Document.doc_type == "advice",
            ~col(Document.withdrawn),
        )
    ).all()
    dated = [(row, _received(row)) for row in rows]
    kept = [(row, on) for row, on in dated if by is None or on is None or on <= by]
    # ids are time-ordered (uuid7): reports received the same day keep the order attached
    kept.sort(key=lambda pair: (pair[1] or date.max, str(pair[0].id)))
    return [
        AdviceDocument(
            ref=str(row.id),
            kind=row.advice_kind,
            title=row.title,
            author=row.author,
            received_on=row.received_on,
            media_type=row.media_type,
            file_name=row.file_name,
        )
        for row, _on in kept
    ]
