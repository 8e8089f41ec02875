"""The caseload and child record as plain dicts, for the callers not yet on the typed
contract (the letter composer, the correspondence dialogs, supervision's trends and
their tests). Each method goes through ``backend.caseload``, except ``child_detail`` and
``caseload_options`` whose dict shapes those callers read key by key.

Delete this module once nothing calls ``backend.child_detail`` & co. directly: new code
uses ``backend.caseload`` (:class:`~send_desk.backend.caseload_api.CaseloadApi`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from send_desk.backend import labels
from send_desk.backend.access import StoreAccess, record_id
from send_desk.backend.caseload_api import CaseloadApi, build_child_detail
from send_desk.backend.caseload_models import (
    ChildChanges,
    NewChild,
    NewFamilyMember,
)
from send_desk.backend.record_history import describe
from send_desk.backend.user_models import Me
from send_desk.services import caseload as caseload_service
from send_desk.services import children as children_service
from send_desk.services.caseload import CaseloadQuery
from send_desk.timeutil import LONDON


def _known(kind: type[Any], data: Mapping[str, Any]) -> dict[str, Any]:
    names = {field.name for field in fields(kind)}
    unknown = set(data) - names
    if unknown:
        raise TypeError(f"not a field: {', '.join(sorted(unknown))}")
    return dict(data)


class CaseloadDictsMixin:
    """``backend.child_detail(...)`` & co. returning the dicts of before issue 17."""

    caseload: CaseloadApi
    _access: StoreAccess

    if TYPE_CHECKING:

        def me(self) -> Me | None: ...

    def caseload_ids(
        self, query: CaseloadQuery | None = None, *, overdue: bool = False
    ) -> list[str]:
        return [child.hex for child in self.caseload.caseload_ids(query, overdue=overdue)]

    def saved_filter(self, name: str) -> CaseloadQuery:
        me = self.me()
        return self.caseload.saved_filter(
            name, caseworker_id=me.id if me else None, team_id=me.team_id if me else None
        )

    def caseload_options(self) -> dict[str, Any]:
        with self._access.read() as session:
            return caseload_service.caseload_options(session)

    def child_detail(self, child_id: str) -> dict[str, Any]:
        with self._access.read() as session:
            data = children_service.child_detail(
                session, record_id(child_id), today=self._access.today()
            )
        typed = build_child_detail(data, None)  # before _decorate changes data
        detail = _decorate(data)
        detail["communication_needs"] = list(typed.communication_needs)
        detail["flags"] = list(typed.flags)
        return detail

    def create_child(self, data: Mapping[str, Any]) -> str:
        return self.caseload.create_child(NewChild(**_known(NewChild, data))).hex

    def update_child(self, child_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        typed = ChildChanges(**_known(ChildChanges, changes))
        return dict(self.caseload.update_child(record_id(child_id), typed))

    def add_family_member(self, child_id: str, data: Mapping[str, Any]) -> str:
        member = NewFamilyMember(**_known(NewFamilyMember, data))
        return self.caseload.add_family_member(record_id(child_id), member).hex


def _decorate(data: dict[str, Any]) -> dict[str, Any]:
    """Add the labels the record shows next to stored codes."""
    data["id"] = uuid.UUID(str(data["id"])).hex
    data["date_of_birth"] = _as_date(data.get("date_of_birth"))
    data["primary_need_label"] = labels.need_label(data.get("primary_need"))
    data["secondary_need_label"] = labels.need_label(data.get("secondary_need"))
    data["sex_label"] = labels.SEX_LABELS.get(data.get("sex") or "U", "")
    for member in data["family"]:
        member["id"] = uuid.UUID(str(member["id"])).hex
        member["relationship_label"] = labels.RELATIONSHIP_LABELS.get(
            member["relationship"], member["relationship"]
        )
        member["preferred_contact_label"] = labels.CONTACT_LABELS.get(
            member["preferred_contact"], member["preferred_contact"]
        )
    for placement in data["settings"]:
        placement["start_date"] = _as_date(placement["start_date"])
        placement["end_date"] = _as_date(placement["end_date"])
        setting = placement["setting"]
        setting["phase_label"] = labels.PHASE_LABELS.get(setting["phase"], setting["phase"])
    for item in data["allocations"]:
        item["start_date"] = _as_date(item["start_date"])
        item["end_date"] = _as_date(item["end_date"])
    for event in data["events"]:
        event["date"] = _as_date(event["date"])
        event["label"] = labels.event_label(event["type"])
        if event.get("withdrawn"):
            event["label"] += f" — withdrawn: {event.get('withdrawn_reason') or 'no reason'}"
        elif event.get("version", 1) > 1:
            event["label"] += f" (corrected, version {event['version']})"
        event["details_text"] = _details_text(event.get("details") or {})
    names = _row_names(data)
    for entry in data["history"]:
        entry["at"] = datetime.fromisoformat(entry["at"]).astimezone(LONDON)
        entry["description"] = describe(entry, names)
    data["history"].reverse()  # newest first
    return data


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _details_text(details: Mapping[str, Any]) -> str:
    parts = []
    for key, value in details.items():
        text = str(value).replace("_", " ")
        if key.endswith("date"):
            with suppress(ValueError):
                text = date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        parts.append(f"{key.replace('_', ' ').capitalize()}: {text}")
    return "; ".join(parts)


def _row_names(data: Mapping[str, Any]) -> dict[str, str]:
    names = {uuid.UUID(data["id"]).hex: f"{data['first_name']} {data['last_name']}"}
    for member in data["family"]:
        names[member["id"]] = member["name"]
    for placement in data["settings"]:
        names[uuid.UUID(str(placement["id"])).hex] = placement["setting"]["name"]
    for item in data["allocations"]:
        names[uuid.UUID(str(item["id"])).hex] = f"{item['caseworker']} ({item['team']})"
    for event in data["events"]:
        names[uuid.UUID(str(event["id"])).hex] = event["label"]
    return names
