"""How a page follows the one ``changes`` signal: reload now if on screen, else later.

A page says which changes matter to it (``wants``) and how to reload (``reload``, given
what changed). Changes that arrive while the page is hidden only mark it stale; it
reloads once, with everything it missed combined, the next time it is shown. So a write
costs one reload of the page in front of the user, and none of the pages behind it.
A page that reloads itself each time it is shown anyway (My day, Correspondence,
Supervision) passes ``reloads_when_shown=True``: changes while it is hidden are dropped.
Any other page calls :meth:`ChangeWatch.reload_if_stale` from its ``showEvent``. (Not an
event filter on the page: Qt still filters the events a page gets while it is being
deleted, by then through a watch Python has let go of, which crashed the tests.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from send_desk.backend.changes import Changes
from send_desk.gui.context import ChangeHub


class ChangeWatch(QObject):
    """Owned by its page (a Qt child): it goes, and its connection with it, with the page."""

    def __init__(
        self,
        page: QWidget,
        hub: ChangeHub,
        wants: Callable[[Changes], bool],
        reload: Callable[[Changes], None],
        *,
        reloads_when_shown: bool = False,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._wants = wants
        self._reload = reload
        self._reloads_when_shown = reloads_when_shown
        self.stale: Changes | None = None
        hub.changes.connect(self._arrived)

    @Slot(object)
    def _arrived(self, changes: Changes) -> None:
        if not self._wants(changes):
            return
        if self._page.isVisible():
            self._reload(changes)
        elif not self._reloads_when_shown:
            self.stale = changes if self.stale is None else self.stale | changes

    def reload_if_stale(self) -> bool:
        """Reload with what was missed while hidden; False when nothing was."""
        missed, self.stale = self.stale, None
        if missed is None:
            return False
        self._reload(missed)
        return True
