"""Callbacks: booking a parent's call into a free time (grouped by day, confirmed the
way the family likes, linked to the call that asked for it), the confirmation letter,
and recording what happened with the call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from send_desk.backend.caseload_models import ChildDetail
from send_desk.backend.correspondence_models import (
    Callback,
    CallbackSlot,
    CallbackSlots,
    CorrespondenceRow,
    NewCallback,
)
from send_desk.backend.letters_models import LetterHistoryRow
from send_desk.gui import formatting as fmt
from send_desk.gui.callback_slots import PREFERRED_CONFIRMATION, by_day, free_times, slot_label
from send_desk.gui.correspondence_dialogs import (
    NOT_YET,
    _combo_text,
    _fill_names,
    _qtime,
    child_name,
    open_composer,
)
from send_desk.gui.correspondence_forms import CallbackBooking, CallbackOutcomeForm
from send_desk.gui.dialogs import FormDialog, fill_combo, qdate
from send_desk.gui.forms.ui_callback_dialog import Ui_CallbackDialog
from send_desk.gui.forms.ui_callback_outcome_dialog import Ui_CallbackOutcomeDialog
from send_desk.gui.ops import Ops
from send_desk.gui.rows_model import text_of

if TYPE_CHECKING:
    import uuid

    from send_desk.backend.core import Backend
    from send_desk.gui.letters import LetterComposer


@dataclass(frozen=True, slots=True)
class BookedCallback:
    """A callback just booked, and whether its confirmation letter is to be written now."""

    callback: Callback
    confirm_by_letter: bool

    @property
    def child_id(self) -> uuid.UUID:
        return self.callback.child_id


class CallbackDialog(FormDialog[CallbackBooking, BookedCallback]):
    """Book a parent's callback into a free slot; says why a day goes to the duty officer."""

    def __init__(
        self, backend: Backend, ops: Ops, child_id: str, detail: ChildDetail | None,
        item: CorrespondenceRow | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.item = item
        self.ui = Ui_CallbackDialog()
        self.ui.setupUi(self)
        self.ui.aboutEdit.setMaximumHeight(90)
        self.ui.slotList.setMinimumHeight(220)
        vocab = backend.correspondence.vocabulary()
        _fill_names(self.ui.requestedByCombo, detail)
        fill_combo(self.ui.confirmCombo, [NOT_YET, *vocab.confirmation])
        self.ui.confirmCombo.setCurrentIndex(max(self.ui.confirmCombo.findData("letter"), 0))
        family = detail.family if detail else ()
        self.phones = {m.name: m.phone or "" for m in family}
        # confirm the way the person asked to be contacted
        self.preferred = {m.name: m.preferred_contact or "" for m in family}
        self.ui.requestedByCombo.currentIndexChanged.connect(self._person_changed)
        if self.item is not None:
            self.ui.aboutEdit.setPlainText(self.item.summary or "")
            index = self.ui.requestedByCombo.findData(self.item.correspondent)
            if index >= 0:
                self.ui.requestedByCombo.setCurrentIndex(index)
        self._person_changed()
        self.fields = {
            "requested_by": self.ui.requestedByCombo,
            "phone": self.ui.phoneEdit,
            "about": self.ui.aboutEdit,
            "slot_start": self.ui.slotList,
            "confirmation_via": self.ui.confirmCombo,
        }
        self._finish_setup()
        name = child_name(detail)
        self.setWindowTitle(f"Book a callback – {name}" if name else "Book a callback")
        self.slots: list[CallbackSlot] = []
        self.ui.slotNotes.setText("Finding free slots…")
        self.ops.run(
            lambda: backend.correspondence.callback_slots(child_id),
            self._slots_loaded,
            lambda error: self.show_errors({}, getattr(error, "message", str(error))),
        )

    def _person_changed(self, *_args: Any) -> None:
        name = self.ui.requestedByCombo.currentData()
        if name and self.phones.get(name):
            self.ui.phoneEdit.setText(self.phones[name])
        way = PREFERRED_CONFIRMATION.get(self.preferred.get(name) or "") if name else None
        index = self.ui.confirmCombo.findData(way) if way else -1
        if index >= 0:
            self.ui.confirmCombo.setCurrentIndex(index)

    def _slots_loaded(self, offered: CallbackSlots) -> None:
        self.slots = free_times(offered.slots)
        listing = self.ui.slotList
        listing.clear()
        first: int | None = None
        for day, times in by_day(self.slots):
            heading = QListWidgetItem(f"{day:%A} {text_of(day)} – {len(times)} free")
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a choice
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            listing.addItem(heading)
            for slot in times:
                text = f"    {slot.start:%H:%M}–{slot.end:%H:%M} with {slot.caller}"
                text += " (duty)" if slot.via_duty else ""
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, slot)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, slot_label(slot))
                listing.addItem(item)
                first = listing.count() - 1 if first is None else first
        if first is not None:
            listing.setCurrentRow(first)
        notes = offered.notes
        self.ui.slotNotes.setText(
            "\n".join(notes) if notes else f"{len(self.slots)} free times of "
            f"{offered.slot_minutes} minutes over {len(by_day(self.slots))} working days."
        )  # fmt: skip
        self.ui.slotNotes.setAccessibleName(self.ui.slotNotes.text())

    def values(self) -> CallbackBooking:
        current = self.ui.slotList.currentItem()
        slot = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        chosen = slot if isinstance(slot, CallbackSlot) else None
        call = NewCallback(
            requested_by=_combo_text(self.ui.requestedByCombo),
            phone=self.ui.phoneEdit.text(),
            about=self.ui.aboutEdit.toPlainText(),
            slot_start=chosen.start if chosen else None,
            caller_id=chosen.caller_id if chosen else None,
            correspondence_id=self.item.id if self.item else None,
        )
        return CallbackBooking(call, self.ui.confirmCombo.currentData() or None)

    def save_work(self, values: CallbackBooking) -> Callable[[], BookedCallback]:
        call, via = values.call, values.confirmation_via
        api = self.backend.correspondence

        def work() -> BookedCallback:
            if call.slot_start is None:
                from send_desk.backend import ValidationFailed

                raise ValidationFailed("choose a slot", {"slot_start": "choose a free slot"})
            booked = api.book_callback(self.child_id, call)
            if via and via != "letter":
                booked = api.confirm_callback(booked.id, via)
            return BookedCallback(booked, confirm_by_letter=via == "letter")

        return work


