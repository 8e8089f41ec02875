"""Dialogs for correspondence, callbacks and complaints (Designer forms in ui/).

Each saves through the backend in a background op; a refusal keeps the dialog open
with what was typed and says why (see :class:`~send_desk.gui.dialogs.FormDialog`).
A letter that is the response (a reply, a callback confirmation, a complaint
acknowledgement or response) is written in the letters composer and linked back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from send_desk.backend.caseload_models import CaseloadOptions, CaseworkerChoice, ChildDetail
from send_desk.backend.correspondence import Duplicate
from send_desk.backend.correspondence_models import (
    Complaint,
    CorrespondenceRow,
    LettersAndNotes,
    LinkChoice,
    NewComplaint,
    NewItem,
    Reply,
    UpdateComplaint,
)
from send_desk.backend.labels import RELATIONSHIP_LABELS
from send_desk.backend.letters_models import LetterHistoryRow, LetterInputs
from send_desk.gui import formatting as fmt
from send_desk.gui.correspondence_forms import AvailabilityForm, ComplaintForm, complaint_step
from send_desk.gui.dialogs import FormDialog, fill_combo, pydate, qdate
from send_desk.gui.forms.ui_availability_dialog import Ui_AvailabilityDialog
from send_desk.gui.forms.ui_complaint_action_dialog import Ui_ComplaintActionDialog
from send_desk.gui.forms.ui_complaint_dialog import Ui_ComplaintDialog
from send_desk.gui.forms.ui_correspondence_item_dialog import Ui_CorrespondenceItemDialog
from send_desk.gui.forms.ui_respond_dialog import Ui_RespondDialog
from send_desk.gui.ops import Ops
from send_desk.gui.rows_model import text_of

if TYPE_CHECKING:
    from send_desk.backend.core import Backend
    from send_desk.gui.letters import LetterComposer

NOT_YET = ("", "Not yet (confirm later)")


def _contacts(detail: ChildDetail | None) -> list[tuple[str, str]]:
    """(name, label) of the family and contacts, main contact first."""
    if not detail:
        return []
    family = sorted(detail.family, key=lambda m: not m.main_contact)
    return [
        (m.name, f"{m.name} ({RELATIONSHIP_LABELS.get(m.relationship, m.relationship)})")
        for m in family
    ]


def child_name(detail: ChildDetail | None) -> str:
    """The child's first and last name for a dialog's title ("" before it is known)."""
    return f"{detail.first_name} {detail.last_name}" if detail else ""


def _fill_names(combo: Any, detail: ChildDetail | None) -> None:
    combo.clear()
    for name, label in _contacts(detail):
        combo.addItem(label, name)


def _combo_text(combo: Any) -> str:
    """An editable combo's value: the chosen contact's name, or what was typed."""
    text: str = combo.currentText().strip()
    index = combo.currentIndex()
    if index >= 0 and combo.itemText(index) == text and combo.itemData(index):
        return str(combo.itemData(index))
    return text


def _id(value: object) -> uuid.UUID | None:
    """A record's id from a combo's data (its hex), checked by the backend: none if blank."""
    from send_desk.backend.correspondence_api import optional_id

    return optional_id(value if isinstance(value, str | uuid.UUID) else None)


def link_label(choice: LinkChoice) -> str:
    """A letter ("dd/mm/yyyy title") or case note ("dd/mm/yyyy hh:mm kind: summary")."""
    if isinstance(choice.when, datetime) or choice.when is None:
        when = f"{choice.when:%d/%m/%Y %H:%M}" if choice.when else "time not given"
        return f"{when} {choice.title}"[:120]
    return f"{fmt.uk_date(choice.when)} {choice.title}"


def open_composer(
    backend: Backend,
    ops: Ops,
    child_id: str,
    template: str | None,
    inputs: LetterInputs | None,
    parent: QWidget | None,
    on_saved: Callable[[LetterHistoryRow], None],
) -> LetterComposer:
    """The letters composer on ``template``; ``on_saved(row)`` when a letter is saved."""
    from send_desk.gui.letters import open_letter_composer

    composer = open_letter_composer(
        backend, ops, child_id, template=template, inputs=dict(inputs or {}), parent=parent
    )
    composer.saved.connect(lambda saved: on_saved(saved.row))
    return composer


# ---------------------------------------------------------------- correspondence


class ItemDialog(FormDialog[NewItem, CorrespondenceRow]):
    """Log an item on a child's record, with the reply due date shown as it is chosen."""

    def __init__(
        self, backend: Backend, ops: Ops, child_id: str, detail: ChildDetail | None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.allow_duplicate = False
        self.ui = Ui_CorrespondenceItemDialog()
        self.ui.setupUi(self)
        vocab = backend.correspondence.vocabulary()
        fill_combo(self.ui.directionCombo, list(vocab.directions))
        fill_combo(self.ui.channelCombo, list(vocab.channels))
        _fill_names(self.ui.correspondentCombo, detail)
        today = backend.today()
        self.ui.contactDateEdit.setDate(qdate(today))
        self.ui.contactDateEdit.setMaximumDate(qdate(today))
        self.fields = {
            "direction": self.ui.directionCombo,
            "channel": self.ui.channelCombo,
            "contact_date": self.ui.contactDateEdit,
            "correspondent": self.ui.correspondentCombo,
            "summary": self.ui.summaryEdit,
            "reference": self.ui.referenceEdit,
            "needs_response": self.ui.needsResponseCheck,
        }
        self._finish_setup()
        self.anyway = QPushButton("Log it a&nyway")
        self.anyway.setAccessibleName("Log it anyway: it is a second item, not the same one")
        self.button_box.addButton(self.anyway, QDialogButtonBox.ButtonRole.ActionRole)
        self.anyway.hide()
        self.anyway.clicked.connect(self._anyway)
        for signal in (
            self.ui.channelCombo.currentIndexChanged,
            self.ui.directionCombo.currentIndexChanged,
            self.ui.contactDateEdit.dateChanged,
            self.ui.needsResponseCheck.toggled,
        ):
            signal.connect(self._show_due)
        self.ui.directionCombo.currentIndexChanged.connect(self._direction_changed)
        name = child_name(detail)
        self.setWindowTitle(f"Log correspondence – {name}" if name else "Log correspondence")
        self._show_due()

    def _direction_changed(self) -> None:
        incoming = self.ui.directionCombo.currentData() == "incoming"
        self.ui.needsResponseCheck.setChecked(incoming)
        self.ui.needsResponseCheck.setEnabled(incoming)

    def _show_due(self, *_args: Any) -> None:
        if not self.ui.needsResponseCheck.isChecked():
            self.ui.dueValue.setText("No reply needed")
            return
        channel = self.ui.channelCombo.currentData()
        received = pydate(self.ui.contactDateEdit.date())
        found = self.backend.correspondence.reply_due(channel, received)
        due, days = found.due, found.working_days
        self.ui.dueValue.setText(f"{text_of(due)} ({days} working days, the service standard)")
        self.ui.dueValue.setAccessibleName(f"Reply due {text_of(due)}")

    def values(self) -> NewItem:
        fields = self._widget_values()
        fields["correspondent"] = _combo_text(self.ui.correspondentCombo)
        return NewItem(**fields)

    def save_work(self, values: NewItem) -> Callable[[], CorrespondenceRow]:
        allow = self.allow_duplicate
        return lambda: self.backend.correspondence.log(self.child_id, values, allow_duplicate=allow)

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        self.anyway.setVisible(isinstance(error, Duplicate) and error.can_override)

    def _anyway(self) -> None:
        self.allow_duplicate = True
        self.anyway.hide()
        self.save()


class RespondDialog(FormDialog[Reply, CorrespondenceRow]):
    """Record the reply that closes an item: a note, letter, call, email or portal message."""

    def __init__(
        self, backend: Backend, ops: Ops, item: CorrespondenceRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.item = item
        self.ui = Ui_RespondDialog()
        self.ui.setupUi(self)
        vocab = backend.correspondence.vocabulary()
        fill_combo(self.ui.kindCombo, list(vocab.response_kinds))
        default = item.channel if item.channel in ("email", "portal", "call") else "letter"
        self.ui.kindCombo.setCurrentIndex(max(self.ui.kindCombo.findData(default), 0))
        today = backend.today()
        self.ui.onEdit.setDate(qdate(today))
        self.ui.onEdit.setMaximumDate(qdate(today))
        self.ui.correspondentEdit.setText(item.correspondent or "")
        self.letters: list[LinkChoice] = []
        self.notes: list[LinkChoice] = []
        self.fields = {
            "kind": self.ui.kindCombo,
            "on": self.ui.onEdit,
            "ref": self.ui.refCombo,
            "correspondent": self.ui.correspondentEdit,
            "summary": self.ui.summaryEdit,
        }
        self._finish_setup()
        self.setWindowTitle(
            f"Record the reply – {fmt.channel(item.channel)} from {item.correspondent}"
        )
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.ui.letterButton.clicked.connect(self.write_letter)
        self.composer: Any = None
        self.ops.run(
            lambda: backend.correspondence.letters_and_notes(item.child_id),
            self._choices_loaded,
            lambda error: self.show_errors({}, getattr(error, "message", str(error))),
        )
        self._kind_changed()

    def _choices_loaded(self, choices: LettersAndNotes) -> None:
        self.letters, self.notes = list(choices.letters), list(choices.notes)
        self._kind_changed()

    def _kind_changed(self, *_args: Any) -> None:
        kind = self.ui.kindCombo.currentData()
        combo = self.ui.refCombo
        combo.clear()
        if kind == "note":
            fill_combo(combo, [(n.id.hex, link_label(n)) for n in self.notes])
        elif kind == "letter":
            fill_combo(combo, [(x.id.hex, link_label(x)) for x in self.letters])
        linked = kind in ("note", "letter")
        combo.setEnabled(linked)
        self.ui.correspondentEdit.setEnabled(not linked)
        self.ui.onEdit.setEnabled(not linked)
        self.ui.letterButton.setVisible(kind == "letter")

    def write_letter(self) -> None:
        def saved(letter: LetterHistoryRow) -> None:
            choice = LinkChoice(letter.letter_id, letter.letter_date, letter.title)
            self.letters.insert(0, choice)
            self._kind_changed()
            self.ui.refCombo.setCurrentIndex(max(self.ui.refCombo.findData(choice.id.hex), 0))

        self.composer = open_composer(
            self.backend, self.ops, self.item.child_id.hex, None, None, self, saved
        )

    def values(self) -> Reply:
        ui = self.ui
        kind = ui.kindCombo.currentData()
        linked = kind in ("note", "letter")
        return Reply(
            kind,
            on=None if linked else pydate(ui.onEdit.date()),
            summary=ui.summaryEdit.toPlainText(),
            ref_id=_id(ui.refCombo.currentData()) if linked else None,
            correspondent=ui.correspondentEdit.text(),
        )

    def save_work(self, values: Reply) -> Callable[[], CorrespondenceRow]:
        item_id = self.item.id
        return lambda: self.backend.correspondence.respond(item_id, values)


# ---------------------------------------------------------------- callbacks


def _qtime(moment: datetime) -> Any:
    from PySide6.QtCore import QTime

    return QTime(moment.hour, moment.minute)


# ---------------------------------------------------------------- complaints


class ComplaintDialog(FormDialog[NewComplaint, Complaint]):
    def __init__(
        self, backend: Backend, ops: Ops, child_id: str, detail: ChildDetail | None,
        caseworkers: Sequence[CaseworkerChoice], item: CorrespondenceRow | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.item = item
        self.ui = Ui_ComplaintDialog()
        self.ui.setupUi(self)
        vocab = backend.correspondence.vocabulary()
        _fill_names(self.ui.complainantCombo, detail)
        fill_combo(self.ui.viaCombo, list(vocab.channel_labels.items()), "")
        fill_combo(
            self.ui.caseworkerCombo,
            [(c.id.hex, f"{c.name} ({c.team})") for c in caseworkers],
            "The child's caseworker",
        )
        fill_combo(self.ui.rootCauseCombo, list(vocab.root_causes), "Not yet known")
        today = backend.today()
        self.ui.receivedEdit.setDate(qdate(today))
        self.ui.receivedEdit.setMaximumDate(qdate(today))
        if self.item is not None:
            self.ui.receivedEdit.setDate(qdate(self.item.contact_date))
            self.ui.summaryEdit.setPlainText(self.item.summary)
            via = self.ui.viaCombo.findData(self.item.channel)
            self.ui.viaCombo.setCurrentIndex(max(via, 0))
        self.fields = {
            "received_on": self.ui.receivedEdit,
            "complainant": self.ui.complainantCombo,
            "received_via": self.ui.viaCombo,
            "summary": self.ui.summaryEdit,
            "caseworker_id": self.ui.caseworkerCombo,
            "root_cause": self.ui.rootCauseCombo,
        }
        self._finish_setup()
        name = child_name(detail)
        self.setWindowTitle(f"Record a complaint – {name}" if name else "Record a complaint")

    def values(self) -> NewComplaint:
        ui, item = self.ui, self.item
        return NewComplaint(
            child_id=_id(self.child_id),
            received_on=pydate(ui.receivedEdit.date()),
            complainant=_combo_text(ui.complainantCombo),
            summary=ui.summaryEdit.toPlainText(),
            received_via=ui.viaCombo.currentData(),
            caseworker_id=_id(ui.caseworkerCombo.currentData()),
            root_cause=ui.rootCauseCombo.currentData(),
            correspondence_id=item.id if item is not None else None,
        )

    def save_work(self, values: NewComplaint) -> Callable[[], Complaint]:
        return lambda: self.backend.correspondence.add_complaint(values)


ACTIONS = (
    ("acknowledge", "Acknowledged"),
    ("respond", "Answered (the stage's response)"),
    ("escalate", "Asked for the next stage"),
    ("update", "Root cause and lessons learned"),
    ("refer", "Referred to the Ombudsman"),
    ("decide", "The Ombudsman's decision"),
)
_ACTION_FIELDS = {
    "acknowledge": ("on", "investigator"),
    "respond": ("on", "outcome", "root_cause", "lessons"),
    "escalate": ("on",),
    "update": ("root_cause", "lessons"),
    "refer": ("on", "reference"),
    "decide": ("on", "outcome"),
}
_LETTERS = {"acknowledge": "complaint_acknowledgement", "respond": "complaint_response"}


class ComplaintActionDialog(FormDialog[ComplaintForm, Complaint]):
    """Record a step of a complaint; the acknowledgement and response letters are written
    in the composer and linked to the stage."""

    def __init__(
        self, backend: Backend, ops: Ops, complaint: Complaint, action: str = "acknowledge",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, parent)
        self.backend = backend
        self.complaint = complaint
        self.letter_id: uuid.UUID | None = None
        self.composer: Any = None
        self.ui = Ui_ComplaintActionDialog()
        self.ui.setupUi(self)
        self.vocab = backend.correspondence.vocabulary()
        fill_combo(self.ui.actionCombo, list(ACTIONS))
        fill_combo(self.ui.rootCauseCombo, list(self.vocab.root_causes), "Not yet known")
        self.ui.rootCauseCombo.setCurrentIndex(
            max(self.ui.rootCauseCombo.findData(complaint.root_cause), 0)
        )
        self.ui.lessonsEdit.setPlainText(complaint.lessons_learned or "")
        today = backend.today()
        self.ui.onEdit.setDate(qdate(today))
        self.ui.onEdit.setMaximumDate(qdate(today))
        self.fields = {
            "action": self.ui.actionCombo,
            "on": self.ui.onEdit,
            "outcome": self.ui.outcomeCombo,
            "investigator": self.ui.investigatorEdit,
            "reference": self.ui.referenceEdit,
            "root_cause": self.ui.rootCauseCombo,
            "lessons": self.ui.lessonsEdit,
        }
        self._finish_setup()
        self.setWindowTitle(
            f"Complaint from {complaint.complainant} "
            f"({self.vocab.stage_label(complaint.stage) if complaint.stage else ''})"
        )
        self.ui.actionCombo.currentIndexChanged.connect(self._action_changed)
        self.ui.letterButton.clicked.connect(self.write_letter)
        self.ui.actionCombo.setCurrentIndex(max(self.ui.actionCombo.findData(action), 0))
        self._action_changed()

    def _action_changed(self, *_args: Any) -> None:
        action = self.ui.actionCombo.currentData()
        shown = _ACTION_FIELDS.get(action, ())
        layout = self.ui.formLayout
        for name, widget in self.fields.items():
            if name == "action":
                continue
            layout.setRowVisible(widget, name in shown)
        outcomes = self.vocab.ombudsman_outcomes if action == "decide" else self.vocab.outcomes
        fill_combo(self.ui.outcomeCombo, list(outcomes))
        self.ui.letterButton.setVisible(action in _LETTERS)
        self.letter_id = None
        self.ui.letterButton.setText("Write the &letter…")

    def write_letter(self) -> None:
        action = self.ui.actionCombo.currentData()
        template = _LETTERS.get(action)
        if template is None:
            return
        outcome = self.ui.outcomeCombo.currentData()
        inputs = self.backend.correspondence.complaint_letter_inputs(
            self.complaint.id, template, outcome
        )
        if action == "acknowledge" and self.ui.investigatorEdit.text().strip():
            inputs["investigator"] = self.ui.investigatorEdit.text().strip()

        def saved(letter: LetterHistoryRow) -> None:
            self.letter_id = letter.letter_id
            self.ui.onEdit.setDate(qdate(letter.letter_date))
            self.ui.letterButton.setText(f"Letter saved ({text_of(letter.letter_date)}) ✓")

        self.composer = open_composer(
            self.backend, self.ops, self.complaint.child_id.hex, template, inputs, self, saved
        )

    def values(self) -> ComplaintForm:
        return ComplaintForm(**self._widget_values())

    def save_work(self, values: ComplaintForm) -> Callable[[], Complaint]:
        cid = self.complaint.id
        letter = self.letter_id
        api = self.backend.correspondence

        def work() -> Complaint:
            if values.action in ("respond", "update"):
                changes = {"root_cause": values.root_cause, "lessons_learned": values.lessons}
                updated = api.complaint_step(cid, UpdateComplaint(changes))
                if values.action == "update":
                    return updated
            return api.complaint_step(cid, complaint_step(values, letter))

        return work


# ---------------------------------------------------------------- availability


class AvailabilityDialog(FormDialog[AvailabilityForm, uuid.UUID | list[uuid.UUID]]):
    """A caseworker away for some days, or someone on a team's duty rota."""

    def __init__(
        self, backend: Backend, ops: Ops, options: CaseloadOptions,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, parent)
        self.backend = backend
        self.ui = Ui_AvailabilityDialog()
        self.ui.setupUi(self)
        fill_combo(self.ui.kindCombo, [("absence", "Away (absence)"), ("duty", "On duty")])
        fill_combo(
            self.ui.userCombo,
            [(c.id.hex, f"{c.name} ({c.team})") for c in options.caseworkers],
        )
        fill_combo(self.ui.teamCombo, [(t.id.hex, t.name) for t in options.teams])
        today = backend.today()
        self.ui.firstEdit.setDate(qdate(today))
        self.ui.lastEdit.setDate(qdate(today))
        self.fields = {
            "kind": self.ui.kindCombo,
            "user_id": self.ui.userCombo,
            "team_id": self.ui.teamCombo,
            "first_day": self.ui.firstEdit,
            "last_day": self.ui.lastEdit,
            "reason": self.ui.reasonEdit,
        }
        self._finish_setup()
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_args: Any) -> None:
        duty = self.ui.kindCombo.currentData() == "duty"
        self.ui.formLayout.setRowVisible(self.ui.teamCombo, duty)
        self.ui.formLayout.setRowVisible(self.ui.reasonEdit, not duty)

    def values(self) -> AvailabilityForm:
        return AvailabilityForm(**self._widget_values())

    def save_work(self, values: AvailabilityForm) -> Callable[[], uuid.UUID | list[uuid.UUID]]:
        api = self.backend.correspondence

        def work() -> uuid.UUID | list[uuid.UUID]:
            user, team = values.user_id or "", values.team_id or ""
            if values.kind == "absence":
                return api.add_absence(user, values.first_day, values.last_day, values.reason)
            first, last = values.first_day, values.last_day
            if last < first:
                from send_desk.backend import ValidationFailed

                raise ValidationFailed(
                    "the last day is before the first", {"last_day": "is before the first day"}
                )
            added: list[uuid.UUID] = []
            day = first
            while day <= last:
                if api.is_working_day(day):
                    added.append(api.set_duty(team, day, user))
                day = date.fromordinal(day.toordinal() + 1)
            return added

        return work


__all__ = [
    "AvailabilityDialog",
    "ComplaintActionDialog",
    "ComplaintDialog",
    "ItemDialog",
    "RespondDialog",
    "complaint_step",
    "link_label",
    "open_composer",
]
