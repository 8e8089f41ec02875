"""The advice a child's case has received, by the EHC plan standard's names for it.

``advice_received`` events record who the advice came from (``from``) as the
caseworker typed it or the demo wrote it ("educational_psychology", "EP", "Health").
The plan standard names kinds of advice ("educational_psychology", "health",
"school"...); the spellings of each kind are data in resources/plans/plan_checklist.toml
([advice]), and a name on none of those lists is kept as written (compared ignoring
case, spaces, hyphens and underscores). Withdrawn events do not count.
"""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from send_desk.domain.events import CaseEvent
from send_desk.plans.checklist import PlanChecklist, default_plan_checklist


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
