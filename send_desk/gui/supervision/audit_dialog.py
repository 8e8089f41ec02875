"""The audit form: the note as saved, the checker's results, the manual criteria graded.

The overall grade is computed by the rule kept as data (shown after saving); a
moderation (``moderates_id``) is blind: the form never shows the first audit.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from send_desk.backend.supervision_models import AuditForm, Grade, NewAudit
from send_desk.gui.formatting import note_kind_label
from send_desk.gui.forms.ui_audit_dialog import Ui_AuditDialog
from send_desk.gui.lock import exec_through_lock
from send_desk.gui.screen_fit import fit_to_screen


class AuditDialog(QDialog):
    """The frame is the Designer form ``ui/audit_dialog.ui``; the criteria rows are added
    from the form data (the rubric is data, so the criteria are not known in Designer)."""

    def __init__(
        self,
        form: AuditForm,
        grades: Sequence[Grade],
        *,
        moderates_id: uuid.UUID | None = None,
        sample_id: uuid.UUID | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditDialog()
        self.ui.setupUi(self)
        self.form = form
        self.moderates_id = moderates_id
        self.sample_id = sample_id
        title = "Moderate an audit (blind)" if moderates_id else "Audit a case note"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        kind = note_kind_label(form.kind)
        when = f"{form.occurred_at:%Y-%m-%d %H:%M}" if form.occurred_at else ""
        self.ui.headLabel.setText(
            f"<b>{html.escape(kind)}</b> on {when} — "
            f"{html.escape(form.child_name)} — by "
            f"{html.escape(form.caseworker or 'no caseworker recorded')} "
            f"(version {form.version})"
        )
        self.ui.noteText.setPlainText(f"Purpose: {form.purpose}\n\n{form.body}")
        for item in form.automatic:
            if not item.applies:
                continue
            # A wrapping line, not a check box: a check box's text never wraps, and one
            # long message made the form wider than a laptop's screen.
            mark = "✔" if item.passed else "✘"
            line = QLabel(f"{mark} {item.label}" + (f" — {item.message}" if item.message else ""))
            line.setWordWrap(True)
            line.setAccessibleName(f"{item.label}: {'met' if item.passed else 'not met'}")
            self.ui.automaticLayout.addWidget(line)

        self.grade_boxes: dict[str, QComboBox] = {}
        self.comment_edits: dict[str, QLineEdit] = {}
        for criterion in form.manual:
            combo = QComboBox()
            combo.addItem("Choose a grade…", None)
            for grade in grades:
                combo.addItem(grade.label, grade.code)
            combo.setAccessibleName(criterion.label)
            combo.setToolTip(criterion.help)
            comment = QLineEdit()
            comment.setPlaceholderText("Comment (optional)")
            comment.setAccessibleName(f"Comment on {criterion.label}")
            self.grade_boxes[criterion.id] = combo
            self.comment_edits[criterion.id] = comment
            self.ui.manualLayout.addRow(criterion.label, combo)
            self.ui.manualLayout.addRow("", comment)

        self.comments = self.ui.commentsEdit
        self.action = self.ui.actionEdit
        self.due = self.ui.dueEdit
        self.error = self.ui.errorLabel
        self.buttons = self.ui.buttonBox
        soon = (today or date.today()) + timedelta(days=10)
        self.due.setDate(QDate(soon.year, soon.month, soon.day))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def grades(self) -> dict[str, str]:
        out = {}
        for criterion_id, combo in self.grade_boxes.items():
            value = combo.currentData()
            if value:
                out[criterion_id] = str(value)
        return out

    def exec(self) -> int:
        """Wait for the answer; the lock may hide the form meanwhile (grades kept)."""
        fit_to_screen(self, QSize(760, 900))  # all of a laptop's height, no more
        return exec_through_lock(self)

    def set_grades(self, grades: dict[str, str]) -> None:
        for criterion_id, value in grades.items():
            combo = self.grade_boxes[criterion_id]
            combo.setCurrentIndex(combo.findData(value))

    def values(self) -> NewAudit:
        action = self.action.text().strip()
        qdate = self.due.date()
        return NewAudit(
            note_id=self.form.version_id,
            grades=self.grades(),
            comments=self.comments.toPlainText(),
            manual_comments={k: e.text() for k, e in self.comment_edits.items() if e.text()},
            action=action,
            action_due=date(qdate.year(), qdate.month(), qdate.day()) if action else None,
            moderates_id=self.moderates_id,
            sample_id=self.sample_id,
        )

    def _accept(self) -> None:
        missing = [
            self.grade_boxes[c].accessibleName() for c in self.grade_boxes if c not in self.grades()
        ]
        if missing:
            self.error.setText("Grade every criterion: " + ", ".join(missing))
            return
        self.accept()
