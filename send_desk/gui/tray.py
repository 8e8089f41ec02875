"""Desktop reminders from the system tray, at the lead times the caseworker chose.

Every half hour (and shortly after start) the signed-in caseworker's open statutory
deadlines are checked in a background op: those due in one of the chosen numbers of
days (``AppSettings.reminder_lead_days``; 0 is the day itself) and those missed
yesterday come up as one desktop notification. Each deadline is announced once per day
and lead time. Clicking the notification opens My day. Where the desktop has no tray,
the same message goes to the window's status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from send_desk.backend import Backend
from send_desk.backend.clock_models import DeadlineRow
from send_desk.gui.clock_models import status_icon
from send_desk.gui.ops import Ops
from send_desk.gui.settings import AppSettings
from send_desk.timeutil import uk_date

CHECK_EVERY_MS = 30 * 60_000
FIRST_CHECK_MS = 20_000
LISTED = 4


def _when(row: DeadlineRow) -> str:
    days = row.days_left
    if days == 0:
        return "due today"
    if days < 0:
        return f"missed: it was due {uk_date(row.due)}"
    return f"due in {days} day{'s' if days != 1 else ''} ({uk_date(row.due)})"


def reminder_message(rows: Sequence[DeadlineRow]) -> tuple[str, str]:
    """The notification's title and text for these deadlines (most at risk first)."""
    if len(rows) == 1:
        row = rows[0]
        return (
            f"{row.title} – {row.child_name}",
            f"{_when(row).capitalize()}. {row.next_step}",
        )
    lines = [f"• {r.child_name}: {r.title}, {_when(r)}" for r in rows[:LISTED]]
    if len(rows) > LISTED:
        lines.append(f"and {len(rows) - LISTED} more: open My day")
    return f"{len(rows)} statutory deadlines need you", "\n".join(lines)


class ReminderTray(QObject):
    """``notified(rows)`` after each reminder shown; ``open_my_day`` when it is clicked;
    ``settings_requested`` from the tray menu."""

    notified = Signal(list)
    open_my_day = Signal()
    settings_requested = Signal()

    def __init__(
        self,
        backend: Backend,
        ops: Ops,
        settings: AppSettings,
        *,
        show_fallback: Callable[[str], None] = lambda _text: None,
        parent: QObject | None = None,
        first_check_ms: int = FIRST_CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.settings = settings
        self.show_fallback = show_fallback
        self.last_message: tuple[str, str] | None = None
        self.locked = False
        self._seen: set[tuple[str, str, str, int, date]] = set()
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(status_icon("pending"), self)
            self.icon.setToolTip("SEND Desk: statutory deadline reminders")
            self.menu = QMenu()
            for text, slot in (
                ("Open &My day", self.open_my_day.emit),
                ("&Check deadlines now", self.check),
                ("&Reminders…", self.settings_requested.emit),
            ):
                action = QAction(text, self.menu)
                action.triggered.connect(slot)
                self.menu.addAction(action)
            self.icon.setContextMenu(self.menu)
            self.icon.messageClicked.connect(self.open_my_day.emit)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        if first_check_ms >= 0:
            QTimer.singleShot(first_check_ms, self.check)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_my_day.emit()

    def check(self) -> None:
        """Ask for the deadlines at the chosen lead times (in the background)."""
        if not self.settings.reminders_enabled:
            return
        me = self.backend.me()
        worker = me.id if me else None
        lead_days, clock = self.settings.reminder_lead_days, self.backend.clock
        self.ops.run(
            lambda: clock.deadline_reminders(caseworker_id=worker, lead_days=lead_days),
            self._notify,
            lambda error: None,  # a reminder that cannot be worked out waits for the next check
        )

    def _notify(self, rows: Sequence[DeadlineRow]) -> None:
        today = self.backend.today()
        fresh = []
        for row in rows:
            key = (row.child_id.hex, row.milestone, str(row.due), row.days_left, today)
            if key not in self._seen:
                self._seen.add(key)
                fresh.append(row)
        if not fresh:
            return
        title, text = reminder_message(fresh)
        if self.locked:  # no child's name on the desktop while SEND Desk is locked
            title, text = "SEND Desk", "Statutory deadlines need you: unlock SEND Desk to see them."
        self.last_message = (title, text)
        if self.icon is not None:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 20_000)
        else:
            self.show_fallback(f"{title}: {text.splitlines()[0]}")
        self.notified.emit(fresh)

    def stop(self) -> None:
        self.timer.stop()
        if self.icon is not None:
            self.icon.hide()
