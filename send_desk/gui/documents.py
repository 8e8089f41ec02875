"""Where save dialogs open: the user's Documents folder, as the desktop knows it (on
Windows that may be a redirected or OneDrive folder, not ~/Documents)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's Documents folder; their home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def suggested_path(name: str) -> str:
    """A save dialog's starting file: ``name`` in the Documents folder."""
    return str(documents_folder() / name)


__all__ = ["documents_folder", "suggested_path"]
