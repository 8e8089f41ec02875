"""Edit dialogs built from the Designer forms in ui/ (kept as ``self.ui``).

Every save goes through the backend (and so the service layer) in a background op.
A validation failure marks each field it names, says why next to the form's top and
in the field's tooltip, and saves nothing: the dialog stays open with what was typed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from send_desk.backend import Backend, ServiceError, StoreProblem, ValidationFailed
from send_desk.backend.caseload_models import (
    CaseworkerChoice,
    ChildChanges,
    ChildDetail,
    FamilyMember,
    FamilyMemberChanges,
    NewChild,
    NewFamilyMember,
    SettingChoice,
    family_fields,
)
from send_desk.backend.labels import (
    CONTACT_LABELS,
    FIELD_LABELS,
    NEEDS,
    RELATIONSHIP_LABELS,
    SEX_LABELS,
    ethnicities,
    field_label,
    upn_unknown_reasons,
)
from send_desk.domain.school_year import nc_year_label
from send_desk.gui.forms.ui_allocation_dialog import Ui_AllocationDialog
from send_desk.gui.forms.ui_child_dialog import Ui_ChildDialog
from send_desk.gui.forms.ui_family_member_dialog import Ui_FamilyMemberDialog
from send_desk.gui.forms.ui_placement_dialog import Ui_PlacementDialog
from send_desk.gui.ops import Ops

log = logging.getLogger(__name__)

T = TypeVar("T")  # what a form holds, typed: the facade's input it saves
R = TypeVar("R")  # what saving it gives back (``saved_result``)

# A red that reads on light and dark palettes; the message also says it in words.
INVALID_STYLE = "border: 2px solid #d32f2f; border-radius: 3px;"
ERROR_LABEL_STYLE = (
    "#errorLabel { border: 1px solid #d32f2f; border-left: 5px solid #d32f2f; "
    "border-radius: 3px; padding: 6px 8px; }"
)


def qdate(value: date | None) -> QDate:
    if value is None:
        return QDate.currentDate()
    return QDate(value.year, value.month, value.day)


def qdatetime(value: datetime) -> QDateTime:
    """A wall-clock time as Qt shows it (field by field: PySide6's stubs do not all
    take a Python datetime)."""
    return QDateTime(qdate(value.date()), QTime(value.hour, value.minute, value.second))


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        return pydate(widget.date())
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no value for {type(widget).__name__}")


def set_widget_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QDateEdit):
        widget.setDate(qdate(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))


def fill_combo(combo: QComboBox, items: list[tuple[Any, str]], blank: str | None = None) -> None:
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for value, label in items:
        combo.addItem(label, value)


def searchable(combo: QComboBox) -> None:
    """An editable combo whose typed text filters its items (hundreds of settings)."""
    completer = QCompleter(combo.model(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)


class FormDialog(QDialog, Generic[T, R]):
    """A Designer dialog mapping service field names to widgets, saving through ops:
    ``values()`` reads the form as its typed input ``T``, ``save_work`` saves it and
    the result ``R`` is kept as ``saved_result``."""

    fields: dict[str, QWidget]

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.saved_result: R | None = None
        self.errors: dict[str, str] = {}

    def _finish_setup(self) -> None:
        ui: Any = getattr(self, "ui")  # noqa: B009 - set by the subclass before this call
        self.error_label = ui.errorLabel
        self.error_label.setStyleSheet(ERROR_LABEL_STYLE)
        self.error_label.hide()
        self.button_box: QDialogButtonBox = ui.buttonBox
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        save = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setAccessibleName("Save")
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        for name, widget in self.fields.items():
            if not widget.accessibleName():
                widget.setAccessibleName(FIELD_LABELS.get(name, name))

    def _widget_values(self) -> dict[str, Any]:
        """Each field's widget value by its field name. Private: a dialog's ``values()``
        turns them into its typed input (a dataclass checks the names), and only that
        crosses to the backend."""
        return {name: widget_value(widget) for name, widget in self.fields.items()}

    def values(self) -> T:
        raise NotImplementedError

    def set_values(self, data: Mapping[str, Any]) -> None:
        for name, widget in self.fields.items():
            if name in data:
                set_widget_value(widget, data[name])

    def save_work(self, values: T) -> Callable[[], R]:
        raise NotImplementedError

    def save(self) -> None:
        self.clear_errors()
        work = self.save_work(self.values())
        self._set_busy(True)
        # a result that knows what it changed (an event, a callback...) is published
        self.ops.run_change(work, self._saved, self._failed)

    def _set_busy(self, busy: bool) -> None:
        for button in self.button_box.buttons():
            button.setEnabled(not busy)

    def _saved(self, result: R) -> None:
        self._set_busy(False)
        self.saved_result = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            self.show_errors(error.fields or {"": error.message}, error.message)
        elif isinstance(error, ServiceError | StoreProblem):
            self.show_errors({}, error.message)
        else:
            log.error("saving failed", exc_info=error)
            self.show_errors(
                {}, f"Nothing was saved: something went wrong inside SEND Desk ({error})."
            )

    # ---- marking fields

    def _guess_field(self, message: str) -> str | None:
        """A form-level reason ('a looked-after child needs their placing authority...')
        belongs to the field it talks about."""
        text = message.lower()
        best = None
        for name in self.fields:
            label = field_label(name).lower()
            if label and label in text and (best is None or len(label) > len(field_label(best))):
                best = name
        for word, name in (
            ("phone", "phone"),
            ("email", "email"),
            ("address", "address"),
            ("language", "language"),
            ("interpreter", "language"),
        ):
            if best is None and word in text and name in self.fields:
                best = name
        return best

    def show_errors(self, fields: Mapping[str, str], summary: str) -> None:
        marked: dict[str, str] = {}
        lines = []
        for name, reason in fields.items():
            target = name if name in self.fields else self._guess_field(reason)
            if target:
                marked[target] = reason
            label = field_label(name) if name in self.fields else ""
            lines.append(
                f"{label}: {reason}"
                if label and not reason.lower().startswith(label.lower())
                else reason[:1].upper() + reason[1:]
            )
        if not lines:
            lines = [summary]
        self.errors = marked
        for name, reason in marked.items():
            widget = self.fields[name]
            widget.setProperty("invalid", True)
            widget.setStyleSheet(INVALID_STYLE)
            widget.setToolTip(reason)
            widget.setAccessibleDescription(f"Problem: {reason}")
        self.error_label.setText(
            "⚠ Nothing was saved. Please fix:\n" + "\n".join(f"• {line}" for line in lines)
        )
        self.error_label.setAccessibleDescription(self.error_label.text())
        self.error_label.show()
        if marked:
            first = next(iter(self.fields[name] for name in self.fields if name in marked))
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for name in self.errors:
            widget = self.fields[name]
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")
            widget.setToolTip("")
            widget.setAccessibleDescription("")
        self.errors = {}
        self.error_label.hide()
        self.error_label.clear()

    def is_marked(self, name: str) -> bool:
        return bool(self.fields[name].property("invalid"))


class ChildDialog(FormDialog[NewChild | ChildChanges, str]):
    """Add a child (``child=None``) or edit one (``child`` is its detail)."""

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child: ChildDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.child = child
        self.ui = Ui_ChildDialog()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.sexCombo, [(code, label) for code, label in SEX_LABELS.items()])
        fill_combo(ui.ethnicityCombo, ethnicities(), "Not recorded")
        searchable(ui.ethnicityCombo)  # 108 codes: type "Somali" or "BSOM"
        fill_combo(ui.upnUnknownCombo, upn_unknown_reasons(), "Not needed, or not yet known")
        fill_combo(
            ui.primaryNeedCombo, [(c, f"{c} – {label}") for c, label in NEEDS], "Not yet known"
        )
        fill_combo(ui.secondaryNeedCombo, [(c, f"{c} – {label}") for c, label in NEEDS], "None")
        fill_combo(
            ui.yearGroupCombo,
            [(y, nc_year_label(y)) for y in range(-2, 15)],
            "Worked out from the date of birth",
        )
        ui.dateOfBirthEdit.setMaximumDate(qdate(backend.today()))
        self.fields = {
            "first_name": ui.firstNameEdit,
            "last_name": ui.lastNameEdit,
            "preferred_name": ui.preferredNameEdit,
            "date_of_birth": ui.dateOfBirthEdit,
            "sex": ui.sexCombo,
            "upn": ui.upnEdit,
            "ethnicity": ui.ethnicityCombo,
            "uln": ui.ulnEdit,
            "upn_unknown_reason": ui.upnUnknownCombo,
            "address": ui.addressEdit,
            "postcode": ui.postcodeEdit,
            "home_language": ui.homeLanguageEdit,
            "primary_need": ui.primaryNeedCombo,
            "secondary_need": ui.secondaryNeedCombo,
            "nc_year_override": ui.yearGroupCombo,
            "looked_after": ui.lookedAfterCheck,
            "placing_authority": ui.placingAuthorityEdit,
        }
        self._finish_setup()
        ui.lookedAfterCheck.toggled.connect(ui.placingAuthorityEdit.setEnabled)
        if child is not None:
            self.setWindowTitle(f"Edit {child.full_name}")
            self.set_values(child.field_values())
        else:
            self.setWindowTitle("Add a child or young person")
            ui.sexCombo.setCurrentIndex(ui.sexCombo.findData("U"))
            ui.dateOfBirthEdit.setDate(qdate(backend.today()).addYears(-8))
        ui.placingAuthorityEdit.setEnabled(ui.lookedAfterCheck.isChecked())
        self.resize(540, self.sizeHint().height())

    def values(self) -> NewChild | ChildChanges:
        if self.child is None:
            return NewChild(**self._widget_values())
        return ChildChanges(**self._widget_values())

    def save_work(self, values: NewChild | ChildChanges) -> Callable[[], str]:
        """Saves the child; gives their id (hex)."""
        caseload = self.backend.caseload
        if isinstance(values, NewChild):
            return lambda: caseload.create_child(values).hex
        child_id = self.child.id if self.child is not None else None
        assert child_id is not None  # ChildChanges only when editing a child

        def update() -> str:
            caseload.update_child(child_id, values)
            return child_id.hex

        return update


class FamilyMemberDialog(FormDialog[NewFamilyMember | FamilyMemberChanges, object]):
    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        member: FamilyMember | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.member = member
        self.ui = Ui_FamilyMemberDialog()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.relationshipCombo, list(RELATIONSHIP_LABELS.items()))
        fill_combo(ui.preferredContactCombo, list(CONTACT_LABELS.items()))
        self.fields = {
            "name": ui.nameEdit,
            "relationship": ui.relationshipCombo,
            "parental_responsibility": ui.parentalResponsibilityCheck,
            "main_contact": ui.mainContactCheck,
            "phone": ui.phoneEdit,
            "email": ui.emailEdit,
            "address": ui.addressEdit,
            "postcode": ui.postcodeEdit,
            "preferred_contact": ui.preferredContactCombo,
            "language": ui.languageEdit,
            "interpreter_needed": ui.interpreterCheck,
            "independent_interpreter": ui.independentInterpreterCheck,
            "easy_read": ui.easyReadCheck,
            "large_print": ui.largePrintCheck,
            "notes": ui.notesEdit,
        }
        ui.notesEdit.setMaximumHeight(110)
        self._finish_setup()
        ui.independentInterpreterCheck.toggled.connect(
            lambda on: ui.interpreterCheck.setChecked(True) if on else None
        )
        if member is not None:
            self.setWindowTitle(f"Edit {member.name}")
            self.set_values(family_fields(member))
        else:
            self.setWindowTitle("Add a family member or contact")
        self.resize(540, self.sizeHint().height())

    def values(self) -> NewFamilyMember | FamilyMemberChanges:
        if self.member is None:
            return NewFamilyMember(**self._widget_values())
        return FamilyMemberChanges(**self._widget_values())

    def save_work(self, values: NewFamilyMember | FamilyMemberChanges) -> Callable[[], object]:
        caseload = self.backend.caseload
        if isinstance(values, NewFamilyMember):
            child_id = uuid.UUID(self.child_id)
            return lambda: caseload.add_family_member(child_id, values).hex
        assert self.member is not None  # changes only when editing a member
        member_id = self.member.id
        return lambda: caseload.update_family_member(member_id, values)


@dataclass(frozen=True, slots=True)
class PlacementChoice:
    """A new placement as the form holds it (None: no setting chosen, or typed text
    that matches none)."""

    setting_id: uuid.UUID | None
    start_date: date
    provision: str | None  # "sen_unit", "resourced_provision" or None


@dataclass(frozen=True, slots=True)
class AllocationChoice:
    """A new allocation as the form holds it (None: no caseworker chosen)."""

    caseworker_id: uuid.UUID | None
    start_date: date
    reason: str


def _chosen_id(combo: QComboBox) -> uuid.UUID | None:
    """A searchable combo's record id: none when blank or the typed text matches none."""
    if combo.currentText() != combo.itemText(combo.currentIndex()):
        return None
    data = combo.currentData()
    return uuid.UUID(str(data)) if data else None


