"""The statutory clock's cached milestones as every facade reads them.

Readers of the cache (the caseload's "Next deadline" and "Overdue", My day, the
timeline) first make sure it is current; one lock keeps two threads from rebuilding it
at once, whichever facade asks.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable

from sqlalchemy import String, false, select, type_coerce

from send_desk.backend.access import StoreAccess
from send_desk.backend.caseload_models import NextDeadline
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.tables import table_of
from send_desk.services import milestones as milestones_service
from send_desk.services.deadlines import milestone_of
from send_desk.services.deadlines import overdue_child_ids as stored_overdue_ids
from send_desk.timescales import default_rules

_LOCK = threading.Lock()
MILESTONE_COLUMNS = (
    "milestone",
    "rule",
    "due",
    "cycle",
    "proposed",
    "priority",
    "local",
    "exception_reason",
    "exception_evidence",
    "exception_recorded",
)


def ensure_clock(access: StoreAccess) -> str:
    """Bring the cached milestones up to date; returns what was done ("current",
    "children", "all"). Quick when nothing changed (a read)."""
    today = access.today()
    with access.read() as session:
        if milestones_service.is_current(session, today=today):
            return "current"
    with _LOCK, access.write() as session:
        result: str = milestones_service.ensure_current(session, today=today)
        return result


def next_deadlines(
    access: StoreAccess, child_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, NextDeadline]:
    """Each child's next statutory deadline not yet met (the earliest due, so one
    missed comes first). Children with none are left out."""
    wanted = [child.hex for child in child_ids]
    if not wanted:
        return {}
    ensure_clock(access)
    today, rules = access.today(), default_rules()
    table = table_of(MilestoneRow)
    key = type_coerce(table.c.child_id, String)
    query = (
        select(key.label("child_key"), *(table.c[name] for name in MILESTONE_COLUMNS))
        .where(
            key.in_(wanted),
            table.c.kind == "task",
            table.c.done.is_(None),
            table.c.local == false(),
        )
        .order_by(key, table.c.due)
    )
    found: dict[uuid.UUID, NextDeadline] = {}
    with access.read() as session:
        rows = [dict(row._mapping, done=None) for row in session.execute(query)]
    for row in rows:
        child = uuid.UUID(row["child_key"])
        if child in found:
            continue
        milestone = milestone_of(row, today, rules)
        if milestone is None or milestone.rule.is_info:
            continue
        found[child] = NextDeadline(milestone.title, row["due"], (row["due"] - today).days)
    return found


def overdue_child_ids(access: StoreAccess) -> set[uuid.UUID]:
    """The children with a statutory task past its due date."""
    ensure_clock(access)
    with access.read() as session:
        return {uuid.UUID(hex_id) for hex_id in stored_overdue_ids(session, today=access.today())}
