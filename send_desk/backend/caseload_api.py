"""The caseload and the child record: ``backend.caseload``.

Filtering and sorting happen in SQL (the services), which hand back ordered ids; rows,
options and a child's detail come back as the frozen read models of
:mod:`send_desk.backend.caseload_models`. Writes raise :class:`ValidationFailed` with
per-field reasons and save nothing half-way (one transaction per call).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from send_desk.backend import labels
from send_desk.backend.access import StoreAccess
from send_desk.backend.caseload_models import (
    Allocation,
    CaseEvent,
    CaseloadOptions,
    CaseloadRow,
    CaseworkerChoice,
    ChildChanges,
    ChildDetail,
    FamilyMember,
    FamilyMemberChanges,
    FieldValue,
    HistoryEntry,
    NewChild,
    NewFamilyMember,
    NextDeadline,
    Placement,
    Setting,
    SettingChoice,
    TeamChoice,
)
from send_desk.backend.clock_cache import next_deadlines, overdue_child_ids
from send_desk.backend.errors import ValidationFailed
from send_desk.backend.record_history import describe
from send_desk.services import allocation as allocation_service
from send_desk.services import caseload as caseload_service
from send_desk.services import children as children_service
from send_desk.services import family as family_service
from send_desk.services import milestones as milestones_service
from send_desk.services.caseload import CaseloadQuery
from send_desk.timeutil import LONDON

# A child's fields the statutory clock reads (changing one recomputes the child).
CLOCK_FIELDS = frozenset({"date_of_birth", "looked_after"})
SAVED_FILTERS = ("all", "mine", "my_team", "reviews_this_term", "looked_after", "unallocated")


class CaseloadApi:
    """The caseload list, its filters, and a child's record with its edits."""

    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    # ---------------------------------------------------------------- caseload

    def caseload_ids(
        self, query: CaseloadQuery | None = None, *, overdue: bool = False
    ) -> list[uuid.UUID]:
        """The children matching ``query``, in its sort order; with ``overdue``, only
        those with a statutory deadline missed and still not done."""
        with self._access.read() as session:
            found = caseload_service.caseload_ids(
                session, query or CaseloadQuery(), today=self._access.today()
            )
        ids = [uuid.UUID(hex_id) for hex_id in found]
        if overdue:
            late = overdue_child_ids(self._access)
            ids = [child_id for child_id in ids if child_id in late]
        return ids

    def caseload_rows(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, CaseloadRow]:
        """The rows for a page of ids (those still on the record), keyed by id."""
        wanted = [child.hex for child in ids]
        with self._access.read() as session:
            rows = caseload_service.caseload_rows(session, wanted, today=self._access.today())
        keyed = {uuid.UUID(key): row for key, row in rows.items()}
        upcoming = next_deadlines(self._access, keyed)
        return {
            child: CaseloadRow(
                id=child,
                name=row["name"],
                date_of_birth=row["date_of_birth"],
                year_group=row["year_group"],
                upn=row["upn"] or None,
                setting=row["setting"] or None,
                need=row["need"] or None,
                stage=row["stage"],
                team=row["team"] or None,
                caseworker=None if row["caseworker"] == "Not allocated" else row["caseworker"],
                looked_after=row["looked_after"],
                flags=tuple(row["flags"]),
                next_deadline=upcoming.get(child),
            )
            for child, row in keyed.items()
        }

    def caseload_options(self) -> CaseloadOptions:
        """Teams, caseworkers and settings for filters and forms."""
        with self._access.read() as session:
            found = caseload_service.caseload_options(session)
        return CaseloadOptions(
            teams=tuple(TeamChoice(uuid.UUID(t["id"]), t["name"]) for t in found["teams"]),
            caseworkers=tuple(
                CaseworkerChoice(
                    uuid.UUID(c["id"]), c["name"], c["username"], c["team"], uuid.UUID(c["team_id"])
                )
                for c in found["caseworkers"]
            ),
            settings=tuple(
                SettingChoice(uuid.UUID(s["id"]), s["name"], s["urn"], s["phase"])
                for s in found["settings"]
            ),
            children=found["children"],
        )

    def saved_filter(
        self, name: str, *, caseworker_id: uuid.UUID | None, team_id: uuid.UUID | None
    ) -> CaseloadQuery:
        """The query behind a saved filter (one of SAVED_FILTERS) for the signed-in user
        (their id and team; None for a fresh store)."""
        base = CaseloadQuery()
        if name == "mine" and caseworker_id:
            return replace(base, caseworker_id=caseworker_id.hex)
        if name == "my_team" and team_id:
            return replace(base, team_id=team_id.hex)
        if name == "reviews_this_term":
            return replace(base, review_this_term=True)
        if name == "looked_after":
            return replace(base, looked_after=True)
        if name == "unallocated":
            return replace(base, unallocated=True)
        return base

    # ------------------------------------------------------------ child record

    def child_detail(self, child_id: uuid.UUID) -> ChildDetail:
        """Everything the child record shows."""
        with self._access.read() as session:
            data = children_service.child_detail(session, child_id, today=self._access.today())
        upcoming = next_deadlines(self._access, [child_id]).get(child_id)
        return build_child_detail(data, upcoming)

    def create_child(self, child: NewChild) -> uuid.UUID:
        values = _clean(_fields_of(child))
        with self._access.write() as session:
            return children_service.create_child(session, values, today=self._access.today())

    def update_child(self, child_id: uuid.UUID, changes: ChildChanges) -> dict[str, FieldValue]:
        """Save the changes; returns the fields that changed, with their new values."""
        today = self._access.today()
        with self._access.write() as session:
            changed: dict[str, FieldValue] = children_service.update_child(
                session, child_id, _clean(changes.values()), today=today
            )
            if changed.keys() & CLOCK_FIELDS:  # the clock reads them: recompute now
                milestones_service.recompute_child(session, child_id, today=today)
            return changed

    def add_family_member(self, child_id: uuid.UUID, member: NewFamilyMember) -> uuid.UUID:
        values = {**_clean(_fields_of(member)), "child_id": child_id}
        with self._access.write() as session:
            return family_service.add_family_member(session, values)

    def update_family_member(
        self, member_id: uuid.UUID, changes: FamilyMemberChanges
    ) -> dict[str, FieldValue]:
        with self._access.write() as session:
            changed: dict[str, FieldValue] = family_service.update_family_member(
                session, member_id, _clean(changes.values())
            )
            return changed

    def place(
        self,
        child_id: uuid.UUID,
        setting_id: uuid.UUID | None,
        start_date: date | None,
        provision: str | None = None,
    ) -> uuid.UUID:
        """Place the child; ``provision`` is "sen_unit" or "resourced_provision" for a
        place in the setting's SEN unit or resourced provision (SEN2's indicators)."""
        fields = {}
        if not setting_id:
            fields["setting_id"] = "choose a setting"
        if start_date is None:
            fields["start_date"] = "is needed"
        elif start_date > self._access.today():
            fields["start_date"] = "a placement is recorded once it has started"
        if fields:
            raise ValidationFailed(_summary(fields), fields)
        assert setting_id is not None and start_date is not None
        with self._access.write() as session:
            placement = allocation_service.place(
                session,
                child_id,
                setting_id,
                start_date,
                sen_unit=provision == "sen_unit",
                resourced_provision=provision == "resourced_provision",
            )
            # the setting's phase decides an infant-to-junior transfer
            milestones_service.recompute_child(session, child_id, today=self._access.today())
            return placement

    def allocate(
        self,
        child_id: uuid.UUID,
        caseworker_id: uuid.UUID | None,
        start_date: date | None,
        reason: str = "",
    ) -> uuid.UUID:
        fields = {}
        if not caseworker_id:
            fields["caseworker_id"] = "choose a caseworker"
        if start_date is None:
            fields["start_date"] = "is needed"
        elif start_date > self._access.today():
            fields["start_date"] = "an allocation is recorded from today or earlier"
        if fields:
            raise ValidationFailed(_summary(fields), fields)
        assert caseworker_id is not None and start_date is not None
        with self._access.write() as session:
            return allocation_service.allocate(
                session, child_id, caseworker_id, start_date, reason.strip() or None
            )


