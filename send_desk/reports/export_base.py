"""What every export writer shares: progress and cancelling, a file written beside its
target and renamed at the end (so a cancelled or failed export never leaves half a
file, or replaces a good one), and :class:`Table`, one table of a report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from send_desk.security.files import make_private, private_opener

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHECK_EVERY = 250  # rows between looks at the cancel flag


class ExportCancelled(Exception):
    """The export was cancelled; nothing was written."""


class ExportFailed(Exception):
    """The file could not be written (a full disk, a folder that is read-only...)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Steps:
    """Counts rows written, tells the caller, and honours the cancel flag."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self.check()

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled("the export was cancelled; nothing was written")
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def step(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.done // CHECK_EVERY != before // CHECK_EVERY:
            self.check()

    def finish(self) -> None:
        """Everything is written: report it (too late to cancel)."""
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)


@contextmanager
def atomic_file(path: Path, mode: str = "w", **options: Any) -> Iterator[IO[Any]]:
    """A hidden temporary file beside ``path``, renamed over it only on success."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        handle = open(temporary, mode, opener=private_opener, **options)  # noqa: SIM115
        make_private(temporary)  # a leftover partial file keeps its old mode
    except OSError as error:
        raise ExportFailed(f"{path} could not be written: {error.strerror or error}") from None
    try:
        with handle:
            yield handle
        os.replace(temporary, path)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink()
        raise ExportFailed(f"{path} could not be written: {error.strerror or error}") from None
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


@dataclass
class Table:
    """One table of the report: a sheet of the workbook, a table on the Reports page.

    ``columns`` are (heading, kind); kind is text, int, date or percent."""

    name: str
    title: str
    columns: list[tuple[str, str]]
    rows: list[list[Any]] = field(default_factory=list)
