"""The caseload list: filter and sort in SQL, returning child ids; rows for a page of ids.

Built for 20,000 children: the id query reads only the columns it filters and sorts
on, and the row query is only ever asked for the page a view shows. Ids travel as the
32-character hex text SQLite stores, so no UUID objects are made for every child.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from send_desk.domain.children import Allocation, Child, Placement
from send_desk.domain.codes import NEED_LABELS, STAGE_LABELS, Need, Role, Stage
from send_desk.domain.events import CaseEvent
from send_desk.domain.organisation import Setting, Team, User
from send_desk.domain.school_year import academic_year_start, nc_year, nc_year_label


def _table(model: Any) -> Any:
    """A model's Core table (typed Any: SQLModel's attribute types confuse the query
    builder's overloads, and these queries are Core, not ORM)."""
    return model.__table__


CH_TABLE, AL_TABLE, PL_TABLE, ST_TABLE, TM_TABLE, US_TABLE, EV_TABLE = (
    _table(model) for model in (Child, Allocation, Placement, Setting, Team, User, CaseEvent)
)
CH, AL, PL, ST, TM, US, EV = (
    table.c for table in (CH_TABLE, AL_TABLE, PL_TABLE, ST_TABLE, TM_TABLE, US_TABLE, EV_TABLE)
)

SORT_KEYS = (
    "name",
    "date_of_birth",
    "year_group",
    "upn",
    "setting",
    "need",
    "stage",
    "team",
    "caseworker",
)
PLAN_STAGES = (Stage.PLAN.value, Stage.REVIEW.value, Stage.AMENDMENT.value, Stage.TRANSFER_IN.value)
# Events after which the next annual review falls due 12 months on (the statutory clock
# computes the exact date; this is the caseload filter's estimate).
REVIEW_ANCHORS = (
    "final_plan_issued",
    "review_meeting",
    "amended_plan_issued",
    "plan_transferred_in",
)
TRIBUNAL_EVENTS = ("appeal_received", "tribunal_order")


@dataclass(frozen=True)
class CaseloadQuery:
    """What the caseload view asks for; every field narrows the list."""

    text: str = ""
    team_id: str | None = None
    caseworker_id: str | None = None
    setting_id: str | None = None
    stage: str | None = None
    need: str | None = None
    year_group: int | None = None
    looked_after: bool = False
    phase_transfer: bool = False
    tribunal: bool = False
    review_this_term: bool = False
    unallocated: bool = False
    sort: str = "name"
    descending: bool = False


def _hex(value: str | uuid.UUID) -> str:
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def term_bounds(today: date) -> tuple[date, date]:
    """The school term containing ``today``: autumn, spring (to 31 March) or summer."""
    if today.month >= 9:
        return date(today.year, 9, 1), date(today.year, 12, 31)
    if today.month <= 3:
        return date(today.year, 1, 1), date(today.year, 3, 31)
    return date(today.year, 4, 1), date(today.year, 8, 31)


def _year_expr(today: date) -> ColumnElement[Any]:
    """National curriculum year in SQL, the same as domain.school_year.nc_year."""
    dob = CH.date_of_birth
    birth_year = cast(func.substr(dob, 1, 4), Integer)
    autumn_born = case((cast(func.substr(dob, 6, 2), Integer) >= 9, 1), else_=0)
    computed = academic_year_start(today) - (birth_year + autumn_born + 4)
    return func.coalesce(CH.nc_year_override, computed)


def _current_allocation() -> ColumnElement[bool]:
    return and_(AL.child_id == CH.id, AL.end_date.is_(None))


def _current_placement() -> ColumnElement[bool]:
    return and_(PL.child_id == CH.id, PL.end_date.is_(None))


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_filter(text: str) -> ColumnElement[bool] | None:
    """Every word must match the name, preferred name, UPN, postcode or setting name."""
    words = text.split()
    if not words:
        return None
    haystacks = (
        func.lower(CH.first_name + " " + CH.last_name),
        func.lower(func.coalesce(CH.preferred_name, "")),
        func.lower(func.coalesce(CH.upn, "")),
        func.lower(func.coalesce(CH.postcode, "")),
        func.lower(func.coalesce(ST.name, "")),
    )
    clauses = [or_(*(hay.like(_like(word), escape="\\") for hay in haystacks)) for word in words]
    return and_(*clauses)


