"""The Supervision page: draw a sample, audit notes, moderate blind, see feedback.

Tabs: **Sample** (period, notes per caseworker, seed, team, weighting; the drawn notes
with why each was drawn; audit the selected note), **Moderation** (audits waiting for a
second, blind grading; agreement and disagreements), **Feedback** (audits of my notes,
or everyone's for a supervisor, with Acknowledge), **Trends** (grades by month and the
criteria most often failed, per team and caseworker; the report as PDF or XLSX), of
case notes or of EHC plans, and **Plans** (issued EHC plan versions to audit, and the
plan audit form).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QAbstractItemModel, QByteArray, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.changes import ChangeKind
from send_desk.backend.labels import criterion_label, grade_label
from send_desk.backend.supervision_models import (
    AuditSummary,
    AuditToModerate,
    Disagreement,
    ModerationReport,
    NewAudit,
    Sample,
    SampleNote,
    SampleRequest,
)
from send_desk.gui.change_watch import ChangeWatch
from send_desk.gui.formatting import note_kind_label, share, uk_date
from send_desk.gui.items_model import ItemsModel
from send_desk.gui.supervision.audit_dialog import AuditDialog
from send_desk.gui.supervision.plan_audit_dialog import plan_ref_text
from send_desk.gui.supervision.plans_tab import PlansTab
from send_desk.gui.supervision.trends import TrendsTab
from send_desk.timeutil import month_start

if TYPE_CHECKING:
    from send_desk.backend.user_models import Me
    from send_desk.gui.context import AppContext


R = TypeVar("R")
Lists = tuple[tuple[AuditToModerate, ...], ModerationReport, tuple[AuditSummary, ...]]


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)
    return view


SAMPLE_KEY = "supervision/sample"


def _audit_state(row: SampleNote) -> str:
    if row.audited:
        return "✓ Audited"
    return "Yours: a colleague audits it" if row.yours else "To audit"


def _made_on(row: AuditSummary) -> str:
    return uk_date(row.made_at.date()) if row.made_at else ""


class SupervisionPage(QWidget):
    loaded = Signal(int)
    saved = Signal(object)  # AuditSummary

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.sample: Sample | None = None
        self.dialog_factory: Callable[..., AuditDialog] = AuditDialog  # tests replace it
        # the lists are audits and notes waiting for moderation
        self.changes_watch = ChangeWatch(
            self,
            context.hub,
            lambda changes: changes.touches(ChangeKind.AUDITS, ChangeKind.NOTES),
            lambda _changes: self.reload(),
            reloads_when_shown=True,
        )
        layout = QVBoxLayout(self)
        title = QLabel("Supervision")
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        # a saved audit is good news: said on the page, never in a warning box
        self.confirmation = QLabel()
        self.confirmation.setObjectName("auditSaved")
        self.confirmation.setAccessibleName("Last audit saved")
        self.confirmation.setStyleSheet(
            "#auditSaved { border: 1px solid palette(mid); border-left: 5px solid #2e7d32; "
            "border-radius: 4px; padding: 4px 8px; }"
        )
        self.confirmation.hide()
        layout.addWidget(self.confirmation)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        # ---- Sample
        sample_tab = QWidget()
        s_layout = QVBoxLayout(sample_tab)
        row = QHBoxLayout()
        self.period = QLineEdit(self._last_month())
        self.period.setAccessibleName("Period (YYYY-MM)")
        self.period.setMaximumWidth(90)
        self.per = QSpinBox()
        self.per.setRange(1, 50)
        self.per.setValue(3)
        self.per.setAccessibleName("Notes per caseworker")
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed.setValue(1)
        self.seed.setAccessibleName("Seed")
        self.team = QLineEdit()
        self.team.setPlaceholderText("all teams")
        self.team.setAccessibleName("Team")
        self.team.setMaximumWidth(140)
        self.weighted = QCheckBox("Weight toward risk")
        self.include_audited = QCheckBox("Include notes already audited")
        self.draw_button = QPushButton("&Draw sample")
        self.draw_button.clicked.connect(self.draw)
        for label, widget in (("Period", self.period), ("Per caseworker", self.per),
                              ("Seed", self.seed), ("Team", self.team)):  # fmt: skip
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.weighted)
        row.addWidget(self.include_audited)
        row.addWidget(self.draw_button)
        row.addStretch(1)
        s_layout.addLayout(row)
        self.sample_summary = QLabel("Choose a month and draw a sample.")
        self.sample_summary.setWordWrap(True)
        s_layout.addWidget(self.sample_summary)
        self.sample_model: ItemsModel[SampleNote] = ItemsModel(
            [("Audit", _audit_state),
             ("Caseworker", lambda r: r.caseworker), ("Kind", lambda r: note_kind_label(r.kind)),
             ("When", lambda r: f"{r.occurred_at:%Y-%m-%d %H:%M}"),
             ("Why drawn", lambda r: r.why)],
            self,
        )  # fmt: skip
        self.sample_view = _table(self.sample_model, "Sampled notes")
        for column, width in enumerate((210, 140, 120, 130)):
            self.sample_view.setColumnWidth(column, width)
        self.sample_view.doubleClicked.connect(lambda _i: self.audit_selected())
        s_layout.addWidget(self.sample_view)
        self.audit_button = QPushButton("&Audit selected note…")
        self.audit_button.clicked.connect(self.audit_selected)
        self.discard_button = QPushButton("D&iscard this sample")
        self.discard_button.setAccessibleName("Discard this sample (the audits made stay)")
        self.discard_button.clicked.connect(self.discard_sample)
        self.discard_button.setEnabled(False)
        sample_buttons = QHBoxLayout()
        sample_buttons.addWidget(self.audit_button)
        sample_buttons.addWidget(self.discard_button)
        sample_buttons.addStretch(1)
        s_layout.addLayout(sample_buttons)
        self.tabs.addTab(sample_tab, "Sample")

        # ---- Moderation
        moderation_tab = QWidget()
        m_layout = QVBoxLayout(moderation_tab)
        m_row = QHBoxLayout()
        m_row.addWidget(QLabel("Audits waiting for a second, blind grading, of"))
        # case notes and EHC plans are moderated (and agree) apart
        self.moderation_subject = QComboBox()
        self.moderation_subject.setAccessibleName("Moderate audits of")
        self.moderation_subject.addItem("Case notes", "note")
        self.moderation_subject.addItem("EHC plans", "plan")
        self.moderation_subject.currentIndexChanged.connect(lambda _i: self.reload())
        m_row.addWidget(self.moderation_subject)
        m_row.addStretch(1)
        m_layout.addLayout(m_row)
        self.pending_model: ItemsModel[AuditToModerate] = ItemsModel(
            [("Audited", lambda r: uk_date(r.made_on)), ("Caseworker", lambda r: r.caseworker),
             ("Auditor", lambda r: r.auditor), ("Note", lambda r: plan_ref_text(r.note))],
            self,
        )  # fmt: skip
        self.pending_view = _table(self.pending_model, "Audits to moderate")
        for column, width in enumerate((100, 160, 160)):
            self.pending_view.setColumnWidth(column, width)
        m_layout.addWidget(self.pending_view)
        self.moderate_button = QPushButton("&Moderate selected (blind)…")
        self.moderate_button.clicked.connect(self.moderate_selected)
        m_layout.addWidget(self.moderate_button)
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        m_layout.addWidget(self.agreement)
        self.disagreements_model: ItemsModel[Disagreement] = ItemsModel(
            [("Note", lambda r: plan_ref_text(r.note)),
             ("Criterion", lambda r: criterion_label(r.criterion)),
             ("Auditor's grade", lambda r: grade_label(r.first)),
             ("Moderator's grade", lambda r: grade_label(r.second))],
            self,
        )  # fmt: skip
        self.disagreements_view = _table(self.disagreements_model, "Disagreements")
        for column, width in enumerate((330, 280, 170)):
            self.disagreements_view.setColumnWidth(column, width)
        m_layout.addWidget(self.disagreements_view)
        self.tabs.addTab(moderation_tab, "Moderation")

        # ---- Feedback
        feedback_tab = QWidget()
        f_layout = QVBoxLayout(feedback_tab)
        self.feedback_label = QLabel("Audits of your notes and plans")
        f_layout.addWidget(self.feedback_label)
        self.feedback_model: ItemsModel[AuditSummary] = ItemsModel(
            [("Audited", _made_on), ("Caseworker", lambda r: r.caseworker),
             ("Grade", lambda r: grade_label(r.overall)),
             ("Not met", lambda r: "; ".join(criterion_label(c) for c in r.automatic_failed)),
             ("Comments", lambda r: r.comments), ("Action", lambda r: r.action),
             ("Acknowledged", lambda r: "Yes" if r.acknowledged else "No"),
             ("Of", lambda r: "EHC plan" if r.subject == "plan" else "Case note")],
            self,
        )  # fmt: skip
        self.feedback_view = _table(self.feedback_model, "Audits of my notes")
        f_layout.addWidget(self.feedback_view)
        buttons = QHBoxLayout()
        self.ack_comment = QLineEdit()
        self.ack_comment.setPlaceholderText("A reply to the auditor (optional)")
        self.ack_comment.setAccessibleName("Reply")
        self.ack_button = QPushButton("Ac&knowledge")
        self.ack_button.clicked.connect(self.acknowledge_selected)
        buttons.addWidget(self.ack_comment, 1)
        buttons.addWidget(self.ack_button)
        f_layout.addLayout(buttons)
        self.tabs.addTab(feedback_tab, "Feedback")

        # ---- Trends (loaded when first shown: it is the slowest tab)
        self.trends = TrendsTab(context, self)
        self.tabs.addTab(self.trends, "Trends")

        # ---- Plans (issued EHC plan versions to audit): last, so the tabs before keep
        # their places
        self.plans = PlansTab(context, self)
        self.tabs.addTab(self.plans, "Plans")
        self.tabs.currentChanged.connect(self._tab_changed)

    # ---------------------------------------------------------------- helpers

    @staticmethod
    def _last_month() -> str:
        return f"{month_start(date.today(), 1):%Y-%m}"

    def _me(self) -> Me | None:
        return self.backend.me()

    def page_shown(self) -> None:
        if self.sample is None:
            self._restore_sample()
        self.reload()
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.trends:
            self.trends.page_shown()
        elif self.tabs.widget(index) is self.plans:
            self.plans.reload()

    def reload(self) -> None:
        me = self._me()
        caseworker = me.id if me and me.is_caseworker else None

        supervision = self.backend.supervision
        subject = str(self.moderation_subject.currentData() or "note")

        def work() -> Lists:
            return (
                supervision.to_moderate(subject),
                supervision.moderation_report(subject),
                supervision.audits(caseworker_id=caseworker, role="audit", subject=None),
            )

        self.ops.run(work, self._show_lists, self._failed)
        if self.tabs.currentWidget() is self.plans:
            self.plans.reload()

    def _failed(self, error: BaseException) -> None:
        self.context.show_message(f"Supervision: {getattr(error, 'message', error)}")
        self.loaded.emit(-1)

    def _show_lists(self, data: Lists) -> None:
        pending, report, feedback = data
        self.pending_model.set_rows(pending)
        self.agreement.setText(
            f"{report.pairs} moderated audit{'s' if report.pairs != 1 else ''}: "
            f"agreement {share(report.rate)} ({report.agreed} of {report.items} "
            f"grades), overall grades {share(report.overall_rate)}"
            + (f", Cohen's kappa {report.kappa_overall:.2f}"
               if report.kappa_overall is not None else "")
        )  # fmt: skip
        self.agreement.setAccessibleName(self.agreement.text())
        self.disagreements_model.set_rows(report.disagreements)
        self.feedback_model.set_rows(feedback)
        self.feedback_label.setText(f"Audits ({len(feedback)})")
        self.loaded.emit(len(feedback))

    # ---------------------------------------------------------------- actions

    def draw(self) -> None:
        request = SampleRequest(
            period=self.period.text().strip(),
            per_caseworker=self.per.value(),
            seed=self.seed.value(),
            team=self.team.text().strip() or None,
            weighted=self.weighted.isChecked(),
            include_audited=self.include_audited.isChecked(),
        )
        supervision = self.backend.supervision
        # as saved, with each note marked audited or the user's own
        self.ops.run(lambda: supervision.draw_sample(request), self._show_sample, self._failed)

    # ---- the drawn sample stays (across restarts) until completed or discarded

    def _remember_sample(self, sample_id: uuid.UUID | None) -> None:
        text = str(sample_id) if sample_id else ""
        self.context.ui_state.save(SAMPLE_KEY, QByteArray(text.encode()))

    def _restore_sample(self) -> None:
        saved = self.context.ui_state.load(SAMPLE_KEY)
        sample_id = bytes(saved.data()).decode() if saved is not None else ""
        if sample_id:
            supervision = self.backend.supervision
            self.ops.run(
                lambda: supervision.sample(sample_id),
                self._show_sample,
                lambda _error: self._remember_sample(None),  # gone: start afresh
            )

    def discard_sample(self) -> None:
        self._remember_sample(None)
        self.sample = None
        self.sample_model.set_rows([])
        self.discard_button.setEnabled(False)
        self.sample_summary.setText(
            "Sample discarded (the audits made from it are kept). Choose a month and draw a sample."
        )

    def _show_sample(self, sample: Sample) -> None:
        self.sample = sample
        self.sample_model.set_rows(sample.notes)
        self._remember_sample(sample.sample_id)
        self.discard_button.setEnabled(True)
        parts = [
            f"{len(sample.notes)} notes from {sample.period}, seed {sample.seed}"
            f" ({sample.audited} audited)"
        ]
        parts += [s.reason for s in sample.shortfall]
        parts += sample.messages
        self.sample_summary.setText(". ".join(parts) + ".")
        self.sample_summary.setAccessibleName(self.sample_summary.text())
        self.loaded.emit(len(sample.notes))

    def _selected(self, view: QTableView, model: ItemsModel[R]) -> R | None:
        index = view.currentIndex()
        return model.row(index.row()) if index.isValid() else None

    def audit_selected(self) -> None:
        row = self._selected(self.sample_view, self.sample_model)
        if row is None:
            self.context.show_message("Choose a note in the sample first.")
            return
        sample_id = self.sample.sample_id if self.sample else None
        self._open_form(row.version_id, sample_id=sample_id, moderates_id=None)

    def moderate_selected(self) -> None:
        row = self._selected(self.pending_view, self.pending_model)
        if row is None:
            self.context.show_message("Choose an audit to moderate first.")
            return
        if self.moderation_subject.currentData() == "plan":
            self.plans.moderate(row.audit_id)
            return
        self._open_form(row.version_id, sample_id=None, moderates_id=row.audit_id)

    def _open_form(
        self, note_id: uuid.UUID, *, sample_id: uuid.UUID | None, moderates_id: uuid.UUID | None
    ) -> None:
        form = self.backend.supervision.audit_form(note_id)
        if form.refused:  # the service refuses it too: say why before any grading
            self.context.show_message(form.refused)
            return
        dialog = self.dialog_factory(
            form, self.backend.supervision.grades(), moderates_id=moderates_id,
            sample_id=sample_id, today=self.backend.today(), parent=self,
        )  # fmt: skip
        self.current_dialog = dialog
        if dialog.exec():
            self.save_audit(dialog.values())

    def save_audit(self, audit: NewAudit) -> None:
        def done(saved: AuditSummary) -> None:
            self.confirmation.setText(
                f"✓ Audit saved: {grade_label(saved.overall)}"
                + (" (moderation)" if saved.role == "moderation" else "")
                + f" – {saved.caseworker or 'the caseworker'} will see it in Feedback."
            )
            self.confirmation.show()
            self.saved.emit(saved)  # the lists reload from the changes signal
            if self.sample is not None and saved.sample_id:
                self._refresh_sample(saved.sample_id)

        supervision = self.backend.supervision
        # the AuditSummary carries its Changes (audits, for the note's child)
        self.ops.run_change(lambda: supervision.record_audit(audit), done, self._failed)

    def _refresh_sample(self, sample_id: uuid.UUID) -> None:
        def shown(sample: Sample) -> None:
            if sample.complete:
                self.discard_sample()
                self.sample_summary.setText(
                    f"Sample complete: all {len(sample.notes)} notes are audited. Draw "
                    "the next one when you are ready."
                )
            else:
                self._show_sample(sample)

        supervision = self.backend.supervision
        self.ops.run(lambda: supervision.sample(sample_id), shown, self._failed)

    def acknowledge_selected(self) -> None:
        row = self._selected(self.feedback_view, self.feedback_model)
        if row is None:
            self.context.show_message("Choose an audit to acknowledge first.")
            return
        comment, supervision = self.ack_comment.text(), self.backend.supervision
        self.ops.run(
            lambda: supervision.acknowledge(row.audit_id, comment=comment),
            lambda _saved: self.reload(),
            self._failed,
        )
