"""Finalising the plan (the final plan after the draft, or the amended plan after an
amendment notice) and proposing an amendment: the dialogs asking for what each needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from send_desk.backend.caseload_models import SettingChoice
from send_desk.gui.dialogs import pydate, qdate, searchable
from send_desk.gui.forms.ui_plan_amend_dialog import Ui_PlanAmendDialog
from send_desk.gui.forms.ui_plan_finalise_dialog import Ui_PlanFinaliseDialog

# What finalising issues after the latest version of each kind (the service's final_kind)
FINAL_WORDS = {"draft": "the final plan", "amendment": "the amended plan"}


def setting_label(setting: SettingChoice) -> str:
    return setting.name + (f" (URN {setting.urn})" if setting.urn else "")


class PlanFinaliseDialog(QDialog):
    """Asks for the date the plan is finalised on and the school or setting it names."""

    def __init__(
        self,
        today: date,
        settings: Sequence[SettingChoice],
        *,
        amended: bool = False,
        school: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanFinaliseDialog()
        self.ui.setupUi(self)
        ui = self.ui
        what = FINAL_WORDS["amendment" if amended else "draft"]
        title = f"Issue {what}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        after = "the amendment notice" if amended else "the draft plan"
        ui.introLabel.setText(
            f"Issuing {what} after {after}: the plan as it is now (with any changes after "
            "the family's comments), naming the school or setting the child will attend."
        )
        ui.dateEdit.setDate(qdate(today))
        # a setting of the store goes by its URN (the service finds its name); one
        # without a URN, or typed, by its name
        ui.schoolCombo.addItem("", "")
        for setting in settings:
            ui.schoolCombo.addItem(setting_label(setting), setting.urn or setting.name)
        searchable(ui.schoolCombo)
        ui.schoolCombo.setEditText(school)
        line = ui.schoolCombo.lineEdit()
        if line is not None:  # editable in the form
            line.setPlaceholderText("A setting's name or URN")
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Issue final plan" if not amended else "&Issue amended plan")
        ok.setAccessibleName(title)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.schoolCombo.editTextChanged.connect(self._enable)
        self._enable()

    def issue_date(self) -> date:
        return pydate(self.ui.dateEdit.date())

    def school(self) -> str:
        """The URN of a setting chosen from the list, else the name typed."""
        combo = self.ui.schoolCombo
        text = combo.currentText().strip()
        found = combo.findText(text)
        if found > 0:
            return str(combo.itemData(found))
        return text

    def _enable(self, *_args: object) -> None:
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.ui.schoolCombo.currentText().strip()))


class PlanAmendDialog(QDialog):
    """Asks for the date of the amendment notice and why the plan is amended."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanAmendDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.dateEdit.setDate(qdate(today))
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Propose amendment")
        ok.setAccessibleName("Propose the amendment")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.reasonEdit.textChanged.connect(self._enable)
        self._enable()

    def issue_date(self) -> date:
        return pydate(self.ui.dateEdit.date())

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()

    def _enable(self) -> None:
        # the reason is required: the notice tells the family why
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))


__all__ = ["FINAL_WORDS", "PlanAmendDialog", "PlanFinaliseDialog", "setting_label"]
