"""The "Search notes" page: ranked note search from the global search box, with snippets."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from send_desk.backend.notes_models import NoteHit
from send_desk.gui.context import AppContext
from send_desk.gui.formatting import note_kind_label, uk_datetime
from send_desk.gui.rows_model import read_only_flags

Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = Qt.ItemDataRole.UserRole + 5
SNIPPET_COLUMN = 4
_COLUMNS: tuple[tuple[str, Callable[[NoteHit], str | None]], ...] = (
    ("Happened", lambda hit: uk_datetime(hit.occurred_at)),
    ("Child", lambda hit: hit.child_name),
    ("Kind", lambda hit: note_kind_label(hit.kind)),
    ("By", lambda hit: hit.author),
    ("Where the words are", lambda hit: hit.snippet),
)


class ResultsModel(QAbstractTableModel):
    """Search results in rank order; the snippet column marks the words found."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[NoteHit] = []

    def set_rows(self, rows: Sequence[NoteHit]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> NoteHit | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _COLUMNS[index.column()][1](row) or ""
        if role == HTML_ROLE and index.column() == SNIPPET_COLUMN:
            return row.snippet_html
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _COLUMNS[section][0] if 0 <= section < len(_COLUMNS) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)


class SnippetDelegate(QStyledItemDelegate):
    """Shows the snippet with the words found in bold (the text column stays plain)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
        from PySide6.QtWidgets import QApplication, QStyle

        marked = index.data(HTML_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(marked)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()


class NoteSearchPage(QWidget):
    """Search every note; double-click a result to open the child's record."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.setAccessibleName("Search case notes")
        heading = QLabel("Search case notes")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.query = QLineEdit()
        self.query.setPlaceholderText('Words to find, "a phrase", or the start of a word with *')
        self.query.setAccessibleName("Words to find in case notes")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of note")
        self.kind.addItem("Any kind", "")
        for kind in self.backend.notes.vocabulary().kinds:
            self.kind.addItem(kind.label, kind.code)
        self.kind.currentIndexChanged.connect(lambda *_: self.run())
        self.mine = QComboBox()
        self.mine.setAccessibleName("Written by")
        self.mine.addItem("Anyone", "")
        me = self.backend.me()
        if me:
            self.mine.addItem("Me", me.id.hex)
        self.mine.currentIndexChanged.connect(lambda *_: self.run())
        self.search_button = QPushButton("&Search")
        self.search_button.clicked.connect(self.run)
        self.count_label = QLabel("")
        self.count_label.setAccessibleName("Number of notes found")
        self.model = ResultsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Notes found, best match first")
        self.view.setItemDelegateForColumn(SNIPPET_COLUMN, SnippetDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self.open_selected)
        self.view.activated.connect(self.open_selected)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._preview())
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Where the words were found")
        self.preview.setMaximumHeight(120)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.kind)
        row.addWidget(self.mine)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.preview)
        self.last_results: tuple[NoteHit, ...] = ()

    def search(self, text: str) -> None:
        """The global search box was used while this page shows (or sent here)."""
        self.query.setText(text)
        self.run()

    def run(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.model.set_rows([])
            self.count_label.setText("Type words to find in case notes.")
            return
        kind = self.kind.currentData() or None
        author = self.mine.currentData() or None
        self.count_label.setText("Searching…")

        def done(results: tuple[NoteHit, ...]) -> None:
            if self.query.text().strip() != text:
                return
            self.last_results = results
            self.model.set_rows(results)
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(4, max(self.view.columnWidth(4), 420))
            shown = len(results)
            self.count_label.setText(
                "No notes have those words." if not shown
                else f"{shown} note{'s' if shown != 1 else ''}, best match first"
                + (" (the first 100)" if shown >= 100 else "")
            )  # fmt: skip
            if results:
                self.view.selectRow(0)

        notes = self.backend.notes
        self.ops.run(lambda: notes.search(text, kind=kind, caseworker_id=author, limit=100), done)

    def _preview(self) -> None:
        row = self.model.row(self.view.currentIndex().row())
        if row is not None:
            self.preview.setHtml(
                f"<b>{row.child_name}</b> · {note_kind_label(row.kind)} on "
                f"{uk_datetime(row.occurred_at)}<p>{row.snippet_html}</p>"
            )

    def open_selected(self, *_args: object) -> None:
        row = self.model.row(self.view.currentIndex().row())
        if row is not None:
            self.context.open_child(str(row.child_id))

    def page_shown(self) -> None:
        self.query.setFocus()


def make_page(context: AppContext) -> QWidget:
    return NoteSearchPage(context)
