"""Windows that fit the screen they open on (a 1366 x 768 laptop with a taskbar leaves
about 1366 x 720): a window asks for its preferred size and gets at most the screen's
free area, centred on its parent or the screen, so its buttons are always on screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window manager's title bar and borders around a window's client area.
FRAME = QSize(16, 40)
# Below this free area the main window opens maximised (a 1366 x 768 laptop).
SMALL_SCREEN = QSize(1440, 860)


def available(widget: QWidget | None = None) -> QRect:
    """The free area (less taskbars) of the screen the widget is on, or the primary."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 720)


def fitted_geometry(widget: QWidget, area: QRect, preferred: QSize | None = None) -> QRect:
    """Where ``widget`` opens in ``area``: its preferred size (or its current one),
    no larger than the area less a frame, no smaller than its minimum, centred on its
    parent window when it has one."""
    want = preferred or widget.size()
    room = area.size() - FRAME
    size = want.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    parent = widget.parentWidget()
    anchor = parent.window().geometry() if parent is not None else area
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(anchor.center())
    # keep it wholly inside the area (a parent near a screen edge)
    rect.moveLeft(max(area.left(), min(rect.left(), area.right() - rect.width() + 1)))
    rect.moveTop(max(area.top(), min(rect.top(), area.bottom() - rect.height() + 1)))
    return rect


def fit_to_screen(widget: QWidget, preferred: QSize | None = None) -> None:
    """Size and place a window to open wholly on its screen (call before showing it)."""
    geometry = fitted_geometry(widget, available(widget), preferred)
    widget.resize(geometry.size())
    widget.move(geometry.topLeft())


def is_small_screen(widget: QWidget | None = None) -> bool:
    free = available(widget).size()
    return free.width() < SMALL_SCREEN.width() or free.height() < SMALL_SCREEN.height()
