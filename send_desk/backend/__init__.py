"""The desktop app's Qt-free backend (Anki style): the GUI calls these, never SQL.

``Backend`` opens a store from a :class:`~send_desk.paths.DataPaths` and a password;
each method runs in its own short-lived Session and returns plain data, so any
thread may call it and nothing returned is tied to the database.
"""

from send_desk.backend.core import Backend, communication_needs
from send_desk.backend.errors import (
    NotFound,
    Refused,
    ServiceError,
    StoreProblem,
    ValidationFailed,
    WrongPassword,
)
from send_desk.backend.notes import ChecklistNotMet
from send_desk.paths import DataPaths, data_paths
from send_desk.services.caseload import COLUMNS as CASELOAD_COLUMNS
from send_desk.services.caseload import SORT_KEYS, CaseloadQuery

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
    "communication_needs",
    "data_paths",
]
