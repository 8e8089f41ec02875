"""Case notes: add, amend (a new version with a reason), list, history, drafts, actions.

A saved version is never changed (the database refuses it too). Saving a note whose
checklist has items not met needs ``accept_failed=True`` -- the caseworker's
confirmation -- and those items are stored with the version.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String, cast, func, or_
from sqlmodel import Session, col, select

from send_desk.domain.children import Allocation, Child
from send_desk.domain.notes import NoteDraft, NoteVersion
from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.ids import uuid7
from send_desk.quality import (
    KIND_LABELS,
    ROLE_LABELS,
    CheckResult,
    NoteFormatError,
    StructuredNote,
    check_note,
    parse_note,
)
from send_desk.quality.note import NOTE_FIELDS, Action, Attendee, Decision, unknown_fields
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.validation import check_plain
from send_desk.timeutil import LONDON, uk_date, utcnow

# A note is a record of a contact, not a place to keep documents: a pasted email of
# several megabytes is refused with this advice (the draft keeps it, nothing is lost).
MAX_BODY_CHARS = 100_000
MAX_FIELD_CHARS = 20_000
MAX_ITEMS = 200
MAX_DRAFT_CHARS = 20_000_000


class ChecklistNotMet(Refused):
    """The note has checklist items not met and saving them was not confirmed."""

    def __init__(self, result: CheckResult) -> None:
        failed = result.failed
        names = ", ".join(item.label or item.id for item in failed)
        super().__init__(
            f"{len(failed)} checklist item{'s' if len(failed) != 1 else ''} not met: {names}. "
            "Add what is missing, or confirm saving the note as it is."
        )
        self.result = result


def _now_london() -> datetime:
    return datetime.now(LONDON).replace(tzinfo=None, second=0, microsecond=0)


def _long(label: str, text: str, limit: int) -> str | None:
    if len(text) <= limit:
        return None
    return (
        f"{label} is {len(text):,} characters long; a note holds at most {limit:,}. "
        "Keep a long document (such as a pasted email) as a document on the case and "
        "summarise it here; your draft keeps the text."
    )


def prepare(
    data: Mapping[str, Any], *, now: datetime | None = None
) -> tuple[StructuredNote, CheckResult]:
    """Validate a note document for saving; a missing write-up time is now."""
    try:
        note = parse_note(data)
    except NoteFormatError as error:
        raise ValidationFailed(str(error), {error.item or "note": error.message}) from None
    now = now or _now_london()
    if note.recorded_at is None:
        note.recorded_at = now
    problems: dict[str, str] = {}
    for name in ("occurred_at", "recorded_at"):
        value: datetime | None = getattr(note, name)
        if value is not None and value > now + timedelta(minutes=5):
            problems[name] = (
                f"{value:%d/%m/%Y %H:%M} is in the future: a note records what has happened"
            )
        if value is not None and value.year < 1990:
            problems[name] = f"{value:%d/%m/%Y} is too long ago to be right"
    body_problem = _long("The note", note.body, MAX_BODY_CHARS)
    if body_problem:
        problems["body"] = body_problem
    for name in ("purpose", "child_voice", "child_voice_not_obtained_reason", "parent_views",
                 "reason_no_family"):  # fmt: skip
        problem = _long(name.replace("_", " ").capitalize(), getattr(note, name), MAX_FIELD_CHARS)
        if problem:
            problems[name] = problem
    for name in ("attendees", "decisions", "actions"):
        if len(getattr(note, name)) > MAX_ITEMS:
            problems[name] = f"at most {MAX_ITEMS} {name} in one note"
    if problems:
        raise ValidationFailed("; ".join(problems.values()), problems)
    return note, check_note(note)


def _row(
    note: StructuredNote, result: CheckResult, child_id: uuid.UUID, author: uuid.UUID | None
) -> dict[str, Any]:
    failed = [{"id": item.id, "message": item.message} for item in result.failed]
    return {
        "child_id": child_id,
        "author_id": author,
        "kind": note.kind,
        "occurred_at": note.occurred_at,
        "recorded_at": note.recorded_at,
        "purpose": note.purpose,
        "body": note.body,
        "child_voice": note.child_voice,
        "child_voice_not_obtained_reason": note.child_voice_not_obtained_reason,
        "parent_views": note.parent_views,
        "reason_no_family": note.reason_no_family,
        "attendees": [vars(a).copy() for a in note.attendees],
        "decisions": [vars(d).copy() for d in note.decisions],
        "actions": [
            {"what": a.what, "owner": a.owner, "due": a.due.isoformat() if a.due else None}
            for a in note.actions
        ],
        "failed_items": failed,
        "checklist_passed": result.passed,
        "checklist_applicable": result.applicable,
    }


def _author(session: Session) -> uuid.UUID | None:
    actor = session.info.get("actor")
    return getattr(actor, "user_id", None)


def _saved(version: NoteVersion, result: CheckResult, ignored: list[str]) -> dict[str, Any]:
    return {
        "note_id": str(version.note_id),
        "version_id": str(version.id),
        "version": version.version,
        "child_id": str(version.child_id),
        "checklist": result.to_json(),
        "failed_items": list(version.failed_items),
        "ignored_fields": ignored,
    }


def _confirm(result: CheckResult, accept_failed: bool) -> None:
    if result.failed and not accept_failed:
        raise ChecklistNotMet(result)


def add_note(
    session: Session,
    child_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    accept_failed: bool = False,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Save a new note (version 1). Returns ids, the checklist and the failed items."""
    get_child(session, child_id)
    note, result = prepare(data, now=now)
    _confirm(result, accept_failed)
    note_id = uuid7()
    version = NoteVersion(
        id=note_id, note_id=note_id, version=1, **_row(note, result, child_id, _author(session))
    )
    check_plain(version)
    session.add(version)
    session.flush()
    return _saved(version, result, unknown_fields(data))