def confirm_by_letter(
    backend: Backend, ops: Ops, callback: Callback, parent: QWidget | None,
    on_confirmed: Callable[[Callback], None] | None = None,
) -> LetterComposer:  # fmt: skip
    """The callback confirmation letter in the composer; once saved, the booking records
    that it was confirmed by that letter."""
    api = backend.correspondence
    inputs = api.callback_letter_inputs(callback.id)

    def saved(letter: LetterHistoryRow) -> None:
        def done(result: Callback) -> None:
            if on_confirmed is not None:
                on_confirmed(result)

        ops.run(
            lambda: api.confirm_callback(
                callback.id, "letter", on=letter.letter_date, letter_id=letter.letter_id
            ),
            done,
        )

    return open_composer(
        backend, ops, callback.child_id.hex, "callback_confirmation", inputs, parent, saved
    )


class CallbackOutcomeDialog(FormDialog[CallbackOutcomeForm, Callback]):
    """What happened: the call was made, tried with no answer, or cancelled."""

    def __init__(
        self, backend: Backend, ops: Ops, callback: Callback, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.callback = callback
        self.ui = Ui_CallbackOutcomeDialog()
        self.ui.setupUi(self)
        vocab = backend.correspondence.vocabulary()
        fill_combo(self.ui.outcomeCombo, list(vocab.callback_outcomes))
        now = backend.correspondence.now()
        slot = callback.slot_start
        at = slot if slot <= now else now
        self.ui.atEdit.setDateTime(QDateTime(qdate(at.date()), _qtime(at)))
        self.fields = {
            "outcome": self.ui.outcomeCombo,
            "at": self.ui.atEdit,
            "note": self.ui.noteEdit,
        }
        self._finish_setup()
        self.setWindowTitle(
            f"Call to {callback.requested_by} at {fmt.callback_when(callback.slot_start)}: "
            "what happened"
        )

    def values(self) -> CallbackOutcomeForm:
        moment = self.ui.atEdit.dateTime()
        return CallbackOutcomeForm(
            outcome=self.ui.outcomeCombo.currentData(),
            at=datetime(
                moment.date().year(), moment.date().month(), moment.date().day(),
                moment.time().hour(), moment.time().minute(),
            ),
            note=self.ui.noteEdit.toPlainText(),
        )  # fmt: skip

    def save_work(self, values: CallbackOutcomeForm) -> Callable[[], Callback]:
        return lambda: self.backend.correspondence.record_callback(
            self.callback.id, values.outcome, at=values.at, note=values.note
        )


__all__ = ["BookedCallback", "CallbackDialog", "CallbackOutcomeDialog", "confirm_by_letter"]
