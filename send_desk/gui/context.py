"""What a page is given: :class:`AppContext`, and the :data:`PageFactory` that builds one.

Its own module so that the pages and the page registry (``gui.pages``) both import it
without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the backend pulls in the store libraries: loaded after unlock
    from send_desk.backend import Backend
    from send_desk.gui.ops import Ops
    from send_desk.gui.settings import AppSettings, UiState


@dataclass
class AppContext:
    """What a page needs: the backend, the ops helper, settings, and window actions."""

    backend: Backend
    ops: Ops
    settings: AppSettings
    ui_state: UiState
    open_child: Callable[[str], None] = lambda _child_id: None
    show_message: Callable[[str], None] = lambda _text: None
    extras: dict[str, Any] = field(default_factory=dict)


PageFactory = Callable[[AppContext], QWidget]