class PlacementDialog(FormDialog[PlacementChoice, str]):
    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        settings: Sequence[SettingChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.ui = Ui_PlacementDialog()
        self.ui.setupUi(self)
        items = [(s.id.hex, s.name + (f" (URN {s.urn})" if s.urn else "")) for s in settings]
        fill_combo(self.ui.settingCombo, items, "")
        searchable(self.ui.settingCombo)
        self.ui.startDateEdit.setDate(qdate(backend.today()))
        self.ui.startDateEdit.setMaximumDate(qdate(backend.today()))
        # SEN2's SENunitIndicator / ResourcedProvisionIndicator: one choice, never both
        fill_combo(
            self.ui.provisionCombo,
            [
                ("sen_unit", "The setting's SEN unit"),
                ("resourced_provision", "The setting's resourced provision"),
            ],
            "The setting (no SEN unit or resourced provision)",
        )
        self.fields = {
            "setting_id": self.ui.settingCombo,
            "start_date": self.ui.startDateEdit,
            "provision": self.ui.provisionCombo,
        }
        self._finish_setup()

    def values(self) -> PlacementChoice:
        return PlacementChoice(
            _chosen_id(self.ui.settingCombo),
            pydate(self.ui.startDateEdit.date()),
            self.ui.provisionCombo.currentData() or None,
        )

    def save_work(self, values: PlacementChoice) -> Callable[[], str]:
        child_id, place = uuid.UUID(self.child_id), self.backend.caseload.place
        return lambda: place(child_id, values.setting_id, values.start_date, values.provision).hex


class AllocationDialog(FormDialog[AllocationChoice, str]):
    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        child_id: str,
        caseworkers: Sequence[CaseworkerChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.child_id = child_id
        self.ui = Ui_AllocationDialog()
        self.ui.setupUi(self)
        items = [(c.id.hex, f"{c.name} ({c.team})") for c in caseworkers]
        fill_combo(self.ui.caseworkerCombo, items, "")
        searchable(self.ui.caseworkerCombo)
        self.ui.startDateEdit.setDate(qdate(backend.today()))
        self.ui.startDateEdit.setMaximumDate(qdate(backend.today()))
        self.fields = {
            "caseworker_id": self.ui.caseworkerCombo,
            "start_date": self.ui.startDateEdit,
            "reason": self.ui.reasonEdit,
        }
        self._finish_setup()

    def values(self) -> AllocationChoice:
        return AllocationChoice(
            _chosen_id(self.ui.caseworkerCombo),
            pydate(self.ui.startDateEdit.date()),
            self.ui.reasonEdit.text() or "",
        )

    def save_work(self, values: AllocationChoice) -> Callable[[], str]:
        child_id, allocate = uuid.UUID(self.child_id), self.backend.caseload.allocate
        worker, start, reason = values.caseworker_id, values.start_date, values.reason
        return lambda: allocate(child_id, worker, start, reason).hex


def save_button(dialog: FormDialog[Any, Any]) -> QAbstractButton:
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Save)