def _summary(fields: Mapping[str, str]) -> str:
    return "; ".join(f"{labels.field_label(name)}: {reason}" for name, reason in fields.items())


def _fields_of(value: NewChild | NewFamilyMember) -> dict[str, FieldValue]:
    return {name: getattr(value, name) for name in value.__dataclass_fields__}


def _clean(data: Mapping[str, FieldValue]) -> dict[str, FieldValue]:
    """Blank text from a form means 'not recorded'."""
    return {
        name: None if isinstance(value, str) and not value.strip() else value
        for name, value in data.items()
    }


# --------------------------------------------------------- building the detail


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _maybe_date(value: Any) -> date | None:
    return None if value is None else _as_date(value)


def _id(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _member(row: Mapping[str, Any]) -> FamilyMember:
    return FamilyMember(
        id=_id(row["id"]),
        name=row["name"],
        relationship=row["relationship"],
        parental_responsibility=bool(row["parental_responsibility"]),
        main_contact=bool(row["main_contact"]),
        phone=row["phone"],
        email=row["email"],
        address=row["address"],
        postcode=row["postcode"],
        preferred_contact=row["preferred_contact"],
        language=row["language"],
        interpreter_needed=bool(row["interpreter_needed"]),
        independent_interpreter=bool(row["independent_interpreter"]),
        easy_read=bool(row["easy_read"]),
        large_print=bool(row["large_print"]),
        notes=row["notes"],
    )


def _setting(row: Mapping[str, Any]) -> Setting:
    return Setting(_id(row["id"]), row["name"], row.get("urn"), row["phase"])


def _placement(row: Mapping[str, Any]) -> Placement:
    return Placement(
        id=_id(row["id"]),
        setting=_setting(row["setting"]),
        start_date=_as_date(row["start_date"]),
        end_date=_maybe_date(row["end_date"]),
        sen_unit=bool(row.get("sen_unit")),
        resourced_provision=bool(row.get("resourced_provision")),
    )


def _allocation(row: Mapping[str, Any]) -> Allocation:
    return Allocation(
        id=_id(row["id"]),
        caseworker_id=_id(row["caseworker_id"]),
        caseworker=row["caseworker"],
        caseworker_email=row["caseworker_email"],
        caseworker_phone=row["caseworker_phone"],
        team=row["team"],
        start_date=_as_date(row["start_date"]),
        end_date=_maybe_date(row["end_date"]),
        reason=row["reason"],
    )


def _event(row: Mapping[str, Any]) -> CaseEvent:
    return CaseEvent(
        id=_id(row["id"]),
        type=row["type"],
        date=_as_date(row["date"]),
        details=dict(row.get("details") or {}),
        evidence=row.get("evidence"),
        version=int(row.get("version") or 1),
        withdrawn=bool(row.get("withdrawn")),
        withdrawn_reason=row.get("withdrawn_reason"),
    )


def communication_needs(family: Sequence[FamilyMember]) -> tuple[str, ...]:
    """Plain sentences about how to communicate with the family, most important first."""
    needs = []
    for member in family:
        relationship = labels.RELATIONSHIP_LABELS.get(member.relationship, member.relationship)
        who = f"{member.name} ({relationship})"
        language = member.language or "their language"
        if member.independent_interpreter:
            needs.append(f"{who}: independent interpreter needed for {language}")
        elif member.interpreter_needed:
            needs.append(f"{who}: interpreter needed for {language}")
        if member.easy_read:
            needs.append(f"{who}: send letters in easy-read")
        if member.large_print:
            needs.append(f"{who}: send letters in large print")
    return tuple(needs)


def _flags(data: Mapping[str, Any], events: Sequence[CaseEvent]) -> tuple[str, ...]:
    flags = []
    if data.get("looked_after"):
        authority = data.get("placing_authority")
        flags.append("Looked after" + (f" (placed by {authority})" if authority else ""))
    if data.get("stage") == "appeal" or any(
        e.type in caseload_service.TRIBUNAL_EVENTS for e in events
    ):
        flags.append("Tribunal")
    if data.get("year_group") in (6, 11) and data.get("stage") in caseload_service.PLAN_STAGES:
        flags.append("Phase transfer year")
    return tuple(flags)


def build_child_detail(data: Mapping[str, Any], upcoming: NextDeadline | None) -> ChildDetail:
    """The read model of services.children.child_detail's plain data."""
    child_id = _id(data["id"])
    family = tuple(_member(row) for row in data["family"])
    placements = tuple(_placement(row) for row in data["settings"])
    allocations = tuple(_allocation(row) for row in data["allocations"])
    events = tuple(_event(row) for row in data["events"])
    names = {child_id: f"{data['first_name']} {data['last_name']}"}
    names.update({member.id: member.name for member in family})
    names.update({placement.id: placement.setting.name for placement in placements})
    names.update({item.id: f"{item.caseworker} ({item.team})" for item in allocations})
    names.update({event.id: labels.event_title(event) for event in events})
    history = tuple(
        HistoryEntry(
            at=datetime.fromisoformat(entry["at"]).astimezone(LONDON),
            by=entry["by"],
            description=describe(entry, {key.hex: name for key, name in names.items()}),
        )
        for entry in reversed(data["history"])  # newest first
    )
    current = next((p.setting for p in placements if p.current), None)
    return ChildDetail(
        id=child_id,
        first_name=data["first_name"],
        last_name=data["last_name"],
        preferred_name=data.get("preferred_name"),
        date_of_birth=_as_date(data["date_of_birth"]),
        sex=data.get("sex") or "U",
        upn=data.get("upn"),
        upn_unknown_reason=data.get("upn_unknown_reason"),
        uln=data.get("uln"),
        ethnicity=data.get("ethnicity"),
        address=data.get("address"),
        postcode=data.get("postcode"),
        home_language=data.get("home_language"),
        nc_year_override=data.get("nc_year_override"),
        looked_after=bool(data.get("looked_after")),
        placing_authority=data.get("placing_authority"),
        primary_need=data.get("primary_need"),
        secondary_need=data.get("secondary_need"),
        stage=data["stage"],
        year_group=data["year_group"],
        current_setting=current,
        caseworker=data.get("caseworker"),
        team=data.get("team"),
        family=family,
        placements=placements,
        allocations=allocations,
        events=events,
        history=history,
        communication_needs=communication_needs(family),
        flags=_flags(data, events),
        next_deadline=upcoming,
    )
