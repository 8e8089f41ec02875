"""Children and young people: create, update, find, list and show."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String, and_, cast, func, or_
from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, Child, ChildCreate, FamilyMember, Placement
from send_desk.domain.codes import STAGE_LABELS, Stage
from send_desk.domain.events import CaseEvent, CaseEventVersion
from send_desk.domain.journal import JournalEntry
from send_desk.domain.organisation import Setting, Team, User
from send_desk.domain.school_year import nc_year, nc_year_label
from send_desk.services.errors import NotFound, Refused
from send_desk.services.organisation import find_team, find_user
from send_desk.services.validation import apply_changes, validate
from send_desk.storage.journal import row_values


def create_child(
    session: Session, data: Mapping[str, Any], *, today: date | None = None
) -> uuid.UUID:
    values = validate(ChildCreate, data, today)
    child = Child.model_validate(values)
    session.add(child)
    session.flush()
    return child.id


def get_child(session: Session, child_id: uuid.UUID) -> Child:
    child = session.get(Child, child_id)
    if child is None:
        raise NotFound(f"no child with id {child_id} in this store")
    return child


def resolve_child_id(session: Session, text: str) -> uuid.UUID:
    """A child's id from its full form, a unique prefix of 8+ characters, or a UPN."""
    key = text.strip().lower()
    try:
        child_id = uuid.UUID(key)
    except ValueError:
        child_id = None
    if child_id is not None:
        get_child(session, child_id)
        return child_id
    if len(key) == 13:
        found = session.scalar(select(Child.id).where(Child.upn == key.upper()))
        if found:
            return found
    compact = key.replace("-", "")
    if len(compact) >= 8 and all(ch in "0123456789abcdef" for ch in compact):
        # UUIDv7s made close together share their leading timestamp, so the end of
        # an id is what tells children apart; accept a unique start or end.
        hex_id = func.lower(cast(Child.id, String))
        ids = session.scalars(
            select(Child.id)
            .where(or_(hex_id.like(f"{compact}%"), hex_id.like(f"%{compact}")))
            .limit(2)
        ).all()
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise Refused(f"'{text}' matches more than one child: give more of the id")
    raise NotFound(f"no child with id '{text}' in this store")


def update_child(
    session: Session, child_id: uuid.UUID, changes: Mapping[str, Any], *, today: date | None = None
) -> dict[str, Any]:
    """Apply changes after validating the whole record; returns the fields that changed."""
    child = get_child(session, child_id)
    return apply_changes(session, ChildCreate, child, changes, today)


def _year_group(dob: date, override: int | None, today: date) -> int:
    return override if override is not None else nc_year(dob, today)


def list_children(
    session: Session,
    *,
    today: date,
    team: str | None = None,
    caseworker: str | None = None,
) -> list[dict[str, Any]]:
    """One row per child: id, name, team, caseworker, year group, stage."""
    current = and_(col(Allocation.child_id) == Child.id, col(Allocation.end_date).is_(None))
    # sqlmodel's select takes at most four columns, so this one is SQLAlchemy's.
    query = (
        sa.select(
            col(Child.id),
            col(Child.first_name),
            col(Child.last_name),
            col(Child.date_of_birth),
            col(Child.nc_year_override),
            col(Child.stage),
            col(Child.looked_after),
            col(Team.name),
            col(User.display_name),
            col(User.username),
        )
        .outerjoin(Allocation, current)
        .outerjoin(User, col(User.id) == Allocation.caseworker_id)
        .outerjoin(Team, col(Team.id) == Allocation.team_id)
        .order_by(col(Child.last_name), col(Child.first_name), col(Child.id))
    )
    if team:
        query = query.where(col(Team.id) == find_team(session, team).id)
    if caseworker:
        query = query.where(col(User.id) == find_user(session, caseworker).id)
    rows = []
    for row in session.execute(query):
        year = _year_group(row.date_of_birth, row.nc_year_override, today)
        rows.append(
            {
                "id": str(row.id),
                "name": f"{row.first_name} {row.last_name}",
                "team": row.name,
                "caseworker": row.display_name,
                "caseworker_username": row.username,
                "year_group": year,
                "year_group_label": nc_year_label(year),
                "stage": row.stage,
                "stage_label": STAGE_LABELS.get(Stage(row.stage), row.stage),
                "looked_after": row.looked_after,
            }
        )
    return rows


