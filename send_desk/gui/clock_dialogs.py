"""Dialogs of the statutory clock, built from the Designer forms in ui/ (``self.ui``).

Record an event, record an exception to a time limit (a reason the law allows, and
evidence), record that a family is owed an apology letter for a missed deadline, and
choose when reminders come. Saves go through the backend in a background op; the
clock's refusals are shown as the form's problems, and nothing is saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend import Backend, ValidationFailed
from send_desk.backend.clock_models import DeadlineRow, DetailInput, RecordedEvent, TimelineItem
from send_desk.gui.dialogs import FormDialog, R, T, fill_combo, pydate, qdate, widget_value
from send_desk.gui.forms.ui_apology_dialog import Ui_ApologyDialog
from send_desk.gui.forms.ui_exception_dialog import Ui_ExceptionDialog
from send_desk.gui.forms.ui_record_event_dialog import Ui_RecordEventDialog
from send_desk.gui.forms.ui_reminder_settings_dialog import Ui_ReminderSettingsDialog
from send_desk.gui.ops import Ops
from send_desk.gui.settings import AppSettings, parse_lead_days
from send_desk.timeutil import uk_date

ORDER_HINT = "dated before the first"


@dataclass(frozen=True, slots=True)
class EventForm:
    """An event as the record-event form holds it (``details``: its type's extra fields)."""

    type_id: str
    when: date
    details: Mapping[str, DetailInput]
    evidence: str | None
    confirm_dates: bool


@dataclass(frozen=True, slots=True)
class ExceptionForm:
    """An exception to a deadline as the form holds it (``reason``: its id, if chosen)."""

    reason: str | None
    when: date
    evidence: str


@dataclass(frozen=True, slots=True)
class ReminderChoice:
    """Reminders on or off, and the lead days as typed (checked when saved)."""

    enabled: bool
    lead_days: str


class ClockFormDialog(FormDialog[T, R]):
    """A form dialog that grows to fit when a problem or a help text appears (word-
    wrapped labels need their height for the dialog's width, which Qt's minimum size
    does not allow for), so no field is ever hidden behind the buttons."""

    def fit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def show_errors(self, fields: Mapping[str, str], summary: str) -> None:
        super().show_errors(fields, summary)
        self.fit()


class RecordEventDialog(ClockFormDialog[EventForm, RecordedEvent]):
    """What happened and when; the extra fields follow the event type. Opened from a
    milestone, the event that completes it is chosen already."""

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        milestone: TimelineItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.warnings: list[str] = []
        self.ui = Ui_RecordEventDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.types = {kind.id: kind for kind in backend.clock.event_types()}
        fill_combo(ui.typeCombo, [(k, v.label) for k, v in self.types.items()], "")
        today = qdate(backend.today())
        ui.dateEdit.setMaximumDate(today)
        ui.dateEdit.setDate(today)
        ui.confirmDatesCheck.hide()
        self.extra_widgets: dict[str, QWidget] = {}
        # the dates a request sets: in the dialog's own column (a row of the extras'
        # form layout was given less height than its lines and cut the last one off)
        # one plain label a line: a word-wrapped rich-text label was given one line too
        # few and the last date was cut off
        self.projection = QWidget()
        self.projection.setAccessibleName("Dates this request sets")
        self.projection_lines = QVBoxLayout(self.projection)
        self.projection_lines.setContentsMargins(0, 0, 0, 0)
        self.projection_lines.setSpacing(2)
        self.projection.hide()
        ui.mainLayout.insertWidget(ui.mainLayout.indexOf(ui.extrasLayout) + 1, self.projection)
        self.fields = {
            "type": ui.typeCombo,
            "date": ui.dateEdit,
            "evidence": ui.evidenceEdit,
            "confirm_dates": ui.confirmDatesCheck,
        }
        self._finish_setup()
        ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        ui.dateEdit.dateChanged.connect(self._show_projection)
        if milestone is not None and milestone.completed_by:
            ui.milestoneLabel.setText(f"For: {milestone.title} (due {uk_date(milestone.due)})")
            ui.typeCombo.setCurrentIndex(ui.typeCombo.findData(milestone.completed_by[0]))
            for name, value in milestone.completed_with.items():
                widget = self.extra_widgets.get(name)
                if isinstance(widget, QLineEdit):
                    widget.setText(str(value))
        else:
            ui.milestoneLabel.hide()
        self.resize(560, self.sizeHint().height())

    def _type_changed(self, _index: int) -> None:
        layout = self.ui.extrasLayout
        for name in list(self.extra_widgets):
            self.fields.pop(name, None)
        while layout.rowCount():
            layout.removeRow(0)
        self.extra_widgets = {}
        kind = self.types.get(self.ui.typeCombo.currentData() or "")
        for extra in kind.extras if kind else ():
            widget: QWidget
            if extra.kind == "choice":
                combo = QComboBox()
                names = extra.choice_labels
                fill_combo(
                    combo, [(c, names.get(c, c.replace("_", " "))) for c in extra.choices], ""
                )
                widget = combo
            elif extra.kind == "date":
                edit = QDateEdit()
                edit.setDisplayFormat("dd/MM/yyyy")
                edit.setCalendarPopup(True)
                edit.setDate(qdate(self.backend.today()))
                widget = edit
            elif extra.kind == "bool":
                widget = QCheckBox(extra.label)
                widget.setChecked(extra.default is not False)
            else:
                widget = QLineEdit()
            widget.setAccessibleName(extra.label)
            label = QLabel(extra.label + ("" if extra.required else " (optional)"))
            label.setBuddy(widget)
            layout.addRow(label, widget)
            self.extra_widgets[extra.name] = widget
            self.fields[extra.name] = widget
        self.projection.setVisible(bool(kind and kind.id == "request_received"))
        self._show_projection()
        self.fit()

    def _show_projection(self, *_args: Any) -> None:
        if self.projection.isHidden():
            return
        received = self.ui.dateEdit.date().toPython()
        assert isinstance(received, date)
        lines = [f"If this request was received on {uk_date(received)}, the law sets:"]
        for p in self.backend.clock.request_projection(received):
            lines.append(
                f"• {p.title}: <b>{uk_date(p.due)}</b>"
                + ("" if p.milestone == "decide_to_assess" else " if the council decides to assess")
            )
        while (item := self.projection_lines.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.setParent(None)
                widget.deleteLater()
        for line in lines:
            label = QLabel(line)
            label.setTextFormat(Qt.TextFormat.RichText)
            # a rich-text label's minimum is below its one line: keep the whole line
            label.setMinimumHeight(label.sizeHint().height())
            self.projection_lines.addWidget(label)
        self.projection_text = "\n".join(lines)
        # the layout takes in the new rows on the next turn of the event loop, and
        # would then squeeze them to its minimum: grow to its full height after that
        QTimer.singleShot(0, self._grow_to_hint)

    def _grow_to_hint(self) -> None:
        hint = self.sizeHint()
        if hint.height() > self.height():
            self.resize(max(self.width(), hint.width()), hint.height())

    def values(self) -> EventForm:
        ui = self.ui
        details: dict[str, DetailInput] = {
            name: widget_value(widget) for name, widget in self.extra_widgets.items()
        }
        return EventForm(
            type_id=ui.typeCombo.currentData() or "",
            when=pydate(ui.dateEdit.date()),
            details=details,
            evidence=ui.evidenceEdit.text() or None,
            confirm_dates=ui.confirmDatesCheck.isChecked(),
        )

    def save_work(self, values: EventForm) -> Callable[[], RecordedEvent]:
        child_id, clock = uuid.UUID(self.child_id), self.backend.clock
        return lambda: clock.record_event(
            child_id,
            values.type_id,
            values.when,
            values.details,
            evidence=values.evidence,
            confirm_dates=values.confirm_dates,
        )

    def _saved(self, result: RecordedEvent) -> None:
        self.warnings = list(result.warnings)
        super()._saved(result)

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        if isinstance(error, ValidationFailed) and ORDER_HINT in error.message:
            # the date comes before the event it follows: the caseworker may confirm it
            self.ui.confirmDatesCheck.show()
            self.ui.confirmDatesCheck.setFocus()
            self.fit()


class ExceptionDialog(ClockFormDialog[ExceptionForm, RecordedEvent]):
    """An exception the council relies on for one milestone: only the reasons the
    regulations allow for that milestone are offered, and evidence is required."""

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        milestone: TimelineItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.milestone = milestone
        self.ui = Ui_ExceptionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.reasons = {r.id: r for r in milestone.exception_reasons}
        fill_combo(
            ui.reasonCombo, [(r.id, f"{r.label} ({r.source})") for r in self.reasons.values()], ""
        )
        ui.milestoneLabel.setText(
            f"<b>{milestone.title}</b>: due {uk_date(milestone.due)} ({milestone.source})"
        )
        today = qdate(backend.today())
        ui.dateEdit.setMaximumDate(today)
        ui.dateEdit.setDate(today)
        ui.evidenceEdit.setMinimumHeight(80)
        ui.evidenceEdit.setMaximumHeight(120)
        ui.reasonHelpLabel.hide()
        self.fields = {
            "reason": ui.reasonCombo,
            "date": ui.dateEdit,
            "evidence": ui.evidenceEdit,
        }
        self._finish_setup()
        ui.reasonCombo.currentIndexChanged.connect(self._reason_changed)
        self.resize(580, self.sizeHint().height())

    def _reason_changed(self, _index: int) -> None:
        reason = self.reasons.get(self.ui.reasonCombo.currentData() or "")
        self.ui.reasonHelpLabel.setVisible(reason is not None)
        if reason is not None:
            self.ui.reasonHelpLabel.setText(reason.meaning)
            self.fit()

    def values(self) -> ExceptionForm:
        ui = self.ui
        return ExceptionForm(
            reason=ui.reasonCombo.currentData(),
            when=pydate(ui.dateEdit.date()),
            evidence=ui.evidenceEdit.toPlainText(),
        )

    def save_work(self, values: ExceptionForm) -> Callable[[], RecordedEvent]:
        child_id, milestone = uuid.UUID(self.child_id), self.milestone.milestone
        clock = self.backend.clock
        return lambda: clock.record_exception(
            child_id, milestone, values.reason, values.evidence, values.when
        )


class ApologyDialog(ClockFormDialog[str, RecordedEvent]):
    """For each missed deadline in turn: record that the family is owed an apology
    letter, with the reason, skip it, or stop for now."""

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        missed: Sequence[DeadlineRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.missed = list(missed)
        self.position = 0
        self.recorded: list[DeadlineRow] = []
        self.ui = Ui_ApologyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.reasonEdit.setMinimumHeight(80)
        ui.reasonEdit.setMaximumHeight(120)
        self.fields = {"reason": ui.reasonEdit}
        self._finish_setup()
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Record apology letter needed")
        save.setAccessibleName("Record that an apology letter is needed")
        self.skip_button = ui.buttonBox.addButton(
            "S&kip this one", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.skip_button.setAccessibleName("Skip this one")
        self.skip_button.clicked.connect(self.skip)
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("&Not now")
        cancel.setAccessibleName("Not now")
        self._show_current()
        self.resize(560, self.sizeHint().height())

    @property
    def current(self) -> DeadlineRow | None:
        return self.missed[self.position] if self.position < len(self.missed) else None

    def _show_current(self) -> None:
        row = self.current
        if row is None:
            self.accept()
            return
        self.clear_errors()
        self.ui.reasonEdit.clear()
        self.ui.missedLabel.setText(
            f"<b>{row.child_name}</b>: the deadline “{row.title}” was due on "
            f"<b>{uk_date(row.due)}</b> and is still not met ({row.source})."
        )
        self.ui.progressLabel.setText(f"Missed deadline {self.position + 1} of {len(self.missed)}")
        self.ui.reasonEdit.setFocus()

    def skip(self) -> None:
        self.position += 1
        self._show_current()

    def values(self) -> str:
        """Why the deadline was missed (the family reads it)."""
        return self.ui.reasonEdit.toPlainText()

    def save_work(self, values: str) -> Callable[[], RecordedEvent]:
        row = self.current
        assert row is not None
        clock = self.backend.clock
        return lambda: clock.record_apology(row.child_id, row.milestone, row.due, values)

    def _saved(self, result: RecordedEvent) -> None:
        self._set_busy(False)
        row = self.current
        if row is not None:
            self.recorded.append(row)
        self.position += 1
        self._show_current()


class ReminderSettingsDialog(ClockFormDialog[ReminderChoice, list[int]]):
    """Desktop reminders on or off, and how many days before a deadline they come."""

    def __init__(self, settings: AppSettings, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.settings = settings
        self.ui = Ui_ReminderSettingsDialog()
        self.ui.setupUi(self)
        self.ui.enabledCheck.setChecked(settings.reminders_enabled)
        self.ui.leadEdit.setText(", ".join(str(day) for day in settings.reminder_lead_days))
        self.fields = {"enabled": self.ui.enabledCheck, "lead_days": self.ui.leadEdit}
        self._finish_setup()
        self.resize(480, self.sizeHint().height())

    def values(self) -> ReminderChoice:
        return ReminderChoice(self.ui.enabledCheck.isChecked(), self.ui.leadEdit.text())

    def save_work(self, values: ReminderChoice) -> Callable[[], list[int]]:
        def work() -> list[int]:
            try:
                days = parse_lead_days(values.lead_days)
            except ValueError as error:
                raise ValidationFailed(str(error), {"lead_days": str(error)}) from None
            if values.enabled and not days:
                message = "give at least one number of days (0 is the day it is due)"
                raise ValidationFailed(message, {"lead_days": message})
            return days

        return work

    def _saved(self, result: list[int]) -> None:
        self.settings.reminders_enabled = bool(self.ui.enabledCheck.isChecked())
        self.settings.reminder_lead_days = list(result)
        self.settings.sync()
        super()._saved(result)
