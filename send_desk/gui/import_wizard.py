"""File > Import caseload…: a team's spreadsheet into the store, checked first.

Pick the file, Check (a dry run in the background: the columns as they were taken and
every problem by row), adjust the columns with "Column=field" pairs if needed, then
Import, which is offered only after a clean check of the same file and columns. All
rows or none, as `send-desk caseload import`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from send_desk.gui.ops import Ops
from send_desk.gui.progress_op import run_with_progress

if TYPE_CHECKING:  # the import loads openpyxl: only when the wizard runs it
    from send_desk.backend.imports import ImportOutcome


@dataclass(frozen=True, slots=True)
class ImportChoice:
    """The file to import, its columns' mapping as typed, and the team it goes to."""

    path: str
    overrides: dict[str, str]  # {column heading: field}
    team: str | None


def parse_map(text: str) -> dict[str, str]:
    """Pairs such as "Birthday=date_of_birth; Notes=ignore" as {column: field}."""
    pairs: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        column, sep, field = part.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValueError(f"'{part.strip()}' is not Column=field")
        pairs[column.strip()] = field.strip()
    return pairs


class ImportCaseloadDialog(QDialog):
    """Emits ``checked(result)`` after each check and ``imported(result)`` when done."""

    checked = Signal(object)  # an ImportOutcome
    imported = Signal(object)

    def __init__(self, backend: Any, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.setWindowTitle("Import caseload")
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("Spreadsheet file")
        self.path_edit.setPlaceholderText("a CSV or XLSX file with a header row")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.map_edit = QLineEdit()
        self.map_edit.setAccessibleName("Columns to map")
        self.map_edit.setPlaceholderText("e.g. Birthday=date_of_birth; Notes=ignore")
        self.team_edit = QLineEdit()
        self.team_edit.setAccessibleName("Team")
        self.team_edit.setPlaceholderText("optional: caseworkers must be in this team")
        form = QFormLayout()
        # a row holding a layout gets no buddy from the form, and its '&' would show
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        form.addRow("&Columns:", self.map_edit)
        form.addRow("&Team:", self.team_edit)

        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(["Column", "Taken as", "How"])
        self.mapping_table.setAccessibleName("How the columns were taken")
        self.problems_list = QListWidget()
        self.problems_list.setAccessibleName("Problems")
        self.summary = QLabel("Choose a file, then Check.")
        self.summary.setWordWrap(True)

        self.check_button = QPushButton("C&heck")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton("&Import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("How the columns were taken:"))
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(QLabel("Problems (nothing is imported until none is left):"))
        layout.addWidget(self.problems_list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.path_edit.textChanged.connect(self._changed)
        self.map_edit.textChanged.connect(self._changed)
        self.team_edit.textChanged.connect(self._changed)
        self.resize(640, 560)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Caseload spreadsheet", "", "Spreadsheets (*.csv *.xlsx)"
        )
        if path:
            self.path_edit.setText(path)

    def _changed(self) -> None:
        # a clean check is for one file and one set of columns
        self.import_button.setEnabled(False)

    def _options(self) -> ImportChoice | None:
        try:
            overrides = parse_map(self.map_edit.text())
        except ValueError as error:
            self.summary.setText(f"Columns: {error}")
            return None
        path = self.path_edit.text().strip()
        if not path:
            self.summary.setText("Choose a file first.")
            return None
        team = self.team_edit.text().strip() or None
        return ImportChoice(path, overrides, team)

    def check(self) -> None:
        self._start(dry_run=True)

    def run_import(self) -> None:
        self._start(dry_run=False)

    def _start(self, *, dry_run: bool) -> None:
        options = self._options()
        if options is None:
            return
        from send_desk.backend.imports import caseload_import

        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)

        def work(progress: Any, cancelled: Any) -> ImportOutcome:
            return caseload_import(
                self.backend,
                options.path,
                overrides=options.overrides,
                team=options.team,
                dry_run=dry_run,
                progress=progress,
                cancelled=cancelled,
            )

        def done(result: ImportOutcome) -> None:
            self.check_button.setEnabled(True)
            self._show(result)
            if dry_run:
                self.import_button.setEnabled(not result.problems)
                self.checked.emit(result)
            else:
                self.imported.emit(result)

        def failed(error: BaseException) -> None:
            self.check_button.setEnabled(True)
            self.summary.setText(str(error) or "The import stopped; nothing was imported.")

        title = "Checking the spreadsheet" if dry_run else "Importing the caseload"
        run_with_progress(self.ops, self, title, "Reading rows…", work, done, failed)

    def _show(self, result: ImportOutcome) -> None:
        mapping = result.mapping
        self.mapping_table.setRowCount(len(mapping))
        for row, column in enumerate(mapping):
            taken = "(ignored)" if column.field == "ignore" else column.field
            for col, text in enumerate((column.heading, taken, column.how)):
                self.mapping_table.setItem(row, col, QTableWidgetItem(text))
        self.problems_list.clear()
        for problem in result.problems:
            self.problems_list.addItem(f"{_where(problem)}: {problem.message}")
        for problem in result.left_out:
            self.problems_list.addItem(f"{_where(problem)}, left out: {problem.message}")
        for existing in result.existing:
            self.problems_list.addItem(f"Row {existing.row}: already in the store; left as it is")
        counts = (
            f"{result.children} children, {result.allocations} allocation(s), "
            f"{result.events} case event(s), {len(result.settings_created)} new "
            f"setting(s) from {result.rows} row(s)"
        )
        if result.problems:
            self.summary.setText(
                f"{len(result.problems)} problem(s): fix them in the spreadsheet "
                "(or the columns above) and check again. Nothing was imported."
            )
        elif result.dry_run:
            self.summary.setText(f"Ready to import: {counts}.{_left_out(result)}")
        else:
            self.summary.setText(f"Imported {counts}.{_left_out(result)}")


def _where(problem: Any) -> str:
    where = f"Row {problem.row}" if problem.row is not None else "The file"
    if problem.column:
        where += f", column '{problem.column}'"
    return where


def _left_out(result: ImportOutcome) -> str:
    if not result.left_out:
        return ""
    rows = "row is" if len(result.left_out) == 1 else "rows are"
    return f" {len(result.left_out)} {rows} left out (listed above)."


def open_import_wizard(window: Any) -> ImportCaseloadDialog | None:
    """File > Import caseload…: the dialog; an import publishes what it changed."""
    if getattr(window, "is_locked", False):
        return None
    dialog = ImportCaseloadDialog(window.backend, window.ops, window)
    dialog.imported.connect(lambda result: window.ops.hub.publish(result.changes))
    dialog.finished.connect(dialog.deleteLater)
    window.import_dialog = dialog
    dialog.open()
    return dialog