def _plain(obj: Any, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = row_values(obj)
    for name in drop:
        data.pop(name, None)
    return dict(data)


def child_detail(session: Session, child_id: uuid.UUID, *, today: date) -> dict[str, Any]:
    """The child with family, settings, allocations, events and history, as plain data."""
    child = get_child(session, child_id)
    data = _plain(child)
    year = _year_group(child.date_of_birth, child.nc_year_override, today)
    data["year_group"] = year
    data["year_group_label"] = nc_year_label(year)
    data["stage_label"] = STAGE_LABELS.get(Stage(child.stage), child.stage)

    family = session.scalars(
        select(FamilyMember)
        .where(FamilyMember.child_id == child_id)
        .order_by(col(FamilyMember.main_contact).desc(), col(FamilyMember.name))
    ).all()
    data["family"] = [_plain(member, drop=("child_id",)) for member in family]

    placements = session.exec(
        select(Placement, Setting)
        .join(Setting, col(Setting.id) == Placement.setting_id)
        .where(Placement.child_id == child_id)
        .order_by(col(Placement.start_date).desc())
    ).all()
    data["settings"] = [
        {
            **_plain(placement, drop=("child_id",)),
            "setting": _plain(setting),
            "current": placement.end_date is None,
        }
        for placement, setting in placements
    ]
    current_setting = next((p for p in data["settings"] if p["current"]), None)
    data["current_setting"] = current_setting["setting"] if current_setting else None

    allocations = session.exec(
        select(Allocation, User, Team)
        .join(User, col(User.id) == Allocation.caseworker_id)
        .join(Team, col(Team.id) == Allocation.team_id)
        .where(Allocation.child_id == child_id)
        .order_by(col(Allocation.start_date).desc())
    ).all()
    data["allocations"] = [
        {
            **_plain(allocation, drop=("child_id",)),
            "caseworker": user.display_name,
            "caseworker_username": user.username,
            "caseworker_email": user.email,
            "caseworker_phone": user.phone,
            "team": team.name,
            "current": allocation.end_date is None,
        }
        for allocation, user, team in allocations
    ]
    current = next((a for a in data["allocations"] if a["current"]), None)
    data["caseworker"] = current["caseworker"] if current else None
    data["team"] = current["team"] if current else None

    events = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.child_id == child_id)
        .order_by(col(CaseEvent.date), col(CaseEvent.created_at))
    ).all()
    versions = event_versions(session, child_id)
    # every event, withdrawn ones included (marked), each with its versions if corrected
    data["events"] = [
        {**_plain(event, drop=("child_id",)), "versions": versions.get(event.id, [])}
        for event in events
    ]
    data["history"] = child_history(session, child_id)
    return data


def event_versions(session: Session, child_id: uuid.UUID) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """Each corrected event's versions, oldest first, as plain data."""
    rows = session.scalars(
        select(CaseEventVersion)
        .where(CaseEventVersion.child_id == child_id)
        .order_by(col(CaseEventVersion.event_id), col(CaseEventVersion.version))
    ).all()
    found: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row.event_id, []).append(
            {
                "version": row.version,
                "date": row.date.isoformat(),
                "details": dict(row.details),
                "evidence": row.evidence,
                "reason": row.reason,
                "at": row.created_at.isoformat() if row.created_at else None,
                "by": str(row.created_by) if row.created_by else None,
            }
        )
    return found


def related_row_ids(session: Session, child_id: uuid.UUID) -> list[uuid.UUID]:
    ids = [child_id]
    for model in (FamilyMember, Placement, Allocation, CaseEvent, CaseEventVersion):
        ids += session.scalars(select(model.id).where(model.child_id == child_id)).all()
    return ids


def child_history(session: Session, child_id: uuid.UUID) -> list[dict[str, Any]]:
    """Who changed what, when: the journal entries of the child and its related rows."""
    ids = related_row_ids(session, child_id)
    entries = session.exec(
        select(JournalEntry, User.display_name)
        .outerjoin(User, col(User.id) == JournalEntry.user_id)
        .where(col(JournalEntry.row_id).in_(ids))
        .order_by(col(JournalEntry.at), col(JournalEntry.seq))
    ).all()
    # An import journals each row it loads (sync sends them on), but for the record it
    # was one act: shown once for each store it was imported into (its device), on the
    # child's own row when there is one.
    imports: dict[uuid.UUID, JournalEntry] = {}
    for entry, _name in entries:
        if entry.op == "import":
            kept = imports.get(entry.device_id)
            if kept is None or (entry.row_id == child_id and kept.row_id != child_id):
                imports[entry.device_id] = entry
    shown = {id(entry) for entry in imports.values()}
    entries = [(e, name) for e, name in entries if e.op != "import" or id(e) in shown]
    return [
        {
            "at": entry.at.isoformat(),
            "by": name,
            "table": entry.table_name,
            "row_id": str(entry.row_id),
            "op": entry.op,
            "field": entry.field,
            "old_value": entry.old_value,
            "new_value": entry.new_value,
        }
        for entry, name in entries
    ]
