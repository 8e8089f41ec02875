"""The backend's callbacks, availability and complaints (a CorrespondenceMixin base)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from send_desk.backend.errors import ValidationFailed
from send_desk.services import callbacks as callbacks_service
from send_desk.services import complaints as complaints_service
from send_desk.services.standards import Standards


def _id(value: str | uuid.UUID | None) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"'{value}' is not a record id") from None


def _required(value: str | uuid.UUID | None, what: str = "a record") -> uuid.UUID:
    found = _id(value)
    if found is None:
        raise ValidationFailed(f"choose {what} first")
    return found


class CallbacksComplaintsMixin:
    """Callbacks, who is away or on duty, and complaints (part of CorrespondenceMixin)."""

    _read: Any
    _write: Any
    _today: Callable[[], date]

    if TYPE_CHECKING:

        def now(self) -> datetime: ...

        def standards(self) -> Standards: ...

    # ------------------------------------------------------------ callbacks

    def callback_slots(self, child_id: str, *, days: int | None = None) -> dict[str, Any]:
        with self._read() as session:
            found: dict[str, Any] = callbacks_service.offer_slots(
                session,
                _required(child_id, "the child"),
                now=self.now(),
                standards=self.standards(),
                days=days,
            )
        for slot in found["slots"]:
            slot["start_text"] = slot["start"].isoformat()
        return found

    def book_callback(self, child_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
        values = dict(data)  # blank text is checked by the models' own rules
        with self._write() as session:
            found: dict[str, Any] = callbacks_service.book(
                session,
                _required(child_id, "the child"),
                values,
                now=self.now(),
                standards=self.standards(),
            )
            return found

    def record_callback(
        self, callback_id: str, outcome: str, *, at: datetime | None = None, note: str = ""
    ) -> dict[str, Any]:
        with self._write() as session:
            found: dict[str, Any] = callbacks_service.record_outcome(
                session,
                _required(callback_id, "a callback"),
                outcome,
                at=at,
                note=note.strip() or None,
                now=self.now(),
                standards=self.standards(),
            )
            return found

    def confirm_callback(
        self, callback_id: str, via: str, *, on: date | None = None, letter_id: str | None = None
    ) -> dict[str, Any]:
        with self._write() as session:
            found: dict[str, Any] = callbacks_service.confirm(
                session,
                _required(callback_id, "a callback"),
                via,
                on=on or self._today(),
                letter_id=_id(letter_id),
                now=self.now(),
                standards=self.standards(),
            )
            return found

    def callback_letter_inputs(self, callback_id: str) -> dict[str, Any]:
        with self._read() as session:
            found: dict[str, Any] = callbacks_service.letter_inputs(
                session, _required(callback_id, "a callback")
            )
            return found

    def callbacks(
        self,
        *,
        show: str = "upcoming",
        caller_id: str | None = None,
        team_id: str | None = None,
        child_id: str | None = None,
    ) -> list[dict[str, Any]]:
        query = callbacks_service.CallbackQuery(
            show=show, caller_id=_id(caller_id), team_id=_id(team_id), child_id=_id(child_id)
        )
        with self._read() as session:
            found: list[dict[str, Any]] = callbacks_service.callbacks(
                session, query, now=self.now(), standards=self.standards()
            )
            return found

    def add_absence(
        self, user_id: str, first_day: date | None, last_day: date | None, reason: str = ""
    ) -> str:
        if first_day is None or last_day is None:
            raise ValidationFailed("the first and last day are needed")
        with self._write() as session:
            found: str = callbacks_service.add_absence(
                session, _required(user_id, "who is away"), first_day, last_day, reason or None
            )
            return found

    def set_duty(self, team_id: str, day: date, user_id: str) -> str:
        with self._write() as session:
            found: str = callbacks_service.set_duty(
                session, _required(team_id, "the team"), day, _required(user_id, "who")
            )
            return found

    def availability(self, start: date, end: date) -> dict[str, Any]:
        with self._read() as session:
            found: dict[str, Any] = callbacks_service.availability(session, start=start, end=end)
            return found

    # ------------------------------------------------------------ complaints

    def add_complaint(self, data: Mapping[str, Any]) -> dict[str, Any]:
        values = dict(data)  # blank text is checked by the models' own rules
        with self._write() as session:
            found: dict[str, Any] = complaints_service.add_complaint(
                session, values, today=self._today(), standards=self.standards()
            )
            return found

    def complaint_action(self, complaint_id: str, action: str, **values: Any) -> dict[str, Any]:
        """acknowledge (on, letter_id, investigator), respond (on, outcome, letter_id),
        escalate (on), update (changes), refer (on, reference), decide (on, outcome)."""
        cid = _required(complaint_id, "a complaint")
        kw: dict[str, Any] = {"today": self._today(), "standards": self.standards()}
        on = values.get("on") or self._today()
        with self._write() as session:
            if action == "acknowledge":
                found = complaints_service.acknowledge(
                    session, cid, on, letter_id=_id(values.get("letter_id")),
                    investigator=values.get("investigator") or None, **kw,
                )  # fmt: skip
            elif action == "respond":
                found = complaints_service.respond(
                    session, cid, on, values.get("outcome") or "",
                    letter_id=_id(values.get("letter_id")), **kw,
                )  # fmt: skip
            elif action == "escalate":
                found = complaints_service.escalate(session, cid, on, **kw)
            elif action == "update":
                changes = {
                    k: (None if isinstance(v, str) and not v.strip() else v)
                    for k, v in (values.get("changes") or {}).items()
                }
                found = complaints_service.update_complaint(session, cid, changes, **kw)
            elif action == "refer":
                found = complaints_service.refer_to_ombudsman(
                    session, cid, on, (values.get("reference") or "").strip() or None, **kw
                )
            elif action == "decide":
                found = complaints_service.ombudsman_decision(
                    session, cid, on, values.get("outcome") or "", **kw
                )
            else:
                raise ValidationFailed(f"'{action}' is not something done to a complaint")
            return found

    def complaints(
        self,
        *,
        show: str = "open",
        caseworker_id: str | None = None,
        team_id: str | None = None,
        child_id: str | None = None,
    ) -> list[dict[str, Any]]:
        query = complaints_service.ComplaintQuery(
            show=show,
            caseworker_id=_id(caseworker_id),
            team_id=_id(team_id),
            child_id=_id(child_id),
        )
        with self._read() as session:
            found: list[dict[str, Any]] = complaints_service.complaints(
                session, query, today=self._today(), standards=self.standards()
            )
            return found

    def complaint_letter_inputs(
        self, complaint_id: str, letter: str, outcome: str | None = None
    ) -> dict[str, Any]:
        """Inputs for the ``complaint_acknowledgement`` or ``complaint_response`` letter."""
        cid = _required(complaint_id, "a complaint")
        standards = self.standards()
        with self._read() as session:
            if letter == "complaint_acknowledgement":
                found: dict[str, Any] = complaints_service.acknowledgement_inputs(
                    session, cid, standards
                )
            else:
                found = complaints_service.response_inputs(
                    session, cid, outcome, standards, self._today()
                )
            return found
