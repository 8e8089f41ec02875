"""Navigation pages: a registry other features plug into.

A page is a :class:`PageSpec` (id, title, shortcut, factory). The main window lists
the registered pages in order; a later feature replaces a placeholder by registering
a spec with the same id, e.g. the statutory clock's "My day"::

    from send_desk.gui.pages import PageSpec, register_page
    register_page(PageSpec("my_day", "My day", make_my_day_page, order=10))

A page widget may define ``page_shown()`` (called each time it is shown) and
``search(text)`` (the global search box was used while it is showing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

# kept importable from here for code written before gui.context
from send_desk.gui.context import AppContext, PageFactory

if TYPE_CHECKING:
    from send_desk.backend import Backend

__all__ = ["AppContext", "PageFactory", "PageSpec", "register_page", "registered_pages"]


@dataclass(frozen=True)
class PageSpec:
    id: str
    title: str
    factory: PageFactory
    order: int = 100
    description: str = ""
    # whether the signed-in user sees the page (None: everyone), e.g. by role
    available: Callable[[Backend], bool] | None = None


_REGISTRY: dict[str, PageSpec] = {}


def register_page(spec: PageSpec) -> None:
    """Add a page, or replace the page registered with the same id."""
    _REGISTRY[spec.id] = spec


def registered_pages() -> list[PageSpec]:
    _register_defaults()
    return sorted(_REGISTRY.values(), key=lambda spec: (spec.order, spec.title))


class PlaceholderPage(QWidget):
    """An honest page for a feature that is not built yet: no made-up data."""

    def __init__(self, title: str, coming_with: str, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(title)
        status = QLabel(f"Coming with {coming_with}.")
        status_font = status.font()
        status_font.setPointSizeF(status_font.pointSizeF() * 1.15)
        status.setFont(status_font)
        body = QLabel(what)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (status, body):
            label.setAccessibleName(label.text())
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(status)
        layout.addWidget(body)
        layout.addStretch(1)
        self.setAccessibleName(f"{title}: not available yet")


def _placeholder(title: str, coming_with: str, what: str) -> PageFactory:
    return lambda _context: PlaceholderPage(title, coming_with, what)


def _my_day(context: AppContext) -> QWidget:
    from send_desk.gui.my_day import MyDayPage

    return MyDayPage(context)


def _correspondence(context: AppContext) -> QWidget:
    from send_desk.gui.correspondence_page import CorrespondencePage

    return CorrespondencePage(context)


def _reports(context: AppContext) -> QWidget:
    from send_desk.gui.reports_page import ReportsPage

    return ReportsPage(context)


def _supervision(context: AppContext) -> QWidget:
    from send_desk.gui.supervision.page import SupervisionPage

    return SupervisionPage(context)


def _caseload(context: AppContext) -> QWidget:
    from send_desk.gui.caseload_page import CaseloadPage

    return CaseloadPage(context)


_DEFAULTS = (
    PageSpec("my_day", "My day", _my_day, order=10),
    PageSpec("caseload", "Caseload", _caseload, order=20),
    PageSpec("correspondence", "Correspondence", _correspondence, order=30),
    PageSpec("supervision", "Supervision", _supervision, order=40),
    PageSpec("reports", "Reports", _reports, order=50),
    PageSpec(
        "sync",
        "Sync",
        _placeholder(
            "Sync",
            "sync with the central store",
            "Sync is not set up on this laptop. Changes stay in the encrypted store on this "
            "computer until the central store is connected.",
        ),
        order=60,
    ),
)


def _register_defaults() -> None:
    for spec in _DEFAULTS:
        _REGISTRY.setdefault(spec.id, spec)
