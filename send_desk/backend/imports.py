"""The caseload spreadsheet import, for the desktop app: plain data in and out.

A function rather than a Backend method so that the import stays out of the app's
start-up (it loads openpyxl) until the wizard asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_desk.imports.caseload_import import import_caseload
from send_desk.imports.spreadsheet import count_rows

if TYPE_CHECKING:
    from send_desk.backend.core import Backend


class ImportCancelled(Exception):
    """The user stopped the import: the transaction is rolled back, nothing is kept."""


def caseload_import(
    backend: Backend,
    path: str | Path,
    *,
    overrides: Mapping[str, str] | None = None,
    team: str | None = None,
    dry_run: bool,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Check (``dry_run``) or import a caseload sheet; the result as plain data."""
    sheet = Path(path)
    total = count_rows(sheet)

    def report(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("the import was stopped; nothing was imported")
        if progress is not None:
            progress(done, max(total, done))

    result = import_caseload(
        backend._store,  # the backend package's own store
        sheet,
        overrides=overrides,
        team=team,
        dry_run=dry_run,
        today=backend.today(),
        progress=report,
    )
    return result.as_json()
