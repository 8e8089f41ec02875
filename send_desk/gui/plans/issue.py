"""Issuing the draft plan: the date it is issued on, and the confirmation asked when
criteria of the plan standard are not met (as saving a note with items not met)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from send_desk.gui.dialogs import qdate
from send_desk.gui.formatting import uk_date
from send_desk.gui.forms.ui_plan_issue_dialog import Ui_PlanIssueDialog
from send_desk.plans.checker import PlanItemResult

# The family has at least 15 days to comment on a draft, beginning with the day it is
# served (SEND Regulations 2014 reg 13(1)): the day of issue is day 1, as the clock counts.
COMMENT_DAYS = 15


class PlanIssueDialog(QDialog):
    """Asks for the date the draft plan is issued on (today unless changed)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanIssueDialog()
        self.ui.setupUi(self)
        self.ui.dateEdit.setDate(qdate(today))
        self.ui.dateEdit.dateChanged.connect(self._show_comment_date)
        ok = self.ui.buttons.button(self.ui.buttons.StandardButton.Ok)
        ok.setText("&Issue draft")
        ok.setAccessibleName("Issue the draft plan")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._show_comment_date()

    def issue_date(self) -> date:
        value = self.ui.dateEdit.date().toPython()
        assert isinstance(value, date)
        return value

    def _show_comment_date(self, *_args: object) -> None:
        due = self.issue_date() + timedelta(days=COMMENT_DAYS - 1)
        self.ui.commentsLabel.setText(
            f"The family's comments and their choice of school are due by {uk_date(due)}."
        )


class IssueConfirmation(QMessageBox):
    """Lists the criteria not met; the default is to go back and put them right.
    ``what`` names the version being issued ("the final plan", "the amendment notice")."""

    def __init__(
        self,
        failed: list[PlanItemResult],
        parent: QWidget | None = None,
        *,
        what: str = "the draft plan",
        kept_with: str = "the issued draft",
    ) -> None:
        count = len(failed)
        super().__init__(
            QMessageBox.Icon.Question,
            "Issue with criteria not met?",
            f"{count} criteri{'a' if count != 1 else 'on'} of the plan standard not met:",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        lines = []
        for item in failed:
            lines.append(f"• {item.label or item.id}: " + " ".join(item.details or (item.message,)))
        self.setInformativeText(
            "\n".join(lines)
            + f"\n\nThe criteria not met are kept with {kept_with}, for you and your "
            "supervisor."
        )
        self.issue_button: QPushButton = self.addButton(
            "Issue &anyway", QMessageBox.ButtonRole.AcceptRole
        )
        self.back_button: QPushButton = self.addButton(
            "&Go back and put right", QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.back_button)
        self.setAccessibleName(f"Issue {what} with criteria not met")

    def confirmed(self) -> bool:
        return self.clickedButton() is self.issue_button


class OrderConfirmation(QMessageBox):
    """Says why issuing now is out of the statutory order (no decision to issue on the
    case, no draft before a final plan); the default is to go back."""

    def __init__(self, problem: str, parent: QWidget | None = None, *, what: str) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            "Issue out of order?",
            f"Check before issuing {what}:",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        self.setInformativeText(problem)
        self.issue_button: QPushButton = self.addButton(
            "Issue &anyway", QMessageBox.ButtonRole.AcceptRole
        )
        self.back_button: QPushButton = self.addButton(
            "&Go back", QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.back_button)
        self.setAccessibleName(f"Issue {what} out of order")

    def confirmed(self) -> bool:
        return self.clickedButton() is self.issue_button


class IssuedNotice(QMessageBox):
    """After issuing: what was issued, and what the statutory clock asks the caseworker
    to check (a time limit missed, an order confirmed)."""

    def __init__(self, text: str, warnings: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(
            QMessageBox.Icon.Information,
            "Issued: check the dates",
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        self.setInformativeText(
            "The statutory clock asks you to check:\n" + "\n".join(f"• {w}" for w in warnings)
        )
        self.setAccessibleName("Issued: what the statutory clock asks you to check")
