"""Letters from the case: which templates a child's case offers, composing a letter
(merge fields from the record, dates from the statutory clock), saving it to the
record as an append-only version with the events it records, and sending it.

Every function takes the Session explicitly and returns plain data or the letters
package's own values; nothing here knows about files or windows.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.domain.letters import LETTER_STATUSES, SENT_VIA, SENT_VIA_LABELS, LetterVersion
from send_desk.ids import uuid7
from send_desk.letters.compose import (
    Composed,
    InputProblem,
    build_context,
    choose_recipient,
    compose,
    parse_inputs,
    variant_needed,
)
from send_desk.letters.document import Letter
from send_desk.letters.manifest import (
    VARIANTS,
    Offer,
    RecordSpec,
    TemplateSpec,
)
from send_desk.letters.settings import Letterhead, LetterheadError, load_letterhead
from send_desk.letters.templating import (
    LetterTemplateError,
    Lines,
    MissingField,
    TemplateLibrary,
    default_library,
)
from send_desk.services import events as events_service
from send_desk.services.children import child_detail, get_child
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.letter_dates import (
    clock_dates,
    events_of,
    matches,
    recent,
    resolve_details,
    timeline_of,
)
from send_desk.services.letter_history import (
    apology_request,
    latest_version,
    letter_history,
    list_letters,
    stored_letter,
    version_json,
)
from send_desk.services.validation import check_plain
from send_desk.timescales import Event, compute_timeline
from send_desk.timescales.milestones import LATE, OVERDUE, PENDING, Milestone
from send_desk.timeutil import uk_date

OPEN = (PENDING, OVERDUE)
MISSED = (OVERDUE, LATE)


class LetterRefused(ValidationFailed):
    """The letter cannot be made: ``fields`` say what to fill in, and where."""


@dataclass
class Prepared:
    """A composed letter with what the composer shows beside it."""

    composed: Composed
    spec: TemplateSpec
    variant: str
    variant_needed: str
    recipient_id: str | None
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def letter(self) -> Letter:
        return self.composed.letter


# ------------------------------------------------------------------ the library


def library() -> TemplateLibrary:
    try:
        return default_library()
    except LetterTemplateError as error:
        raise Refused(f"a letter template cannot be used: {error}") from None


def letterhead(data_root: Path | None) -> Letterhead:
    try:
        return load_letterhead(data_root)
    except LetterheadError as error:
        raise Refused(f"the letterhead settings cannot be used: {error}") from None


def template_list() -> list[dict[str, Any]]:
    return [spec.to_json() for spec in library().manifest.templates.values()]


# ------------------------------------------------------------------ the clock


def missed_milestones(
    session: Session, child_id: uuid.UUID, *, today: date
) -> list[dict[str, Any]]:
    """Statutory time limits the child's case missed (overdue now, or done late), the
    most recent first: what an apology letter can be about."""
    rows = []
    for m in timeline_of(session, child_id, today):
        if m.status in MISSED and not m.local and m.rule.kind != "info":
            rows.append(
                {
                    "key": f"{m.id}|{m.due.isoformat()}",
                    "id": m.id,
                    "title": m.title,
                    "due": m.due,
                    "done": m.done,
                    "status": m.status,
                    "label": f"{m.title}: due {uk_date(m.due)}"
                    + (f", done {uk_date(m.done)}" if m.done else ", not done yet"),
                }
            )
    rows.sort(key=lambda row: str(row["key"]).split("|")[1], reverse=True)
    return rows


def _find_missed(rows: Sequence[Mapping[str, Any]], key: Any) -> Mapping[str, Any] | None:
    text = str(key or "").strip()
    if not text:
        return rows[0] if rows else None
    for row in rows:
        if row["key"] == text:
            return row
    matching = [row for row in rows if row["id"] == text]
    return matching[0] if matching else None


# ------------------------------------------------------------------ offers


def _offered_by(
    offer: Offer, milestones: Sequence[Milestone], events: Sequence[Event], today: date
) -> str | None:
    if offer.kind == "always":
        return "Any time"
    if offer.kind == "missed":
        missed = [
            m for m in milestones if m.status in MISSED and not m.local and m.rule.kind != "info"
        ]
        if not missed:
            return None
        return "1 time limit missed" if len(missed) == 1 else f"{len(missed)} time limits missed"
    if offer.kind == "milestone":
        for m in milestones:
            if (m.id == offer.name or m.id.startswith(offer.name + ":")) and m.status in OPEN:
                return f"{m.title}: due {uk_date(m.due)}"
        return None
    latest = max((e for e in events if e.type == offer.name), key=lambda e: e.date, default=None)
    if latest is None or (today - latest.date).days > offer.within_days:
        return None
    if not matches(latest, offer.name, offer.where):
        return None
    return f"{EVENT_TYPES[offer.name].label} on {uk_date(latest.date)}"


def offered_templates(
    session: Session, child_id: uuid.UUID, *, today: date
) -> list[dict[str, Any]]:
    """Every template with whether this child's case offers it now, and why."""
    child, events = events_of(session, child_id)
    milestones = compute_timeline(events, today, child, include_local=True).milestones
    out = []
    for spec in library().manifest.templates.values():
        reasons = [
            r for r in (_offered_by(o, milestones, events, today) for o in spec.offered_by) if r
        ]
        out.append(
            {**spec.to_json(), "offered": bool(reasons), "why": reasons[0] if reasons else ""}
        )
    return out


