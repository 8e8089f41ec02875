"""The caseload spreadsheet import, for the desktop app: what a check or an import
found, as a typed :class:`ImportOutcome`.

A function rather than a facade on Backend so that the import stays out of the app's
start-up (it loads openpyxl) until the wizard asks for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from send_desk.backend.changes import NO_CHANGES, ChangeKind, Changes
from send_desk.imports.caseload_import import import_caseload
from send_desk.imports.spreadsheet import count_rows

if TYPE_CHECKING:
    from send_desk.backend.core import Backend


class ImportCancelled(Exception):
    """The user stopped the import: the transaction is rolled back, nothing is kept."""


@dataclass(frozen=True, slots=True)
class ColumnTaken:
    """A heading of the sheet and the field it was taken as ("ignore": not used)."""

    heading: str
    field: str
    how: str  # "recognised", "--map" or "not recognised"


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """What is wrong, and where: the sheet's row (header = 1) and column heading."""

    row: int | None
    column: str | None
    message: str


@dataclass(frozen=True, slots=True)
class AlreadyThere:
    """A row whose child is already in the store (left as it is)."""

    row: int
    upn: str | None
    child_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """A check (``dry_run``) or an import of a sheet; nothing is imported when there
    are problems."""

    file: Path
    dry_run: bool
    imported: bool
    mapping: tuple[ColumnTaken, ...]
    rows: int
    children: int
    settings_created: tuple[str, ...]
    settings_matched: int
    allocations: int
    events: int
    existing: tuple[AlreadyThere, ...]
    problems: tuple[ImportProblem, ...]
    # rows not imported while the rest is (a school only an administrator may add)
    left_out: tuple[ImportProblem, ...] = ()

    @property
    def changes(self) -> Changes:
        """An import adds children (which, the sheet says): every list of children reloads."""
        if not self.imported:
            return NO_CHANGES
        return Changes.of(
            ChangeKind.CHILDREN, ChangeKind.EVENTS, ChangeKind.SETTINGS, any_child=True
        )


def caseload_import(
    backend: Backend,
    path: str | Path,
    *,
    overrides: Mapping[str, str] | None = None,
    team: str | None = None,
    dry_run: bool,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Check (``dry_run``) or import a caseload sheet."""
    sheet = Path(path)
    total = count_rows(sheet)

    def report(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("the import was stopped; nothing was imported")
        if progress is not None:
            progress(done, max(total, done))

    result = import_caseload(
        backend._access.store,  # the backend package's own store
        sheet,
        overrides=overrides,
        team=team,
        dry_run=dry_run,
        today=backend.today(),
        progress=report,
    )
    return ImportOutcome(
        file=Path(result.file),
        dry_run=result.dry_run,
        imported=result.imported,
        mapping=tuple(ColumnTaken(c.heading, c.field, c.how) for c in result.mapping),
        rows=result.rows,
        children=result.children,
        settings_created=tuple(result.settings_created),
        settings_matched=result.settings_matched,
        allocations=result.allocations,
        events=result.events,
        existing=tuple(
            AlreadyThere(
                int(found["row"]),
                found.get("upn"),
                uuid.UUID(str(found["child_id"])) if found.get("child_id") else None,
            )
            for found in result.existing
        ),
        problems=tuple(ImportProblem(p.row, p.column, p.message) for p in result.problems),
        left_out=tuple(ImportProblem(p.row, p.column, p.message) for p in result.left_out),
    )


__all__ = [
    "AlreadyThere",
    "ColumnTaken",
    "ImportCancelled",
    "ImportOutcome",
    "ImportProblem",
    "caseload_import",
]
