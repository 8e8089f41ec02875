"""The desktop app's Qt-free backend (Anki style): the GUI calls these, never SQL.

``Backend`` opens a store from a :class:`~send_desk.paths.DataPaths` and a password;
each method runs in its own short-lived Session and returns plain data, so any
thread may call it and nothing returned is tied to the database.

The names below are imported on first use (PEP 562), not with the package: the
unlock window imports this package and must be on screen before SQLAlchemy, the
services and the letters are loaded (they load in the background while the user
types; see send_desk.gui.preload).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from send_desk.backend.caseload_api import communication_needs
    from send_desk.backend.core import Backend
    from send_desk.backend.errors import (
        NotFound,
        Refused,
        ServiceError,
        StoreProblem,
        ValidationFailed,
        WrongPassword,
    )
    from send_desk.backend.notes_api import ChecklistNotMet
    from send_desk.paths import DataPaths, data_paths
    from send_desk.security.keys import check_new_password
    from send_desk.services.caseload import COLUMNS as CASELOAD_COLUMNS
    from send_desk.services.caseload import SORT_KEYS, CaseloadQuery

# exported name -> (module, name in that module)
_LAZY = {
    "CASELOAD_COLUMNS": ("send_desk.services.caseload", "COLUMNS"),
    "SORT_KEYS": ("send_desk.services.caseload", "SORT_KEYS"),
    "Backend": ("send_desk.backend.core", "Backend"),
    "CaseloadQuery": ("send_desk.services.caseload", "CaseloadQuery"),
    "ChecklistNotMet": ("send_desk.backend.notes_api", "ChecklistNotMet"),
    "DataPaths": ("send_desk.paths", "DataPaths"),
    "NotFound": ("send_desk.backend.errors", "NotFound"),
    "Refused": ("send_desk.backend.errors", "Refused"),
    "ServiceError": ("send_desk.backend.errors", "ServiceError"),
    "StoreProblem": ("send_desk.backend.errors", "StoreProblem"),
    "ValidationFailed": ("send_desk.backend.errors", "ValidationFailed"),
    "WrongPassword": ("send_desk.backend.errors", "WrongPassword"),
    "communication_needs": ("send_desk.backend.caseload_api", "communication_needs"),
    # light (no storage layer): the first-run window checks a new password as it is typed
    "check_new_password": ("send_desk.security.keys", "check_new_password"),
    "data_paths": ("send_desk.paths", "data_paths"),
}


def store_exists(paths: DataPaths) -> bool:
    """Whether ``paths`` holds a store, without loading the storage layer.

    Same test as ``Backend.store_exists`` (the database file is there); the unlock
    window asks it before the store libraries have loaded."""
    return paths.database.exists()


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "CASELOAD_COLUMNS",
    "SORT_KEYS",
    "Backend",
    "CaseloadQuery",
    "ChecklistNotMet",
    "DataPaths",
    "NotFound",
    "Refused",
    "ServiceError",
    "StoreProblem",
    "ValidationFailed",
    "WrongPassword",
    "check_new_password",
    "communication_needs",
    "data_paths",
    "store_exists",
]