# ------------------------------------------------------------------ composing


def _child_detail(session: Session, child_id: uuid.UUID, today: date) -> dict[str, Any]:
    detail = child_detail(session, child_id, today=today)
    detail["id"] = str(child_id)
    return detail


def prepare_letter(
    session: Session,
    child_id: uuid.UUID,
    template: str,
    inputs: Mapping[str, Any] | None = None,
    *,
    today: date,
    data_root: Path | None = None,
    letter_date: date | None = None,
    variant: str | None = None,
    recipient_id: str | None = None,
) -> Prepared:
    """Compose a letter for a child. Raises LetterRefused naming every field to fill in."""
    lib = library()
    try:
        spec = lib.manifest.template(template)
    except ValueError as error:
        raise NotFound(str(error)) from None
    letter_date = letter_date or today
    detail = _child_detail(session, child_id, today)
    raw = dict(inputs or {})
    missed: Mapping[str, Any] | None = None
    milestone_input = next((i for i in spec.inputs if i.kind == "milestone"), None)
    if milestone_input is not None:
        rows = missed_milestones(session, child_id, today=today)
        missed = _find_missed(rows, raw.get(milestone_input.name))
        if missed is None:
            raise LetterRefused(
                "This child's case has no missed time limit to apologise for"
                if not rows
                else f"'{raw.get(milestone_input.name)}' is not one of the missed time limits: "
                + "; ".join(row["key"] for row in rows),
                {milestone_input.name: "choose the missed time limit"},
            )
        raw[milestone_input.name] = missed["key"]
    try:
        parsed = parse_inputs(spec, raw, work_open=missed is None or missed.get("done") is None)
    except InputProblem as problem:
        raise LetterRefused("No letter was made. " + str(problem), dict(problem.fields)) from None
    member = choose_recipient(detail, recipient_id) if spec.audience == "family" else None
    needed = variant_needed(detail, member)
    chosen = variant or needed
    if chosen not in VARIANTS:
        raise ValidationFailed(f"variant must be one of {', '.join(VARIANTS)} (not '{chosen}')")
    found = clock_dates(session, child_id, spec, parsed, letter_date)
    head = letterhead(data_root)
    context = build_context(
        detail,
        spec,
        letterhead=head,
        inputs=parsed,
        dates=found.dates,
        appeal=found.appeal,
        letter_date=letter_date,
        recipient=member,
        missed=missed,
    )
    try:
        composed = compose(lib, spec, context, variant=chosen, letterhead=head)
    except MissingField as missing:
        fields = {
            path: message for path, message in zip(missing.fields, missing.messages, strict=False)
        }
        raise LetterRefused(
            "No letter was made. " + " ".join(missing.messages), fields or {"letter": str(missing)}
        ) from None
    except LetterTemplateError as error:
        raise Refused(f"the letter template cannot be used: {error}") from None
    _child, events = events_of(session, child_id)
    records = []
    # a period the letter gives counts from the letter's date: an older event of that
    # kind is recorded again on it, so the clock and the letter give the same date
    period_events = {d.event for d in spec.dates if d.from_letter and d.event}
    for record in spec.records:
        details = resolve_details(record.details, parsed, missed)
        ignore = _ignored(spec, record)
        already = recent(events, record.event, details, letter_date, ignore)
        if already is not None and record.event in period_events and already.date < letter_date:
            already = None
        records.append(
            {
                "event": record.event,
                "label": EVENT_TYPES[record.event].label,
                "details": details,
                "when": record.when,
                "already": already.date if already else None,
            }
        )
    return Prepared(
        composed, spec, chosen, needed, str(member.get("id")) if member else None, records
    )


