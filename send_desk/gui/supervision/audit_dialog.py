"""The audit form: the note as saved, the checker's results, the manual criteria graded.

The overall grade is computed by the rule kept as data (shown after saving); a
moderation (``moderates_id``) is blind: the form never shows the first audit.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class AuditDialog(QDialog):
    def __init__(
        self,
        form: dict[str, Any],
        grades: list[tuple[str, str]],
        *,
        moderates_id: str | None = None,
        sample_id: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.moderates_id = moderates_id
        self.sample_id = sample_id
        title = "Moderate an audit (blind)" if moderates_id else "Audit a case note"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        head = QLabel(
            f"<b>{form['kind'].replace('_', ' ').capitalize()}</b> on "
            f"{(form['occurred_at'] or '')[:16].replace('T', ' ')} — {form['child_name']} — "
            f"by {form['caseworker'] or 'no caseworker recorded'} (version {form['version']})"
        )
        layout.addWidget(head)
        note = QPlainTextEdit(f"Purpose: {form['purpose']}\n\n{form['body']}")
        note.setReadOnly(True)
        note.setAccessibleName("The note as saved")
        note.setMaximumHeight(140)
        layout.addWidget(note)

        automatic = QGroupBox("Checklist on the saved version (automatic)")
        auto_layout = QVBoxLayout(automatic)
        for item in form["automatic"]:
            if not item["applies"]:
                continue
            box = QCheckBox(item["label"] + (f" — {item['message']}" if item["message"] else ""))
            box.setChecked(bool(item["passed"]))
            box.setEnabled(False)
            auto_layout.addWidget(box)
        layout.addWidget(automatic)

        manual = QGroupBox("Graded by you")
        grid = QFormLayout(manual)
        self.grade_boxes: dict[str, QComboBox] = {}
        self.comment_edits: dict[str, QLineEdit] = {}
        for criterion in form["manual"]:
            combo = QComboBox()
            combo.addItem("Choose a grade…", None)
            for value, label in grades:
                combo.addItem(label, value)
            combo.setAccessibleName(criterion["label"])
            combo.setToolTip(criterion["help"])
            comment = QLineEdit()
            comment.setPlaceholderText("Comment (optional)")
            comment.setAccessibleName(f"Comment on {criterion['label']}")
            self.grade_boxes[criterion["id"]] = combo
            self.comment_edits[criterion["id"]] = comment
            grid.addRow(criterion["label"], combo)
            grid.addRow("", comment)
        layout.addWidget(manual)

        other = QFormLayout()
        self.comments = QPlainTextEdit()
        self.comments.setAccessibleName("Comments")
        self.comments.setMaximumHeight(70)
        self.action = QLineEdit()
        self.action.setAccessibleName("Action for the caseworker")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        soon = (today or date.today()) + timedelta(days=10)
        self.due.setDate(QDate(soon.year, soon.month, soon.day))
        self.due.setAccessibleName("Action due")
        other.addRow("Comments", self.comments)
        other.addRow("Action for the caseworker", self.action)
        other.addRow("Action due", self.due)
        layout.addLayout(other)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00;")
        layout.addWidget(self.error)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.resize(720, 640)

    def grades(self) -> dict[str, str]:
        out = {}
        for criterion_id, combo in self.grade_boxes.items():
            value = combo.currentData()
            if value:
                out[criterion_id] = str(value)
        return out

    def set_grades(self, grades: dict[str, str]) -> None:
        for criterion_id, value in grades.items():
            combo = self.grade_boxes[criterion_id]
            combo.setCurrentIndex(combo.findData(value))

    def values(self) -> dict[str, Any]:
        action = self.action.text().strip()
        qdate = self.due.date()
        return {
            "note_id": self.form["version_id"],
            "grades": self.grades(),
            "comments": self.comments.toPlainText(),
            "manual_comments": {k: e.text() for k, e in self.comment_edits.items() if e.text()},
            "action": action,
            "action_due": date(qdate.year(), qdate.month(), qdate.day()) if action else None,
            "moderates_id": self.moderates_id,
            "sample_id": self.sample_id,
        }

    def _accept(self) -> None:
        missing = [
            self.grade_boxes[c].accessibleName() for c in self.grade_boxes if c not in self.grades()
        ]
        if missing:
            self.error.setText("Grade every criterion: " + ", ".join(missing))
            return
        self.accept()