def _current_versions(session: Session, note_id: uuid.UUID) -> list[NoteVersion]:
    return list(
        session.scalars(
            select(NoteVersion)
            .where(NoteVersion.note_id == note_id)
            .order_by(col(NoteVersion.version), col(NoteVersion.created_at), col(NoteVersion.id))
        ).all()
    )


def amend_note(
    session: Session,
    note_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    reason: str,
    accept_failed: bool = False,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Save a new version of a note, superseding its latest version, with a reason."""
    versions = _current_versions(session, note_id)
    if not versions:
        raise NotFound(f"no note with id {note_id} in this store")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationFailed(
            "Say why the note is being amended", {"amendment_reason": "is needed"}
        )
    if len(reason) > 2000:
        raise ValidationFailed("The reason is too long (at most 2,000 characters)")
    latest = versions[-1]
    note, result = prepare(data, now=now)
    _confirm(result, accept_failed)
    row = _row(note, result, latest.child_id, _author(session))
    if all(row[key] == getattr(latest, key) for key in row if key not in (
        "author_id", "recorded_at", "failed_items", "checklist_passed", "checklist_applicable"
    )):  # fmt: skip
        raise Refused("nothing has changed: the amendment is the same as the saved note")
    version = NoteVersion(
        note_id=note_id,
        version=latest.version + 1,
        supersedes_id=latest.id,
        amendment_reason=reason,
        **row,
    )
    check_plain(version)
    session.add(version)
    session.flush()
    return _saved(version, result, unknown_fields(data))


def resolve_note_id(session: Session, text: str) -> uuid.UUID:
    """A note's id from its full form or a unique start or end of 8+ hex characters."""
    key = text.strip().lower()
    try:
        note_id = uuid.UUID(key)
    except ValueError:
        note_id = None
    if note_id is not None:
        found = session.scalar(select(NoteVersion.note_id).where(NoteVersion.note_id == note_id))
        if found is None:
            found = session.scalar(select(NoteVersion.note_id).where(NoteVersion.id == note_id))
        if found is None:
            raise NotFound(f"no note with id {text} in this store")
        return found
    compact = key.replace("-", "")
    if len(compact) >= 8 and all(ch in "0123456789abcdef" for ch in compact):
        hex_id = func.lower(cast(NoteVersion.note_id, String))
        ids = session.scalars(
            select(NoteVersion.note_id)
            .where(or_(hex_id.like(f"{compact}%"), hex_id.like(f"%{compact}")))
            .distinct()
            .limit(2)
        ).all()
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise Refused(f"'{text}' matches more than one note: give more of the id")
    raise NotFound(f"no note with id '{text}' in this store")


def structured(version: NoteVersion) -> StructuredNote:
    """A saved version as the standard's structured note."""
    return StructuredNote(
        kind=version.kind,
        occurred_at=version.occurred_at,
        recorded_at=version.recorded_at,
        attendees=[Attendee(**a) for a in version.attendees],
        purpose=version.purpose,
        body=version.body,
        child_voice=version.child_voice,
        child_voice_not_obtained_reason=version.child_voice_not_obtained_reason,
        parent_views=version.parent_views,
        reason_no_family=version.reason_no_family,
        decisions=[Decision(**d) for d in version.decisions],
        actions=[
            Action(
                a.get("what", ""),
                a.get("owner", ""),
                date.fromisoformat(a["due"]) if a.get("due") else None,
            )
            for a in version.actions
        ],
    )


def _when_label(value: datetime | None) -> str:
    return f"{value:%d/%m/%Y %H:%M}" if value else "time not given"


def _summary(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _names(session: Session, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.exec(select(User.id, User.display_name).where(col(User.id).in_(wanted)))
    return {row[0]: row[1] for row in rows}


def _version_data(version: NoteVersion, names: Mapping[uuid.UUID, str]) -> dict[str, Any]:
    note = structured(version)
    saved = version.created_at
    return {
        "note_id": str(version.note_id),
        "version_id": str(version.id),
        "version": version.version,
        "child_id": str(version.child_id),
        "supersedes_id": str(version.supersedes_id) if version.supersedes_id else None,
        "superseded": version.superseded,
        "kind": version.kind,
        "kind_label": KIND_LABELS.get(version.kind, version.kind),
        "occurred_at": note.to_json()["occurred_at"],
        "occurred_label": _when_label(version.occurred_at),
        "recorded_label": _when_label(version.recorded_at),
        "saved_at": saved.isoformat() if saved else None,
        "saved_label": f"{saved.astimezone(LONDON):%d/%m/%Y %H:%M}" if saved else "",
        "author": names.get(version.author_id) if version.author_id else None,
        "author_id": str(version.author_id) if version.author_id else None,
        "amendment_reason": version.amendment_reason,
        "failed_items": list(version.failed_items),
        "checklist_passed": version.checklist_passed,
        "checklist_applicable": version.checklist_applicable,
        "checklist_label": f"{version.checklist_passed}/{version.checklist_applicable}",
        "summary": _summary(version.purpose or version.body),
        "attendees_label": ", ".join(
            f"{a.get('name') or '?'} ({ROLE_LABELS.get(a.get('role', ''), a.get('role', ''))})"
            for a in version.attendees
        ),
        "note": note.to_json(),
    }


def note_history(session: Session, note_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every version of a note, oldest first, each saying which fields it changed."""
    versions = _current_versions(session, note_id)
    if not versions:
        raise NotFound(f"no note with id {note_id} in this store")
    names = _names(session, {v.author_id for v in versions})
    out = []
    by_id = {v.id: v for v in versions}
    for version in versions:
        data = _version_data(version, names)
        before = by_id.get(version.supersedes_id) if version.supersedes_id else None
        if before is not None:
            old, new = structured(before).to_json(), data["note"]
            data["changed"] = [key for key in new if new[key] != old.get(key)]
        else:
            data["changed"] = []
        out.append(data)
    return out


def get_version(session: Session, version_id: uuid.UUID) -> dict[str, Any]:
    version = session.get(NoteVersion, version_id)
    if version is None:
        raise NotFound(f"no note version with id {version_id} in this store")
    return _version_data(version, _names(session, {version.author_id}))


def list_notes(
    session: Session, child_id: uuid.UUID, *, include_superseded: bool = False
) -> list[dict[str, Any]]:
    """A child's notes (their current versions), most recent first."""
    get_child(session, child_id)
    query = select(NoteVersion).where(NoteVersion.child_id == child_id)
    if not include_superseded:
        query = query.where(col(NoteVersion.superseded).is_(False))
    versions = session.scalars(
        query.order_by(col(NoteVersion.occurred_at).desc(), col(NoteVersion.created_at).desc())
    ).all()
    names = _names(session, {v.author_id for v in versions})
    counts = dict(
        session.exec(
            select(NoteVersion.note_id, func.count())
            .where(NoteVersion.child_id == child_id)
            .group_by(col(NoteVersion.note_id))
        ).all()
    )
    rows = []
    for version in versions:
        data = _version_data(version, names)
        data["versions"] = counts.get(version.note_id, 1)
        rows.append(data)
    return rows


def note_summaries(session: Session, child_id: uuid.UUID) -> list[dict[str, Any]]:
    """A short list of a child's notes for `send-desk child show`."""
    return [
        {
            key: row[key]
            for key in (
                "note_id",
                "version",
                "versions",
                "kind",
                "occurred_at",
                "author",
                "summary",
                "checklist_passed",
                "checklist_applicable",
                "failed_items",
            )
        }
        for row in list_notes(session, child_id)
    ]


# ------------------------------------------------------------------ actions


def actions_due(
    session: Session,
    *,
    until: date,
    caseworker_id: uuid.UUID | None = None,
    child_ids: list[uuid.UUID] | None = None,
    today: date,
    since: date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Actions in current note versions due on or before ``until``, soonest first.

    For a caseworker: actions on the children allocated to them now. Each row has the
    child, the action, its owner and due date, how many days are left (negative when
    overdue) and the note it came from.
    """
    version = table_of(NoteVersion)
    items = sa.func.json_each(version.c.actions).table_valued("value").alias("item")
    due = sa.func.json_extract(items.c.value, "$.due")
    query = (
        sa.select(
            version.c.id,
            version.c.note_id,
            version.c.child_id,
            version.c.kind,
            version.c.occurred_at,
            sa.func.json_extract(items.c.value, "$.what").label("what"),
            sa.func.json_extract(items.c.value, "$.owner").label("owner"),
            due.label("due"),
            col(Child.first_name),
            col(Child.last_name),
        )
        .select_from(version)
        .join(items, sa.true())
        .join(Child, col(Child.id) == version.c.child_id)
        .where(version.c.superseded.is_(False), due.is_not(None), due <= until.isoformat())
        .order_by(due, col(Child.last_name))
    )
    if caseworker_id is not None:
        current = sa.select(col(Allocation.child_id)).where(
            col(Allocation.caseworker_id) == caseworker_id, col(Allocation.end_date).is_(None)
        )
        query = query.where(version.c.child_id.in_(current))
    if child_ids is not None:
        query = query.where(version.c.child_id.in_(child_ids))
    if since is not None:
        query = query.where(due >= since.isoformat())
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for row in session.execute(query):
        try:
            when = date.fromisoformat(row.due)
        except (TypeError, ValueError):
            continue
        rows.append(
            {
                "child_id": str(row.child_id),
                "child_name": f"{row.first_name} {row.last_name}",
                "what": row.what or "",
                "owner": row.owner or "",
                "due": when.isoformat(),
                "due_label": uk_date(when),
                "days_left": (when - today).days,
                "status": "overdue" if when < today else ("due_today" if when == today else "due"),
                "note_id": str(row.note_id),
                "version_id": str(row.id),
                "note_kind": KIND_LABELS.get(row.kind, row.kind),
                "note_date": uk_date(row.occurred_at.date()) if row.occurred_at else "",
            }
        )
    return rows


# ------------------------------------------------------------------- drafts


def save_draft(
    session: Session,
    *,
    child_id: uuid.UUID,
    content: Mapping[str, Any],
    draft_id: uuid.UUID | None = None,
    note_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Keep what is being typed (any state, even invalid), inside the encrypted store."""
    text = json.dumps(dict(content), ensure_ascii=False)
    if len(text) > MAX_DRAFT_CHARS:
        raise ValidationFailed(
            f"The draft is {len(text):,} characters long; at most {MAX_DRAFT_CHARS:,} can be kept"
        )
    draft = session.get(NoteDraft, draft_id) if draft_id else None
    if draft is None:
        draft = NoteDraft(
            id=draft_id or uuid7(),
            child_id=child_id,
            note_id=note_id,
            user_id=_author(session),
            content=text,
            updated_at=utcnow(),
        )
        session.add(draft)
    else:
        draft.content = text
        draft.updated_at = utcnow()
    session.flush()
    return draft.id


def _draft_data(draft: NoteDraft) -> dict[str, Any]:
    try:
        content = json.loads(draft.content)
    except json.JSONDecodeError:
        content = {"body": draft.content}
    return {
        "draft_id": str(draft.id),
        "child_id": str(draft.child_id),
        "note_id": str(draft.note_id) if draft.note_id else None,
        "updated_at": draft.updated_at.isoformat(),
        "updated_label": f"{draft.updated_at.astimezone(LONDON):%d/%m/%Y %H:%M}",
        "content": content,
    }


def list_drafts(session: Session, child_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
    """Drafts left unsaved (for example by a crash), newest first."""
    query = select(NoteDraft)
    if child_id is not None:
        query = query.where(NoteDraft.child_id == child_id)
    drafts = session.scalars(query.order_by(col(NoteDraft.updated_at).desc())).all()
    return [_draft_data(draft) for draft in drafts]


def discard_draft(session: Session, draft_id: uuid.UUID) -> None:
    draft = session.get(NoteDraft, draft_id)
    if draft is not None:
        session.delete(draft)
        session.flush()


def check_imported_version(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    """A note version row from an export, checked as a note (for `send-desk import`)."""
    content: dict[str, Any] = {key: data.get(key) for key in NOTE_FIELDS}
    for key in ("occurred_at", "recorded_at"):
        value = content[key]
        if isinstance(value, str):
            content[key] = value.replace(" ", "T")
    try:
        note = parse_note(content)
    except NoteFormatError as error:
        raise ValidationFailed(f"{where}: {error}") from None
    row = _row(note, check_note(note), _id(data.get("child_id"), where, "child_id"), None)
    for key in ("failed_items", "checklist_passed", "checklist_applicable"):
        if key in data:
            row[key] = data[key]  # as they were when the caseworker saved it
    row["author_id"] = _id(data["author_id"], where, "author_id") if data.get("author_id") else None
    row["note_id"] = _id(data.get("note_id"), where, "note_id")
    supersedes = data.get("supersedes_id")
    row["supersedes_id"] = _id(supersedes, where, "supersedes_id") if supersedes else None
    try:
        row["version"] = int(data.get("version") or 1)
    except (TypeError, ValueError):
        raise ValidationFailed(
            f"{where}: version '{data.get('version')}' is not a number"
        ) from None
    row["amendment_reason"] = data.get("amendment_reason")
    row["superseded"] = False  # kept by the database as versions arrive
    return row


def _id(value: Any, where: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"{where}: {name} '{value}' is not an id") from None
