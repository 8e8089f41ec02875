"""The plan audit form: the issued plan summarised section by section, the checker's
results, the manual criteria with their section and weight, pre-filled with the grade
the checker's results suggest, and the overall grade worked out live by the rule.

Saving goes through ``ops.run_change`` (FormDialog): an error is shown on the form and
nothing typed is lost. A moderation (``moderates_id``) is blind: the form never shows
the first audit.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from send_desk.backend import Backend
from send_desk.backend.labels import grade_label
from send_desk.backend.plan_audit_models import NewPlanAudit, PlanAuditForm, PlanAuditSummary
from send_desk.backend.supervision_models import Grade, NoteRef
from send_desk.gui.dialogs import FormDialog, pydate, qdate
from send_desk.gui.formatting import note_ref_text, uk_date
from send_desk.gui.forms.ui_plan_audit_dialog import Ui_PlanAuditDialog
from send_desk.gui.lock import exec_through_lock
from send_desk.gui.ops import Ops
from send_desk.gui.screen_fit import fit_to_screen
from send_desk.plans import SECTION_ORDER, SECTION_TITLES, Plan
from send_desk.plans.document import section_parts

PLAN_KIND_LABELS = {
    "draft": "Draft plan",
    "final": "Final plan",
    "amendment": "Proposed amendment",
    "amended": "Amended final plan",
}


def plan_summary_text(plan: Plan, kind: str) -> str:
    """The plan as plain text, each section headed, for reading beside the form."""
    lines: list[str] = []
    for code in SECTION_ORDER:
        lines.append(f"{code}: {SECTION_TITLES[code]}")
        for part in section_parts(plan, code, kind):
            if part.table is not None:
                for row in part.table.rows:
                    cells = (f"{h}: {c}" for h, c in zip(part.table.headers, row, strict=False))
                    lines.append("  • " + "; ".join(c for c in cells if not c.endswith(": ")))
            elif part.text:
                lines.append(("  • " if part.kind == "bullet" else "  ") + part.text)
        lines.append("")
    return "\n".join(lines).rstrip()


def plan_ref_text(note: NoteRef) -> str:
    """'Draft plan issued on 07/12/2026 – Jay Example' (a plan version a moderation
    list names as a note is named), or the case note's words."""
    kind = (note.kind or "").removeprefix("plan_")
    if kind not in PLAN_KIND_LABELS:
        return note_ref_text(note)
    when = f" issued on {uk_date(note.occurred_on)}" if note.occurred_on else ""
    return f"{PLAN_KIND_LABELS[kind]}{when} – {note.child_name}"


def section_name(section: str) -> str:
    return "The whole plan" if section == "plan" else f"Section {section}"


class PlanAuditDialog(FormDialog[NewPlanAudit, PlanAuditSummary]):
    """The frame is the Designer form ``ui/plan_audit_dialog.ui``; the criteria rows are
    added from the form data (the rubric is data)."""

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        form: PlanAuditForm,
        grades: Sequence[Grade],
        *,
        moderates_id: uuid.UUID | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.backend = backend
        self.form = form
        self.moderates_id = moderates_id
        self.ui = Ui_PlanAuditDialog()
        self.ui.setupUi(self)
        title = "Moderate a plan audit (blind)" if moderates_id else "Audit an EHC plan"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        kind = PLAN_KIND_LABELS.get(form.kind, form.kind)
        self.ui.headLabel.setText(
            f"<b>{html.escape(form.child_name)}</b> — {html.escape(kind)}, version "
            f"{form.version}, issued {form.issued_on:%d/%m/%Y} by "
            f"{html.escape(form.author or form.caseworker or 'no author recorded')}"
        )
        self.ui.planText.setPlainText(plan_summary_text(form.plan, form.kind))
        for item in form.automatic:
            if not item.applies:
                continue
            mark = "✔" if item.passed else "✘"
            line = QLabel(
                f"{mark} {item.section}: {item.label}"
                + (f" — {item.message}" if item.message else "")
            )
            line.setWordWrap(True)
            line.setAccessibleName(f"{item.label}: {'met' if item.passed else 'not met'}")
            self.ui.automaticLayout.addWidget(line)

        self.grade_boxes: dict[str, QComboBox] = {}
        self.comment_edits: dict[str, QLineEdit] = {}
        for criterion in form.manual:
            combo = QComboBox()
            for grade in grades:
                combo.addItem(grade.label, grade.code)
            combo.setCurrentIndex(max(combo.findData(criterion.suggested), 0))
            combo.setAccessibleName(criterion.label)
            combo.setToolTip(f"{criterion.help}\nSuggested: {grade_label(criterion.suggested)}")
            combo.currentIndexChanged.connect(self._show_overall)
            comment = QLineEdit()
            comment.setPlaceholderText("Comment (optional)")
            comment.setAccessibleName(f"Comment on {criterion.label}")
            self.grade_boxes[criterion.id] = combo
            self.comment_edits[criterion.id] = comment
            label = QLabel(
                f"{criterion.label}<br><small>{section_name(criterion.section)}, weight "
                f"{criterion.weight:g}; suggested {grade_label(criterion.suggested)}</small>"
            )
            label.setWordWrap(True)
            label.setBuddy(combo)
            self.ui.manualLayout.addRow(label, combo)
            self.ui.manualLayout.addRow("", comment)

        soon = (today or date.today()) + timedelta(days=10)
        self.ui.dueEdit.setDate(qdate(soon))
        self.fields = {
            "comments": self.ui.commentsEdit,
            "action": self.ui.actionEdit,
            "action_due": self.ui.dueEdit,
        }
        self._finish_setup()
        self.overall = self.ui.overallLabel
        self._show_overall()

    def grades(self) -> dict[str, str]:
        return {cid: str(combo.currentData()) for cid, combo in self.grade_boxes.items()}

    def set_grades(self, grades: dict[str, str]) -> None:
        for criterion_id, value in grades.items():
            combo = self.grade_boxes[criterion_id]
            combo.setCurrentIndex(combo.findData(value))

    def overall_grade(self) -> str:
        """The grade the rule gives the grades chosen now (what saving will record)."""
        return self.backend.supervision.plan_overall(self.form, self.grades())

    def _show_overall(self) -> None:
        grade = grade_label(self.overall_grade())
        rate = self.form.automatic_rate
        checker = "" if rate is None else f"; the checker's weighted pass rate is {rate:.0%}"
        self.overall.setText(f"Overall grade by the rule: <b>{html.escape(grade)}</b>{checker}")
        self.overall.setAccessibleDescription(f"Overall grade: {grade}")

    def exec(self) -> int:
        """Wait for the answer; the lock may hide the form meanwhile (grades kept)."""
        fit_to_screen(self, QSize(780, 900))
        return exec_through_lock(self)

    def values(self) -> NewPlanAudit:
        action = self.ui.actionEdit.text().strip()
        return NewPlanAudit(
            child_id=self.form.child_id,
            version=self.form.version,
            grades=self.grades(),
            comments=self.ui.commentsEdit.toPlainText(),
            manual_comments={k: e.text() for k, e in self.comment_edits.items() if e.text()},
            action=action,
            action_due=pydate(self.ui.dueEdit.date()) if action else None,
            moderates_id=self.moderates_id,
        )

    def save_work(self, values: NewPlanAudit) -> Callable[[], PlanAuditSummary]:
        supervision = self.backend.supervision
        return lambda: supervision.record_plan_audit(values)
