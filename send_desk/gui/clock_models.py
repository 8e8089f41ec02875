"""Item models for the statutory clock: My day's deadlines and a child's timeline.

A milestone's state is shown three ways, so that no one depends on colour: a word
("Overdue", "Met", "Exception claimed"...), an icon with its own shape (a tick, an
exclamation mark, a section sign...) and a colour. Screen readers get the words and the
days left through the accessible text.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from send_desk.backend.clock_models import DeadlineRow, TimelineItem
from send_desk.gui.formatting import status_label
from send_desk.gui.items_model import ItemsModel

Index = QModelIndex | QPersistentModelIndex

# status -> (glyph, colour): the glyph alone tells the states apart
_STATUS_GLYPHS = {
    "met": ("✓", "#2e7d32"),
    "late": ("!", "#ef6c00"),
    "pending": ("…", "#1565c0"),
    "overdue": ("!", "#c62828"),
    "exception": ("§", "#6a1b9a"),
    "info": ("i", "#546e7a"),
}


@cache
def status_icon(status: str) -> QIcon:
    """A small badge for a milestone status: a glyph on a coloured shape (a circle for
    done, a square for not done) so it reads without colour too."""
    glyph, colour = _STATUS_GLYPHS.get(status, ("?", "#546e7a"))
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(colour)))
        box = QRectF(1, 1, size - 2, size - 2)
        if status in ("met", "late", "info"):
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, size / 5, size / 5)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.7))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, glyph)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def days_text(days_left: int, done: date | None = None, status: str = "") -> str:
    """'in 3 days', 'today', '2 days overdue' (blank once done or for a date to know)."""
    if done is not None or status == "info":
        return ""
    if days_left == 0:
        return "today"
    if days_left > 0:
        return f"in {days_left} day{'s' if days_left != 1 else ''}"
    late = -days_left
    past = "past the time limit" if status == "exception" else "overdue"
    return f"{late} day{'s' if late != 1 else ''} {past}"


StatusRow = TypeVar("StatusRow", TimelineItem, DeadlineRow)


def _done(row: TimelineItem | DeadlineRow) -> date | None:
    return row.done if isinstance(row, TimelineItem) else None


class StatusRowsModel(ItemsModel[StatusRow]):
    """Rows with a status: the first column carries the status icon and, like every
    column, the accessible text says the status and the days left in words."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self.row(index.row())
        assert row is not None
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(row.status) if index.column() == 0 else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = super().data(index, Qt.ItemDataRole.DisplayRole)
            if index.column() == 0:
                days = days_text(row.days_left, _done(row), row.status)
                return f"{status_label(row.status)}{', ' + days if days else ''}: {row.title}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row) if index.column() == 0 else super().data(index, role)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            colour = _STATUS_GLYPHS.get(row.status, ("", ""))[1]
            return QBrush(QColor(colour)) if row.status in ("overdue", "late") else None
        return super().data(index, role)


def _tooltip(row: TimelineItem | DeadlineRow) -> str:
    lines = [f"{status_label(row.status)}: {row.title}", row.next_step]
    claim = row.exception
    if claim:
        lines.append(f"Exception relied on: {claim.label}. Evidence: {claim.evidence}")
    lines.append(f"Source: {row.source}")
    return "\n".join(lines)


def deadline_title(row: TimelineItem | DeadlineRow) -> str:
    suffix = " (proposed)" if row.proposed else ""
    if row.local and "local target" not in row.title.lower():
        suffix += " (local target)"
    return f"{row.title}{suffix}"


def my_day_model(parent: QObject | None = None) -> StatusRowsModel[DeadlineRow]:
    return StatusRowsModel[DeadlineRow](
        [
            ("Status", lambda r: status_label(r.status)),
            ("Due", lambda r: r.due),
            ("When", lambda r: days_text(r.days_left, None, r.status)),
            ("Child", lambda r: r.child_name),
            ("Deadline", deadline_title),
            ("First because", lambda r: ", ".join(r.priority_reasons).capitalize()),
            ("Caseworker", lambda r: r.caseworker or "Not allocated"),
            ("What to do next", lambda r: r.next_step),
        ],
        parent,
    )


def timeline_model(parent: QObject | None = None) -> StatusRowsModel[TimelineItem]:
    return StatusRowsModel[TimelineItem](
        [
            ("Status", lambda r: status_label(r.status)),
            ("Due", lambda r: r.due),
            ("Done", lambda r: r.done),
            ("When", lambda r: days_text(r.days_left, r.done, r.status)),
            ("Milestone", deadline_title),
            ("What to do next", lambda r: r.next_step),
            ("Legal source", lambda r: r.source),
        ],
        parent,
    )
