"""The correspondence log: logging items with the response due date of the service
standard for their channel, answering them, and reading them back.

An incoming item that needs a response is *open* until it is answered by a case note,
a saved letter, or a call, email or portal message back (logged as an outgoing item
that names the item it answers). Its status is worked out when it is read: answered
in time or late, overdue, due today, open.

Bad input is refused with a caseworker's message: the same item logged twice (the same
reference, or the same channel, day, sender and summary), a response dated before the
item arrived, a note or letter that belongs to another child.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from send_desk.domain.children import Allocation, Child
from send_desk.domain.correspondence import (
    CHANNEL_LABELS,
    DIRECTION_LABELS,
    RESPONSE_KINDS,
    RESPONSE_LABELS,
    CorrespondenceItem,
    CorrespondenceItemCreate,
)
from send_desk.domain.letters import LetterVersion
from send_desk.domain.notes import NoteVersion
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.standards import Standards, StandardsError
from send_desk.services.validation import validate
from send_desk.timeutil import uk_date

_CI, _CH, _AL, _US, _TM = (
    table_of(model) for model in (CorrespondenceItem, Child, Allocation, User, Team)
)

OVERDUE, DUE_TODAY, OPEN, ANSWERED, ANSWERED_LATE, LOGGED = (
    "overdue",
    "due_today",
    "open",
    "answered",
    "answered_late",
    "logged",
)
STATUS_LABELS = {
    OVERDUE: "Overdue",
    DUE_TODAY: "Due today",
    OPEN: "Awaiting response",
    ANSWERED: "Answered in time",
    ANSWERED_LATE: "Answered late",
    LOGGED: "Logged",
}


class Duplicate(Refused):
    """The item looks like one already in the log. ``existing`` is that item;
    ``can_override`` is false when it is certainly the same (the same reference)."""

    def __init__(self, message: str, existing: dict[str, Any], *, can_override: bool) -> None:
        super().__init__(message)
        self.existing = existing
        self.can_override = can_override


def _normal(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def status_of(needs_response: bool, due: date | None, responded: date | None, today: date) -> str:
    if not needs_response:
        return LOGGED
    if responded is not None:
        return ANSWERED if due is None or responded <= due else ANSWERED_LATE
    if due is None:
        return OPEN
    if due < today:
        return OVERDUE
    return DUE_TODAY if due == today else OPEN


def current_holder(
    session: Session, child_id: uuid.UUID
) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(caseworker id, team id) of the child's current allocation, or (None, None)."""
    row = session.execute(
        sa.select(_AL.c.caseworker_id, _AL.c.team_id)
        .where(_AL.c.child_id == child_id, _AL.c.end_date.is_(None))
        .order_by(_AL.c.start_date.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else (None, None)


# ---------------------------------------------------------------- writing


def log_item(
    session: Session,
    child_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    today: date,
    standards: Standards,
    allow_duplicate: bool = False,
) -> dict[str, Any]:
    """Log an item on the child's record; returns it as :func:`item_json` does.

    ``data``: direction (default incoming), channel, contact_date, correspondent,
    summary, reference, needs_response (default: true for incoming). The response due
    date comes from the standard for the channel. Raises :class:`Duplicate` when it is
    already logged (``allow_duplicate`` logs a look-alike anyway, never the same
    reference twice), ValidationFailed or NotFound.
    """
    get_child(session, child_id)
    values = dict(data)
    values["child_id"] = child_id
    direction = values.get("direction") or "incoming"
    values["direction"] = direction
    values.setdefault("needs_response", direction == "incoming")
    for name in ("response_due", "responded_on", "response_kind", "response_ref"):
        if values.get(name) is not None:
            raise ValidationFailed(
                f"{name.replace('_', ' ')} is set by SEND Desk: log the item, then record "
                "its response",
                {name: "is set by SEND Desk"},
            )
    checked = validate(CorrespondenceItemCreate, values, today)
    if checked.needs_response:
        try:
            checked.response_due = standards.response_due(checked.channel, checked.contact_date)
        except StandardsError as error:
            raise ValidationFailed(str(error), {"channel": str(error)}) from None
    _check_duplicate(session, checked, allow_duplicate)
    row = CorrespondenceItem.model_validate(checked)
    session.add(row)
    session.flush()
    return item_json(row, today)


def _check_duplicate(
    session: Session, item: CorrespondenceItemCreate, allow_duplicate: bool
) -> None:
    same_child = sa.select(CorrespondenceItem).where(
        col(CorrespondenceItem.child_id) == item.child_id,
        col(CorrespondenceItem.channel) == item.channel,
        col(CorrespondenceItem.direction) == item.direction,
    )
    what = CHANNEL_LABELS.get(item.channel, item.channel).lower()
    if item.reference:
        for existing in session.scalars(
            same_child.where(col(CorrespondenceItem.reference).is_not(None))
        ):
            if _normal(existing.reference) == _normal(item.reference):
                raise Duplicate(
                    f"This {what} is already in the log: {_describe(existing)}. It has the "
                    f"same reference ({existing.reference}), so it is the same {what}; "
                    "nothing was added.",
                    item_json(existing, existing.contact_date),
                    can_override=False,
                )
    if allow_duplicate:
        return
    for existing in session.scalars(
        same_child.where(col(CorrespondenceItem.contact_date) == item.contact_date)
    ):
        if _normal(existing.correspondent) == _normal(item.correspondent) and _normal(
            existing.summary
        ) == _normal(item.summary):
            raise Duplicate(
                f"This {what} looks like one already in the log: {_describe(existing)}. "
                "If it really is a second one, log it again and confirm.",
                item_json(existing, existing.contact_date),
                can_override=True,
            )


def _describe(item: CorrespondenceItem) -> str:
    verb = "from" if item.direction == "incoming" else "to"
    summary = item.summary if len(item.summary) <= 60 else item.summary[:57] + "…"
    return f"{uk_date(item.contact_date)} {verb} {item.correspondent}, “{summary}”"


def get_item(session: Session, item_id: uuid.UUID) -> CorrespondenceItem:
    item = session.get(CorrespondenceItem, item_id)
    if item is None:
        raise NotFound(f"no correspondence item with id {item_id} in this store")
    return item


@dataclass(frozen=True)
class Response:
    kind: str
    on: date | None = None
    summary: str | None = None
    ref_id: uuid.UUID | None = None  # the note or letter (kind note / letter)
    correspondent: str | None = None  # who the call, email or portal message went to


def respond(
    session: Session,
    item_id: uuid.UUID,
    response: Response,
    *,
    today: date,
) -> dict[str, Any]:
    """Close an incoming item with its response; returns the item.

    - ``note``: a case note of the same child (its id or any version's); the response
      date is the day the note says it happened unless ``on`` is given.
    - ``letter``: a letter saved to the same child's record; the date is the day it was
      sent, else its date.
    - ``call``, ``email``, ``portal``: the reply itself is logged as an outgoing item on
      the same record (``on`` is needed) and named as the response.

    A response dated before the item arrived, or in the future, is refused.
    """
    item = get_item(session, item_id)
    if item.direction != "incoming" or not item.needs_response:
        raise Refused("this item needs no response: it was sent by us, or logged as needing none")
    if item.responded_on is not None:
        raise Refused(
            f"this item was already answered on {uk_date(item.responded_on)} "
            f"({RESPONSE_LABELS.get(item.response_kind or '', item.response_kind)})"
        )
    if response.kind not in RESPONSE_KINDS:
        raise ValidationFailed(
            f"'{response.kind}' is not a kind of response (one of {', '.join(RESPONSE_KINDS)})",
            {"kind": "choose a note, letter, call, email or portal message"},
        )
    on = response.on
    ref: uuid.UUID | None = None
    summary = (response.summary or "").strip() or None
    if response.kind == "note":
        note = _note(session, item.child_id, response.ref_id)
        ref = note.note_id
        on = on or (note.occurred_at.date() if note.occurred_at else None)
        summary = summary or (note.purpose or note.body)[:300] or None
    elif response.kind == "letter":
        letter = _letter(session, item.child_id, response.ref_id)
        ref = letter.letter_id
        on = on or letter.sent_on or letter.letter_date
        summary = summary or letter.title
    _check_response_date(item, on, today)
    assert on is not None
    if response.kind in ("call", "email", "portal"):
        if not summary:
            raise ValidationFailed(
                "say in a sentence what the reply said", {"summary": "is needed"}
            )
        reply = CorrespondenceItem.model_validate(
            validate(
                CorrespondenceItemCreate,
                {
                    "child_id": item.child_id,
                    "direction": "outgoing",
                    "channel": response.kind,
                    "contact_date": on,
                    "correspondent": response.correspondent or item.correspondent,
                    "summary": summary,
                    "needs_response": False,
                    "in_reply_to": item.id,
                },
                today,
            )
        )
        session.add(reply)
        session.flush()
        ref = reply.id
    close(session, item, response.kind, on, ref, summary, today)
    return item_json(item, today)


def close(
    session: Session,
    item: CorrespondenceItem,
    kind: str,
    on: date,
    ref: uuid.UUID | None,
    summary: str | None,
    today: date,
) -> None:
    """Record the response on the item (checked as the whole record would be)."""
    _check_response_date(item, on, today)
    values = {name: getattr(item, name) for name in CorrespondenceItemCreate.model_fields}
    values.update(responded_on=on, response_kind=kind, response_ref=ref, response_summary=summary)
    checked = validate(CorrespondenceItemCreate, values, today)
    for name in ("responded_on", "response_kind", "response_ref", "response_summary"):
        setattr(item, name, getattr(checked, name))
    session.flush()


def _check_response_date(item: CorrespondenceItem, on: date | None, today: date) -> None:
    if on is None:
        raise ValidationFailed("the date of the response is needed", {"on": "is needed"})
    if on < item.contact_date:
        raise ValidationFailed(
            f"a response cannot come before the item arrived: the response is dated "
            f"{uk_date(on)}, the item arrived on {uk_date(item.contact_date)}",
            {"on": f"is before the item arrived ({uk_date(item.contact_date)})"},
        )
    if on > today:
        raise ValidationFailed(
            f"the response date {uk_date(on)} is in the future: record it once it is sent",
            {"on": "is in the future"},
        )


def _note(session: Session, child_id: uuid.UUID, ref: uuid.UUID | None) -> NoteVersion:
    if ref is None:
        raise ValidationFailed("choose the case note that answered it", {"ref": "is needed"})
    note = session.get(NoteVersion, ref)
    if note is None:
        note = session.scalars(
            sa.select(NoteVersion)
            .where(col(NoteVersion.note_id) == ref)
            .order_by(col(NoteVersion.version).desc())
        ).first()
    if note is None:
        raise NotFound(f"no case note with id {ref} in this store")
    if note.child_id != child_id:
        raise Refused("that case note is on another child's record")
    return note


def _letter(session: Session, child_id: uuid.UUID, ref: uuid.UUID | None) -> LetterVersion:
    if ref is None:
        raise ValidationFailed("choose the letter that answered it", {"ref": "is needed"})
    letter = session.scalars(
        sa.select(LetterVersion)
        .where(sa.or_(col(LetterVersion.letter_id) == ref, col(LetterVersion.id) == ref))
        .order_by(col(LetterVersion.version).desc())
    ).first()
    if letter is None:
        raise NotFound(f"no saved letter with id {ref} in this store")
    if letter.child_id != child_id:
        raise Refused("that letter is on another child's record")
    return letter


# ---------------------------------------------------------------- reading


def item_json(item: CorrespondenceItem, today: date) -> dict[str, Any]:
    status = status_of(item.needs_response, item.response_due, item.responded_on, today)
    return {
        "id": item.id.hex,
        "child_id": item.child_id.hex,
        "direction": item.direction,
        "direction_label": DIRECTION_LABELS[item.direction],
        "channel": item.channel,
        "channel_label": CHANNEL_LABELS.get(item.channel, item.channel),
        "contact_date": item.contact_date,
        "correspondent": item.correspondent,
        "summary": item.summary,
        "reference": item.reference,
        "needs_response": item.needs_response,
        "response_due": item.response_due,
        "responded_on": item.responded_on,
        "response_kind": item.response_kind,
        "response_label": RESPONSE_LABELS.get(item.response_kind or "", ""),
        "response_ref": item.response_ref.hex if item.response_ref else None,
        "response_summary": item.response_summary,
        "in_reply_to": item.in_reply_to.hex if item.in_reply_to else None,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "days_left": (item.response_due - today).days
        if item.response_due and item.responded_on is None
        else None,
        "logged_at": item.created_at,
    }


def child_items(session: Session, child_id: uuid.UUID, *, today: date) -> list[dict[str, Any]]:
    """Every item on a child's record, newest first."""
    get_child(session, child_id)
    rows = session.scalars(
        sa.select(CorrespondenceItem)
        .where(col(CorrespondenceItem.child_id) == child_id)
        .order_by(
            col(CorrespondenceItem.contact_date).desc(), col(CorrespondenceItem.created_at).desc()
        )
    )
    return [item_json(row, today) for row in rows]


@dataclass(frozen=True)
class ItemQuery:
    """Which items the Correspondence page lists.

    ``show``: open (awaiting a response, overdue first), overdue, due_by (open and due
    on or before ``due_by``), answered, all. ``caseworker_id`` / ``team_id``: on the
    children allocated to them now. ``text``: in the sender, summary or child's name.
    """

    show: str = "open"
    caseworker_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    child_id: uuid.UUID | None = None
    text: str = ""
    due_by: date | None = None
    since: date | None = None  # open items due on or after (My day's lookback)
    limit: int | None = None


SHOW = ("open", "overdue", "due_by", "answered", "all")


def _filtered(query: ItemQuery, today: date) -> sa.Select[Any]:
    if query.show not in SHOW:
        raise ValidationFailed(f"'{query.show}' is not one of {', '.join(SHOW)}")
    select = sa.select(_CI.c.id).select_from(_CI.join(_CH, _CH.c.id == _CI.c.child_id))
    open_ = sa.and_(_CI.c.needs_response.is_(True), _CI.c.responded_on.is_(None))
    if query.show == "open":
        select = select.where(open_)
    elif query.show == "overdue":
        select = select.where(open_, _CI.c.response_due < today)
    elif query.show == "due_by":
        select = select.where(open_, _CI.c.response_due <= (query.due_by or today))
    elif query.show == "answered":
        select = select.where(_CI.c.responded_on.is_not(None))
    if query.since is not None:
        select = select.where(_CI.c.response_due >= query.since)
    if query.child_id is not None:
        select = select.where(_CI.c.child_id == query.child_id)
    if query.caseworker_id is not None or query.team_id is not None:
        current = sa.select(_AL.c.child_id).where(_AL.c.end_date.is_(None))
        if query.caseworker_id is not None:
            current = current.where(_AL.c.caseworker_id == query.caseworker_id)
        if query.team_id is not None:
            current = current.where(_AL.c.team_id == query.team_id)
        select = select.where(_CI.c.child_id.in_(current))
    words = query.text.strip().lower().split()
    for word in words:
        like = f"%{word}%"
        select = select.where(
            sa.or_(
                sa.func.lower(_CI.c.correspondent).like(like),
                sa.func.lower(_CI.c.summary).like(like),
                sa.func.lower(_CH.c.first_name).like(like),
                sa.func.lower(_CH.c.last_name).like(like),
            )
        )
    if query.show in ("open", "overdue", "due_by"):
        select = select.order_by(_CI.c.response_due, _CH.c.last_name, _CI.c.contact_date)
    else:
        select = select.order_by(_CI.c.contact_date.desc(), _CH.c.last_name)
    if query.limit is not None:
        select = select.limit(query.limit)
    return select


def item_ids(session: Session, query: ItemQuery, *, today: date) -> list[str]:
    """Ids (hex) of the items the query matches, in its order."""
    return [row[0].hex for row in session.execute(_filtered(query, today))]


def item_rows(session: Session, ids: Sequence[str], *, today: date) -> dict[str, dict[str, Any]]:
    """Display rows for a page of ids (with the child's name and current caseworker)."""
    wanted = [uuid.UUID(value) for value in ids]
    if not wanted:
        return {}
    items = session.scalars(
        sa.select(CorrespondenceItem).where(col(CorrespondenceItem.id).in_(wanted))
    ).all()
    child_ids = {item.child_id for item in items}
    names = {
        row.id: f"{row.first_name} {row.last_name}"
        for row in session.execute(
            sa.select(_CH.c.id, _CH.c.first_name, _CH.c.last_name).where(_CH.c.id.in_(child_ids))
        )
    }
    holders = {
        row.child_id: (row.display_name, row.name)
        for row in session.execute(
            sa.select(_AL.c.child_id, _US.c.display_name, _TM.c.name)
            .join(_US, _US.c.id == _AL.c.caseworker_id)
            .join(_TM, _TM.c.id == _AL.c.team_id)
            .where(_AL.c.child_id.in_(child_ids), _AL.c.end_date.is_(None))
        )
    }
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        row = item_json(item, today)
        row["child_name"] = names.get(item.child_id, "")
        worker, team = holders.get(item.child_id, ("Not allocated", ""))
        row["caseworker"] = worker
        row["team"] = team
        out[row["id"]] = row
    return out


def due_rows(session: Session, query: ItemQuery, *, today: date) -> list[dict[str, Any]]:
    """Open items for My day (``query.show`` = due_by), soonest first: the rows of
    :func:`item_rows` in order."""
    ids = item_ids(session, query, today=today)
    rows = item_rows(session, ids, today=today)
    return [rows[item_id] for item_id in ids if item_id in rows]


__all__ = [
    "SHOW",
    "STATUS_LABELS",
    "Duplicate",
    "ItemQuery",
    "Response",
    "child_items",
    "close",
    "current_holder",
    "due_rows",
    "get_item",
    "item_ids",
    "item_json",
    "item_rows",
    "log_item",
    "respond",
    "status_of",
]
