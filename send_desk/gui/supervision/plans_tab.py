"""The Supervision page's Plans tab: issued EHC plan versions to audit, and the audit
of the one chosen (``PlanAuditDialog``).

Each row is an issued version (draft, final, amendment, amended) with its child,
issue date and author, marked audited once a first audit of that version exists, or
"yours" when the signed-in user wrote it or the child is allocated to them (a
colleague audits it). Blank month: every version; a month (YYYY-MM): those issued in it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.labels import grade_label
from send_desk.backend.plan_audit_models import PlanAuditForm, PlanAuditSummary, PlanToAudit
from send_desk.gui.formatting import uk_date
from send_desk.gui.items_model import ItemsModel
from send_desk.gui.supervision.plan_audit_dialog import PLAN_KIND_LABELS, PlanAuditDialog

if TYPE_CHECKING:
    from send_desk.gui.context import AppContext


def audit_state(row: PlanToAudit) -> str:
    if row.audited:
        return "✓ Audited"
    return "Yours: a colleague audits it" if row.yours else "To audit"


class PlansTab(QWidget):
    """Emits ``loaded(rows)`` when the list is on screen and ``saved(summary)`` after an
    audit is recorded."""

    loaded = Signal(int)
    saved = Signal(object)  # PlanAuditSummary

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.dialog_factory: Callable[..., PlanAuditDialog] = PlanAuditDialog  # tests replace it
        self.current_dialog: PlanAuditDialog | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.period = QLineEdit()
        self.period.setPlaceholderText("any month")
        self.period.setAccessibleName("Issued in month (YYYY-MM)")
        self.period.setMaximumWidth(110)
        self.period.returnPressed.connect(self.reload)
        self.team = QLineEdit()
        self.team.setPlaceholderText("all teams")
        self.team.setAccessibleName("Team")
        self.team.setMaximumWidth(140)
        self.team.returnPressed.connect(self.reload)
        self.show_button = QPushButton("S&how plans")
        self.show_button.clicked.connect(self.reload)
        for label, widget in (("Issued in", self.period), ("Team", self.team)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel("Issued EHC plan versions to audit.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # a saved audit is good news: said on the tab (and kept when the list reloads)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("planAuditSaved")
        self.confirmation.setAccessibleName("Last plan audit saved")
        self.confirmation.setStyleSheet(
            "#planAuditSaved { border: 1px solid palette(mid); border-left: 5px solid #2e7d32; "
            "border-radius: 4px; padding: 4px 8px; }"
        )
        self.confirmation.hide()
        layout.addWidget(self.confirmation)
        self.model: ItemsModel[PlanToAudit] = ItemsModel(
            [("Audit", audit_state), ("Child", lambda r: r.child_name),
             ("Version", lambda r: r.version),
             ("Kind", lambda r: PLAN_KIND_LABELS.get(r.kind, r.kind)),
             ("Issued", lambda r: uk_date(r.issued_on)), ("Author", lambda r: r.author),
             ("Caseworker", lambda r: r.caseworker)],
            self,
        )  # fmt: skip
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Issued plans to audit")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setTabKeyNavigation(False)
        for column, width in enumerate((200, 160, 60, 150, 90, 140)):
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(lambda _i: self.audit_selected())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.audit_button = QPushButton("Audit &plan…")
        self.audit_button.setAccessibleName("Audit the selected plan version")
        self.audit_button.clicked.connect(self.audit_selected)
        buttons.addWidget(self.audit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        period = self.period.text().strip() or None
        team = self.team.text().strip() or None
        supervision = self.backend.supervision
        self.ops.run(
            lambda: supervision.plans_to_audit(period=period, team=team), self._show, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None) or str(error)
        self.summary.setText(f"The plans could not be listed: {message}")
        self.context.show_message(f"Plans: {message}")
        self.loaded.emit(-1)

    def _show(self, rows: tuple[PlanToAudit, ...]) -> None:
        self.model.set_rows(rows)
        audited = sum(1 for r in rows if r.audited)
        self.summary.setText(
            f"{len(rows):,} issued plan version{'s' if len(rows) != 1 else ''}, "
            f"{audited:,} audited."
            if rows else "No issued plan versions here yet."
        )  # fmt: skip
        self.summary.setAccessibleName(self.summary.text())
        self.loaded.emit(len(rows))

    def audit_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        if row is None:
            self.context.show_message("Choose a plan version first.")
            return
        form = self.backend.supervision.plan_audit_form(row.child_id, row.version)
        if form.refused:  # the service refuses it too: say why before any grading
            self.context.show_message(form.refused)
            return
        self._open(form)

    def moderate(self, audit_id: uuid.UUID) -> None:
        """Moderate a plan audit, blind: the form shows the plan, never the first grades."""
        form = self.backend.supervision.plan_moderation_form(audit_id)
        if form.refused:
            self.context.show_message(form.refused)
            return
        self._open(form, moderates_id=audit_id)

    def _open(self, form: PlanAuditForm, *, moderates_id: uuid.UUID | None = None) -> None:
        dialog = self.dialog_factory(
            self.backend, self.ops, form, self.backend.supervision.grades(),
            moderates_id=moderates_id, today=self.backend.today(), parent=self,
        )  # fmt: skip
        self.current_dialog = dialog
        if dialog.exec() and dialog.saved_result is not None:
            self._saved(dialog.saved_result)

    def _saved(self, saved: PlanAuditSummary) -> None:
        self.confirmation.setText(
            f"✓ Plan audit saved: {grade_label(saved.overall)}"
            + (" (moderation)" if saved.role == "moderation" else "")
            + f" – {saved.caseworker or 'the caseworker'} will see it."
        )
        self.confirmation.show()
        self.saved.emit(saved)
        self.reload()