def _ignored(spec: TemplateSpec, record: RecordSpec) -> list[str]:
    """Detail fields not compared when looking for the event already recorded (free text
    a caseworker typed, such as the reason for a delay)."""
    ignore = []
    for key, value in record.details.items():
        if isinstance(value, str) and value.startswith("input:"):
            item = spec.input(value.removeprefix("input:"))
            if item is not None and item.kind == "lines":
                ignore.append(key)
    return ignore


def inputs_for_storage(parsed: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in parsed.items():
        if isinstance(value, Lines | tuple | list):
            out[key] = list(value)
        elif isinstance(value, date):
            out[key] = value.isoformat()
        elif value is not None:
            out[key] = str(value)
    return out


# ------------------------------------------------------------------ saving


def _author(session: Session) -> uuid.UUID | None:
    actor = session.info.get("actor")
    return getattr(actor, "user_id", None)


def _record_events(
    session: Session,
    child_id: uuid.UUID,
    prepared: Prepared,
    when: str,
    letter_date: date,
    today: date,
) -> list[dict[str, Any]]:
    recorded = []
    for record in prepared.records:
        if record["when"] != when or record["already"] is not None:
            continue
        if letter_date > today:
            raise ValidationFailed(
                f"The letter is dated {uk_date(letter_date)}, after today: the "
                f"{record['label'].lower()} can only be recorded once it has happened."
            )
        details = {k: v for k, v in record["details"].items() if v is not None}
        done = events_service.add_event(
            session, child_id, record["event"], letter_date, details, today=today
        )
        recorded.append(
            {
                "id": str(done.id),
                "event": record["event"],
                "label": record["label"],
                "date": letter_date,
                "warnings": done.warnings,
            }
        )
    return recorded


def _check_summary(prepared: Prepared) -> dict[str, Any]:
    check = prepared.composed.check.to_json()
    check.pop("issues", None)
    return check


def save_letter(
    session: Session,
    child_id: uuid.UUID,
    template: str,
    inputs: Mapping[str, Any] | None = None,
    *,
    today: date,
    data_root: Path | None = None,
    letter_date: date | None = None,
    variant: str | None = None,
    recipient_id: str | None = None,
    sent_via: str | None = None,
    record_events: bool = True,
) -> dict[str, Any]:
    """Save a new letter (version 1) to the child's record, with the events it records
    (``when = "saved"``; and ``"sent"`` too when ``sent_via`` is given)."""
    get_child(session, child_id)
    letter_date = letter_date or today
    prepared = prepare_letter(
        session,
        child_id,
        template,
        inputs,
        today=today,
        data_root=data_root,
        letter_date=letter_date,
        variant=variant,
        recipient_id=recipient_id,
    )
    if sent_via is not None and sent_via not in SENT_VIA:
        raise ValidationFailed(f"sent by must be one of {', '.join(SENT_VIA)}")
    if sent_via is not None:
        _sendable(letter_date, today)
    recorded: list[dict[str, Any]] = []
    if record_events:
        recorded = _record_events(session, child_id, prepared, "saved", letter_date, today)
        if sent_via:
            recorded += _record_events(session, child_id, prepared, "sent", letter_date, today)
    letter = prepared.letter
    first_id = uuid7()
    row = LetterVersion(
        id=first_id,
        letter_id=first_id,
        child_id=child_id,
        version=1,
        author_id=_author(session),
        template=template,
        title=letter.title[:300],
        variant=prepared.variant,
        letter_date=letter_date,
        recipient_name=letter.recipient_name[:200],
        status="sent" if sent_via else "saved",
        sent_via=sent_via,
        sent_on=today if sent_via else None,
        note="Sent" if sent_via else None,
        event_ids=[item["id"] for item in recorded],
        inputs=inputs_for_storage(prepared.composed.context["input"]),
        content=letter.to_json(),
        body=letter.plain_text(),
        check=_check_summary(prepared),
    )
    check_plain(row)
    session.add(row)
    session.flush()
    return {
        **version_json(row, None),
        "events_recorded": recorded,
        "check": prepared.composed.check.to_json(),
    }


def resolve_letter_id(session: Session, text: str) -> uuid.UUID:
    """A letter's id (or any of its versions' ids), or a unique start or end of it."""
    key = text.strip().lower().replace("-", "")
    rows = session.execute(select(LetterVersion.letter_id, LetterVersion.id)).all()
    found = {
        letter_id
        for letter_id, version_id in rows
        if key
        and any(
            h == key or (len(key) >= 8 and (h.startswith(key) or h.endswith(key)))
            for h in (letter_id.hex, version_id.hex)
        )
    }
    if len(found) == 1:
        only: uuid.UUID = found.pop()
        return only
    if len(found) > 1:
        raise Refused(f"'{text}' matches more than one letter: give more of the id")
    raise NotFound(f"no letter with id '{text}' in this store")


def _sendable(letter_date: date, today: date) -> None:
    """A letter is marked sent today: never before the date it bears (a letter dated
    ahead would read as sent before it was written)."""
    if letter_date > today:
        raise ValidationFailed(
            f"This letter is dated {uk_date(letter_date)}, after today ({uk_date(today)}): "
            f"it cannot be marked sent before its date. Mark it sent on or after "
            f"{uk_date(letter_date)}, or date it today."
        )


def mark_sent(
    session: Session,
    letter_id: uuid.UUID,
    sent_via: str,
    *,
    today: date,
    record_events: bool = True,
    data_root: Path | None = None,
) -> dict[str, Any]:
    """A new version of the letter, marked sent (how and when), with the events that
    sending records (an appealable decision sent). The letter's words do not change."""
    if sent_via not in SENT_VIA:
        raise ValidationFailed(f"sent by must be one of {', '.join(SENT_VIA)}")
    latest = latest_version(session, letter_id)
    if latest.status == "sent" and latest.sent_via == sent_via:
        raise Refused(
            f"this letter is already marked {SENT_VIA_LABELS[sent_via].lower()} "
            f"on {uk_date(latest.sent_on)}"
        )
    _sendable(latest.letter_date, today)
    recorded: list[dict[str, Any]] = []
    if record_events and latest.status != "sent":
        spec = library().manifest.template(latest.template)
        _child, events = events_of(session, latest.child_id)
        for record in spec.records:
            if record.when != "sent":
                continue
            details = resolve_details(record.details, latest.inputs, None)
            if recent(events, record.event, details, latest.letter_date, _ignored(spec, record)):
                continue
            done = events_service.add_event(
                session,
                latest.child_id,
                record.event,
                min(today, max(latest.letter_date, today)),
                {k: v for k, v in details.items() if v is not None},
                today=today,
            )
            recorded.append(
                {
                    "id": str(done.id),
                    "event": record.event,
                    "label": EVENT_TYPES[record.event].label,
                    "date": today,
                    "warnings": done.warnings,
                }
            )
    row = LetterVersion(
        letter_id=latest.letter_id,
        child_id=latest.child_id,
        version=latest.version + 1,
        supersedes_id=latest.id,
        author_id=_author(session),
        template=latest.template,
        title=latest.title,
        variant=latest.variant,
        letter_date=latest.letter_date,
        recipient_name=latest.recipient_name,
        status="sent",
        sent_via=sent_via,
        sent_on=today,
        note=f"{SENT_VIA_LABELS[sent_via]} on {uk_date(today)}",
        event_ids=[*latest.event_ids, *(item["id"] for item in recorded)],
        inputs=dict(latest.inputs),
        content=dict(latest.content),
        body=latest.body,
        check=dict(latest.check),
    )
    check_plain(row)
    session.add(row)
    session.flush()
    return {**version_json(row, None), "events_recorded": recorded}


__all__ = [
    "LETTER_STATUSES",
    "LetterRefused",
    "Prepared",
    "apology_request",
    "clock_dates",
    "letter_history",
    "list_letters",
    "mark_sent",
    "missed_milestones",
    "offered_templates",
    "prepare_letter",
    "save_letter",
    "stored_letter",
    "template_list",
]