def _phase_transfer_filter(today: date, year: ColumnElement[Any]) -> ColumnElement[bool]:
    pending_transfer = CH.id.in_(
        select(EV.child_id).where(
            EV.type == "phase_transfer",
            ~EV.withdrawn,
            func.json_extract(EV.details, "$.transfer_date") >= today.isoformat(),
        )
    )
    transfer_year = and_(year.in_((6, 11)), CH.stage.in_(PLAN_STAGES))
    return or_(transfer_year, pending_transfer)


def _tribunal_filter(today: date) -> ColumnElement[bool]:
    recent = CH.id.in_(
        select(EV.child_id).where(
            EV.type.in_(TRIBUNAL_EVENTS),
            ~EV.withdrawn,
            EV.date >= today - timedelta(days=365),
        )
    )
    return or_(CH.stage == Stage.APPEAL.value, recent)


def _review_filter(today: date) -> ColumnElement[bool]:
    """Plans whose annual review falls due (12 months after the last plan or review) by
    the end of this term, including those already past due."""
    _start, end = term_bounds(today)
    due = func.date(func.max(EV.date), "+12 months")
    anchors = (
        select(EV.child_id)
        .where(EV.type.in_(REVIEW_ANCHORS), ~EV.withdrawn)
        .group_by(EV.child_id)
        .having(due <= end.isoformat())
    )
    return and_(CH.stage.in_(PLAN_STAGES), CH.id.in_(anchors))


def caseload_ids(session: Session, query: CaseloadQuery, *, today: date) -> list[str]:
    """The ids (hex) of the children matching ``query``, in its order."""
    child_id = type_coerce(CH.id, String)
    year = _year_expr(today)
    needs_setting = bool(query.text.strip()) or query.sort == "setting" or query.setting_id
    needs_alloc = bool(query.team_id or query.caseworker_id or query.unallocated) or query.sort in (
        "team",
        "caseworker",
    )
    stmt = select(child_id)
    if needs_setting:
        stmt = stmt.outerjoin(PL_TABLE, _current_placement()).outerjoin(
            Setting, ST.id == PL.setting_id
        )
    if needs_alloc:
        stmt = stmt.outerjoin(AL_TABLE, _current_allocation())
        if query.sort == "caseworker":
            stmt = stmt.outerjoin(US_TABLE, US.id == AL.caseworker_id)
        if query.sort == "team":
            stmt = stmt.outerjoin(TM_TABLE, TM.id == AL.team_id)
    stmt = stmt.select_from(CH_TABLE) if not (needs_setting or needs_alloc) else stmt

    text_clause = _text_filter(query.text)
    if text_clause is not None:
        stmt = stmt.where(text_clause)
    if query.team_id:
        stmt = stmt.where(type_coerce(AL.team_id, String) == _hex(query.team_id))
    if query.caseworker_id:
        stmt = stmt.where(type_coerce(AL.caseworker_id, String) == _hex(query.caseworker_id))
    if query.unallocated:
        stmt = stmt.where(AL.id.is_(None))
    if query.setting_id:
        stmt = stmt.where(type_coerce(PL.setting_id, String) == _hex(query.setting_id))
    if query.stage:
        stmt = stmt.where(CH.stage == query.stage)
    if query.need:
        stmt = stmt.where(or_(CH.primary_need == query.need, CH.secondary_need == query.need))
    if query.year_group is not None:
        stmt = stmt.where(year == query.year_group)
    if query.looked_after:
        stmt = stmt.where(CH.looked_after.is_(True))
    if query.phase_transfer:
        stmt = stmt.where(_phase_transfer_filter(today, year))
    if query.tribunal:
        stmt = stmt.where(_tribunal_filter(today))
    if query.review_this_term:
        stmt = stmt.where(_review_filter(today))

    name_order = [func.lower(CH.last_name), func.lower(CH.first_name)]
    keys: dict[str, list[Any]] = {
        "name": name_order,
        "date_of_birth": [CH.date_of_birth],
        "year_group": [year],
        "upn": [func.coalesce(CH.upn, "~")],
        "setting": [func.lower(func.coalesce(ST.name, "~"))],
        "need": [func.coalesce(CH.primary_need, "~")],
        "stage": [CH.stage],
        "team": [func.coalesce(TM.name, "~")],
        "caseworker": [func.lower(func.coalesce(US.display_name, "~"))],
    }
    if query.sort not in keys:
        raise ValueError(f"cannot sort the caseload by '{query.sort}'")
    order = keys[query.sort] + ([] if query.sort == "name" else name_order)
    if query.descending:
        order = [key.desc() for key in order]
    stmt = stmt.order_by(*order, child_id)
    return [row[0] for row in session.execute(stmt)]


