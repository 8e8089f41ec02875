"""The store libraries load in the background while the unlock window waits.

The unlock window is drawn with Qt alone. SQLAlchemy, SQLModel, the services, the
backend and the main window's modules (about a second and a half of imports on a
slow laptop) are imported on a daemon thread started once the window is on screen,
so they are usually ready by the time the password is typed. Anything that needs
the backend first waits for that thread (:func:`backend`), so a module is never
imported by two threads at once.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from send_desk.backend.core import Backend

log = logging.getLogger(__name__)

# What unlocking and the caseload need, in import order. Letters, PDF, reports,
# charts, sync and exports are not here: they load when first used.
MODULES = (
    "send_desk.backend.core",
    "send_desk.backend.errors",
    "send_desk.services.caseload",
    # The main window's module tree defines classes only (no widget is made at import;
    # module-level Qt values are QColor and QSize), so it may load off the GUI thread.
    "send_desk.gui.main_window",
)

_lock = threading.Lock()
_thread: threading.Thread | None = None


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the real import, on use, raises it to the caller
            log.warning("background import of %s failed", name, exc_info=True)
            return


def start() -> None:
    """Begin importing the store libraries on a background thread (once)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_import_all, name="send-desk-preload", daemon=True)
            _thread.start()


def wait() -> None:
    """Block until the background imports (if started) have finished."""
    with _lock:
        thread = _thread
    if thread is not None and thread is not threading.current_thread():
        thread.join()


def backend() -> type[Backend]:
    """The Backend class, once its libraries are loaded (waiting for the preload)."""
    wait()
    from send_desk.backend.core import Backend

    return Backend
