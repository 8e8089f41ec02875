"""The whole store as one JSON document, and back (subject-access requests, migrations).

Import is all or nothing: every row is checked first, and the first bad row is
named with its reason before anything is written.

The export carries each record's history (the journal) and who made the export. An
import keeps that history as it was and journals each row once more, as imported,
with who imported it and when: the person named (``by``, a user in the export), else
the store's signed-in user, else whoever made the export. Those entries are what sync
sends on; a record's history shows the import once (see
:func:`send_desk.services.children.child_history`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from send_desk import __version__
from send_desk.domain.children import (
    AllocationCreate,
    ChildCreate,
    FamilyMemberCreate,
    PlacementCreate,
)
from send_desk.domain.correspondence import (
    CallbackCreate,
    ComplaintCreate,
    ComplaintStageCreate,
    CorrespondenceItemCreate,
    DutyRotaCreate,
    StaffAbsenceCreate,
)
from send_desk.domain.documents import DocumentBase
from send_desk.domain.event_types import event_type
from send_desk.domain.journal import JournalEntry
from send_desk.domain.organisation import SettingCreate, TeamCreate, UserCreate
from send_desk.domain.stage import derive_stage
from send_desk.domain.tables import (
    JOURNALED,
    AuditResponse,
    LetterVersion,
    NoteAudit,
    NoteSample,
    PlanVersion,
    table_name,
    table_of,
)
from send_desk.security.files import private_opener
from send_desk.services import milestones
from send_desk.services.errors import Refused, ValidationFailed, from_pydantic
from send_desk.storage.journal import Actor, insert_rows, row_values
from send_desk.storage.migrate import head_revision
from send_desk.timeutil import london_today, utcnow

FORMAT = "send-desk-export"
VERSION = 1

_CREATE: dict[str, type[BaseModel]] = {
    "team": TeamCreate,
    "app_user": UserCreate,
    "setting": SettingCreate,
    "child": ChildCreate,
    "family_member": FamilyMemberCreate,
    "placement": PlacementCreate,
    "allocation": AllocationCreate,
    "correspondence_item": CorrespondenceItemCreate,
    "callback": CallbackCreate,
    "complaint": ComplaintCreate,
    "complaint_stage": ComplaintStageCreate,
    "staff_absence": StaffAbsenceCreate,
    "duty_rota": DutyRotaCreate,
    # Append-only records have no Create model: the table model validates them (and its
    # own id and audit columns are left out of what it gives back).
    "letter_version": LetterVersion,
    "note_sample": NoteSample,
    "note_audit": NoteAudit,
    "audit_response": AuditResponse,
    # a document's row; its content is not in the JSON (`send-desk doc export` gives it)
    "document": DocumentBase,
    "plan_version": PlanVersion,
}
# Foreign keys to check before writing: table -> {column: referenced table}
_REFERENCES: dict[str, dict[str, str]] = {
    "app_user": {"team_id": "team"},
    "family_member": {"child_id": "child"},
    "placement": {"child_id": "child", "setting_id": "setting"},
    "allocation": {"child_id": "child", "caseworker_id": "app_user", "team_id": "team"},
    "case_event": {"child_id": "child"},
    "note_version": {"child_id": "child"},
    "correspondence_item": {"child_id": "child"},
    "callback": {"child_id": "child", "caller_id": "app_user", "team_id": "team",
                 "correspondence_id": "correspondence_item"},
    "complaint": {"child_id": "child", "caseworker_id": "app_user", "team_id": "team",
                  "correspondence_id": "correspondence_item"},
    "complaint_stage": {"complaint_id": "complaint", "child_id": "child"},
    "staff_absence": {"user_id": "app_user"},
    "duty_rota": {"team_id": "team", "user_id": "app_user"},
    "letter_version": {"child_id": "child"},
    "note_audit": {"child_id": "child"},
    "audit_response": {"audit_id": "note_audit", "child_id": "child"},
    "document": {"child_id": "child"},
    "plan_version": {"child_id": "child"},
}  # fmt: skip
_AUDIT = ("created_at", "created_by", "updated_at", "updated_by")


def export_store(
    session: Session, store_id: str, exported_by: uuid.UUID | None = None
) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in JOURNALED:
        rows = session.scalars(select(model).order_by(col(model.id))).all()
        tables[table_name(model)] = [row_values(row) for row in rows]
    for row in tables.get("note_version", []):
        # kept by the database's triggers on each store, not part of the record
        row.pop("superseded", None)
        row.pop("search_rowid", None)
    journal = session.scalars(select(JournalEntry).order_by(col(JournalEntry.seq))).all()
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": head_revision(),
        "app_version": __version__,
        "store_id": store_id,
        "exported_at": utcnow().isoformat(),
        "exported_by": str(exported_by) if exported_by else None,
        "tables": tables,
        "journal": [
            {k: v for k, v in row_values(entry).items() if k != "seq"} for entry in journal
        ],
    }


def write_export(data: Mapping[str, Any], path: Path) -> None:
    tmp = path.with_name(path.name + ".partial")
    try:
        # decrypted records: owner-only from the moment the file exists
        with open(tmp, "w", encoding="utf-8", opener=private_opener) as handle:
            json.dump(data, handle, ensure_ascii=False)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def read_export(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ValidationFailed(f"there is no file {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationFailed(f"{path} is not a SEND Desk export (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationFailed(f"{path} is not a SEND Desk export")
    if data.get("version") != VERSION:
        raise ValidationFailed(f"export version {data.get('version')} is not supported")
    if not isinstance(data.get("tables"), dict):
        raise ValidationFailed(f"{path} has no tables")
    return data


def _uuid(value: Any, where: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"{where}: {name} '{value}' is not an id") from None


def _instant(value: Any, where: str, name: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValidationFailed(f"{where}: {name} '{value}' is not a date and time") from None
    if parsed.tzinfo is None:
        raise ValidationFailed(f"{where}: {name} '{value}' has no time zone")
    return parsed


def _check_row(table: str, index: int, raw: Any, today: date) -> dict[str, Any]:
    where = f"{table} row {index + 1}"
    if not isinstance(raw, dict):
        raise ValidationFailed(f"{where}: not an object")
    where += f" (id {raw.get('id')})"
    row: dict[str, Any] = {"id": _uuid(raw.get("id"), where, "id")}
    row["created_at"] = _instant(raw.get("created_at"), where, "created_at")
    row["updated_at"] = _instant(raw.get("updated_at"), where, "updated_at")
    for name in ("created_by", "updated_by"):
        row[name] = _uuid(raw[name], where, name) if raw.get(name) else None
    # the child's stage is derived from its events (worked out again below)
    derived = ("stage",) if table == "child" else ()
    data = {k: v for k, v in raw.items() if k not in ("id", *derived, *_AUDIT)}
    if table == "case_event":
        return {**row, **_check_event(data, where, today)}
    if table == "note_version":
        from send_desk.services.notes import check_imported_version

        return {**row, **check_imported_version(data, where)}
    model = _CREATE[table]
    unknown = sorted(set(data) - set(model.model_fields))
    if unknown:
        raise ValidationFailed(f"{where}: unknown field {', '.join(unknown)}")
    try:
        values = model.model_validate(data, context={"today": today})
    except ValidationError as error:
        raise ValidationFailed(f"{where}: {from_pydantic(error).message}") from None
    return {**row, **{k: v for k, v in dict(values).items() if k not in ("id", *_AUDIT)}}


def _check_event(data: dict[str, Any], where: str, today: date) -> dict[str, Any]:
    try:
        kind = event_type(str(data.get("type")))
        details = kind.parse_details(dict(data.get("details") or {}))
        when = date.fromisoformat(str(data.get("date")))
    except (ValueError, TypeError) as error:
        raise ValidationFailed(f"{where}: {error}") from None
    return {
        "child_id": _uuid(data.get("child_id"), where, "child_id"),
        "type": kind.id,
        "date": when,
        "details": details,
        "evidence": data.get("evidence"),
    }


def _check_journal(raw: Any, index: int) -> dict[str, Any]:
    where = f"journal entry {index + 1}"
    if not isinstance(raw, dict):
        raise ValidationFailed(f"{where}: not an object")
    try:
        return {
            "device_id": _uuid(raw["device_id"], where, "device_id"),
            "device_seq": int(raw["device_seq"]),
            "table_name": str(raw["table_name"]),
            "row_id": _uuid(raw["row_id"], where, "row_id"),
            "op": str(raw["op"]),
            "field": raw.get("field"),
            "old_value": raw.get("old_value"),
            "new_value": raw.get("new_value"),
            "user_id": _uuid(raw["user_id"], where, "user_id") if raw.get("user_id") else None,
            "at": _instant(raw["at"], where, "at"),
        }
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationFailed(f"{where}: missing or bad {error}") from None


def importer(
    users: list[dict[str, Any]], by: str | None, actor: Actor, exported_by: Any
) -> uuid.UUID | None:
    """Who is importing: the user named ``by`` (user name or full name), else the
    store's signed-in user, else whoever made the export; None only when the export
    names no user at all."""
    if by:
        wanted = by.strip().lower()
        for user in users:
            if wanted in (str(user.get("username", "")).lower(),
                          str(user.get("display_name", "")).lower()):  # fmt: skip
                found: uuid.UUID = user["id"]
                return found
        names = ", ".join(sorted(str(u.get("username")) for u in users)) or "none"
        raise ValidationFailed(f"there is no user called '{by}' in the export (users: {names})")
    ids = {user["id"] for user in users}
    if actor.user_id is not None and actor.user_id in ids:
        return actor.user_id
    if exported_by:
        with_id = uuid.UUID(str(exported_by)) if _is_uuid(exported_by) else None
        if with_id in ids:
            return with_id
    if users:
        raise ValidationFailed(
            "say who is importing the records, so that their history names them: "
            "--by USERNAME (a user in the export)"
        )
    return None


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def import_store(
    session: Session, data: Mapping[str, Any], actor: Actor, *, by: str | None = None
) -> tuple[dict[str, int], uuid.UUID | None]:
    """Load an export into an empty store; returns the rows imported per table and the
    user the import is journaled as (see the module docstring)."""
    if any(session.scalar(select(func.count()).select_from(m)) for m in JOURNALED):
        raise Refused("this store is not empty: import into a new store (use a new --data-dir)")
    today = london_today()
    tables = data["tables"]
    unknown = sorted(set(tables) - {table_name(m) for m in JOURNALED})
    if unknown:
        raise ValidationFailed(f"the export has unknown tables: {', '.join(unknown)}")
    checked: dict[str, list[dict[str, Any]]] = {}
    ids: dict[str, set[uuid.UUID]] = {}
    for model in JOURNALED:
        name = table_name(model)
        raw_rows = tables.get(name, [])
        if not isinstance(raw_rows, list):
            raise ValidationFailed(f"{name} is not a list of rows")
        rows = [_check_row(name, i, raw, today) for i, raw in enumerate(raw_rows)]
        ids[name] = {row["id"] for row in rows}
        if len(ids[name]) != len(rows):
            raise ValidationFailed(f"{name}: the same id appears twice")
        for index, row in enumerate(rows):
            for column, target in _REFERENCES.get(name, {}).items():
                if row.get(column) is not None and row[column] not in ids[target]:
                    raise ValidationFailed(
                        f"{name} row {index + 1} (id {row['id']}): {column} {row[column]} "
                        f"is not in the export's {target} rows"
                    )
        checked[name] = rows
    # a version is inserted after the one it supersedes (the search index follows them)
    checked.get("note_version", []).sort(key=lambda row: (row["version"], row["id"]))
    events_by_child: dict[uuid.UUID, list[tuple[str, date, dict[str, Any]]]] = {}
    for event in checked.get("case_event", []):
        events_by_child.setdefault(event["child_id"], []).append(
            (event["type"], event["date"], event["details"])
        )
    for child in checked.get("child", []):
        child["stage"] = derive_stage(events_by_child.get(child["id"], [])).value
    history = [_check_journal(raw, i) for i, raw in enumerate(data.get("journal") or [])]
    who = importer(checked.get("app_user", []), by, actor, data.get("exported_by"))

    for model in JOURNALED:
        rows = checked[table_name(model)]
        insert_rows(session, model, rows, Actor(who, actor.device_id), op="import")
    present = set(
        (row.device_id, row.device_seq)
        for row in session.execute(select(JournalEntry.device_id, JournalEntry.device_seq))
    )
    fresh = [h for h in history if (h["device_id"], h["device_seq"]) not in present]
    if fresh:
        session.execute(insert(table_of(JournalEntry)), fresh)
    # the clock's cache, so the imported store opens ready (in the same transaction)
    milestones.recompute_all(session, today=today)
    counts = {name: len(rows) for name, rows in checked.items()}
    counts["journal"] = len(fresh)
    return counts, who
