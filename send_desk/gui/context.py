"""What a page is given: :class:`AppContext`, the :data:`PageFactory` that builds one,
and the :class:`ChangeHub` whose one ``changes`` signal tells pages what a write changed.

Its own module so that the pages and the page registry (``gui.pages``) both import it
without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the backend pulls in the store libraries: loaded after unlock
    from send_desk.backend import Backend
    from send_desk.backend.caseload_models import CaseloadOptions
    from send_desk.backend.changes import Changes
    from send_desk.gui.ops import Ops
    from send_desk.gui.settings import AppSettings, UiState
    from send_desk.gui.sync_status import SyncController


class ChangeHub(QObject):
    """One signal for every write: ``changes(Changes)``, emitted on the GUI thread after an
    op succeeds. Pages connect to it and reload what they show when its kinds changed;
    nothing refreshes another page by name (Anki's ``operation_did_execute``)."""

    changes = Signal(object)  # a send_desk.backend.changes.Changes

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changes.emit(changes)


@dataclass
class AppContext:
    """What a page needs: the backend, the ops helper, settings, and window actions."""

    backend: Backend
    ops: Ops
    settings: AppSettings
    ui_state: UiState
    open_child: Callable[[str], None] = lambda _child_id: None
    show_message: Callable[[str], None] = lambda _text: None
    # the caseload's team, caseworker and setting choices, read once and shared by the
    # pages and dialogs that offer them
    caseload_options: CaseloadOptions | None = None
    # the window's sync status and background syncing (None until sync is set up)
    sync: SyncController | None = None

    @property
    def hub(self) -> ChangeHub:
        """The window's change hub (the ops' own, so dialogs given only ops publish too)."""
        return self.ops.hub


PageFactory = Callable[[AppContext], QWidget]