COLUMNS = (
    ("name", "Name"),
    ("date_of_birth", "Date of birth"),
    ("year_group", "Year"),
    ("upn", "UPN"),
    ("setting", "School or setting"),
    ("need", "Primary need"),
    ("stage", "Stage"),
    ("team", "Team"),
    ("caseworker", "Caseworker"),
    ("flags", "Flags"),
)


def caseload_rows(
    session: Session, ids: Sequence[str], *, today: date
) -> dict[str, dict[str, Any]]:
    """Display data for the given ids (hex), keyed by id."""
    if not ids:
        return {}
    wanted = [_hex(value) for value in ids]
    child_id = type_coerce(CH.id, String)
    tribunal_recent = (
        exists()
        .where(
            EV.child_id == CH.id,
            EV.type.in_(TRIBUNAL_EVENTS),
            EV.date >= today - timedelta(days=365),
        )
        .correlate(Child)
    )
    stmt = (
        select(
            child_id,
            CH.first_name,
            CH.last_name,
            CH.preferred_name,
            CH.date_of_birth,
            CH.nc_year_override,
            CH.upn,
            CH.stage,
            CH.primary_need,
            CH.looked_after,
            ST.name,
            TM.name,
            US.display_name,
            tribunal_recent.label("tribunal"),
        )
        .select_from(CH_TABLE)
        .outerjoin(PL_TABLE, _current_placement())
        .outerjoin(ST_TABLE, ST.id == PL.setting_id)
        .outerjoin(AL_TABLE, _current_allocation())
        .outerjoin(TM_TABLE, TM.id == AL.team_id)
        .outerjoin(US_TABLE, US.id == AL.caseworker_id)
        .where(child_id.in_(wanted))
    )
    rows: dict[str, dict[str, Any]] = {}
    for row in session.execute(stmt):
        (
            cid,
            first,
            last,
            preferred,
            dob,
            override,
            upn,
            stage,
            need,
            looked_after,
            setting,
            team,
            caseworker,
            tribunal,
        ) = row
        year = override if override is not None else nc_year(dob, today)
        flags = []
        if looked_after:
            flags.append("Looked after")
        if tribunal or stage == Stage.APPEAL.value:
            flags.append("Tribunal")
        if year in (6, 11) and stage in PLAN_STAGES:
            flags.append("Phase transfer")
        rows[cid] = {
            "id": cid,
            "name": f"{last}, {first}" + (f" ({preferred})" if preferred else ""),
            "date_of_birth": dob,
            "year_group": year,
            "year_group_label": nc_year_label(year),
            "upn": upn or "",
            "setting": setting or "",
            "need": need or "",
            "need_label": NEED_LABELS.get(Need(need), need) if need else "",
            "stage": stage,
            "stage_label": STAGE_LABELS.get(Stage(stage), stage),
            "team": team or "",
            "caseworker": caseworker or "Not allocated",
            "looked_after": bool(looked_after),
            "flags": flags,
        }
    return rows


def caseload_options(session: Session) -> dict[str, Any]:
    """Choices for the caseload filters: teams, caseworkers (with team) and settings."""
    teams = [
        {"id": str(row[0]), "name": row[1]}
        for row in session.execute(select(type_coerce(TM.id, String), TM.name).order_by(TM.name))
    ]
    caseworkers = [
        {"id": row[0], "name": row[1], "username": row[2], "team": row[3], "team_id": row[4]}
        for row in session.execute(
            select(
                type_coerce(US.id, String),
                US.display_name,
                US.username,
                TM.name,
                type_coerce(US.team_id, String),
            )
            .join(Team, TM.id == US.team_id)
            .where(US.active.is_(True), US.role != Role.ADMIN.value)
            .order_by(func.lower(US.display_name))
        )
    ]
    settings = [
        {"id": row[0], "name": row[1], "urn": row[2], "phase": row[3]}
        for row in session.execute(
            select(type_coerce(ST.id, String), ST.name, ST.urn, ST.phase).order_by(
                func.lower(ST.name)
            )
        )
    ]
    count = session.scalar(select(func.count()).select_from(CH_TABLE)) or 0
    return {"teams": teams, "caseworkers": caseworkers, "settings": settings, "children": count}
