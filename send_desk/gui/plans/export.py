"""Exporting the plan from the editor: which version (an issued one, or the working
draft), PDF or Word, where to, and for a PDF whether to append the advice reports
Section K lists as appendices. The file is written off the GUI thread, whole or not at
all; a report that cannot be appended (damaged, password-protected, not on this
laptop) is named in the editor and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from send_desk.backend.plans_models import AdviceNotHere, PlanVersionRow
from send_desk.gui.documents import suggested_path
from send_desk.gui.formatting import uk_date
from send_desk.gui.forms.ui_plan_export_dialog import Ui_PlanExportDialog
from send_desk.gui.plans.signals import notify

if TYPE_CHECKING:
    from send_desk.gui.plans.editor import PlanEditor

FORMATS = (("PDF", ".pdf"), ("Word document (.docx)", ".docx"))
# what each kind of version is called in the list of versions
VERSION_WORDS = {
    "draft": "draft plan",
    "final": "final plan",
    "amendment": "amendment notice",
    "amended": "amended plan",
}
WORD_NOTE = (
    "The advice can be appended only to a PDF: a Word document cannot carry the "
    "reports' pages."
)
PDF_NOTE = (
    "Each advice report Section K lists follows the plan: a PDF page by page, an image "
    "on a page of its own, other files as a page saying they are attached separately."
)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    version: int | None  # None with ``draft``: the working draft; else None is the latest
    draft: bool
    path: Path
    appendices: bool
    allow_missing: bool


class PlanExportDialog(QDialog):
    """Asks what to export and where (see the module docstring)."""

    def __init__(
        self,
        versions: tuple[PlanVersionRow, ...],
        child_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanExportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for row in reversed(versions):
            words = VERSION_WORDS.get(row.kind, row.kind)
            ui.versionCombo.addItem(
                f"Version {row.version}: {words}, issued {uk_date(row.issued_on)}", row.version
            )
        ui.versionCombo.addItem("The working draft (not issued)", None)
        for label, ending in FORMATS:
            ui.formatCombo.addItem(label, ending)
        ui.pathEdit.setText(suggested_path(f"EHC plan {child_name}.pdf"))
        ui.appendicesCheck.setChecked(True)
        ui.formatCombo.currentIndexChanged.connect(self._format_changed)
        ui.appendicesCheck.toggled.connect(self._format_changed)
        ui.pathEdit.textChanged.connect(self._path_changed)
        ui.browseButton.clicked.connect(self._browse)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self._format_changed()

    def _ending(self) -> str:
        return str(self.ui.formatCombo.currentData())

    def _format_changed(self, *_args: object) -> None:
        ui = self.ui
        pdf = self._ending() == ".pdf"
        ui.appendicesCheck.setEnabled(pdf)
        ui.missingCheck.setEnabled(pdf and ui.appendicesCheck.isChecked())
        ui.noteLabel.setText(PDF_NOTE if pdf else WORD_NOTE)
        text = ui.pathEdit.text().strip()
        if text:
            ui.pathEdit.setText(str(Path(text).with_suffix(self._ending())))
        self._path_changed()

    def _path_changed(self, *_args: object) -> None:
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.ui.pathEdit.text().strip()))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the plan", self.ui.pathEdit.text(), f"*{self._ending()}"
        )
        if name:
            self.ui.pathEdit.setText(name)

    def choice(self) -> ExportChoice:
        ui = self.ui
        version = ui.versionCombo.currentData()
        pdf = self._ending() == ".pdf"
        path = Path(ui.pathEdit.text().strip()).expanduser()
        if path.suffix.lower() != self._ending():
            path = path.with_suffix(self._ending())
        return ExportChoice(
            version=int(version) if version is not None else None,
            draft=version is None,
            path=path,
            appendices=pdf and ui.appendicesCheck.isChecked(),
            allow_missing=pdf and ui.appendicesCheck.isChecked() and ui.missingCheck.isChecked(),
        )


def export(editor: PlanEditor) -> None:
    """Ask what to export (the draft saved first), then write it off the GUI thread."""
    editor.draft_timer.stop()
    if not editor.save_draft():
        return
    dialog = PlanExportDialog(editor.versions, editor.child_name, editor)
    editor.export_dialog = dialog
    plans, child_id = editor.backend.plans, editor.child_id

    def answered(code: int) -> None:
        editor.export_dialog = None
        if code != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.choice()

        def work() -> int:
            return plans.export(
                child_id, chosen.path, version=chosen.version, draft=chosen.draft,
                appendices=chosen.appendices, allow_missing=chosen.allow_missing,
            )  # fmt: skip

        def done(_written: int) -> None:
            editor.ui.errorLabel.hide()
            editor.ui.statusLabel.setText(f"Exported the plan to {chosen.path.name}.")
            editor.exported_to = chosen.path
            notify(editor, "exported")

        def failed(error: BaseException) -> None:
            said = getattr(error, "message", None) or str(error)
            if isinstance(error, AdviceNotHere):
                said = (
                    f"{said} Open each report from the child's Documents tab while "
                    "connected (that fetches it), or tick the box for a page saying it is "
                    "sent separately."
                )
            editor.show_error(f"The plan was not exported: {said}")

        editor.ops.run(work, done, failed)

    dialog.finished.connect(answered)
    dialog.open()


__all__ = ["ExportChoice", "PlanExportDialog", "export"]
