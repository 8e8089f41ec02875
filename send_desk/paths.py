"""Every filesystem location the app uses, from one place.

Precedence: an explicit ``--data-dir`` (passed in as ``override``), then the
``SEND_DESK_HOME`` environment variable, then the per-user data folder of the OS.
Nothing here creates folders at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_HOME = "SEND_DESK_HOME"


@dataclass(frozen=True)
class DataPaths:
    """The files of one local store."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "caseload.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "caseload.key"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def opened(self) -> Path:
        """Decrypted copies of documents the app opened for the system viewer."""
        return self.root / "opened"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    def ensure(self) -> None:
        """Create the store's folders, owner-only (0700) on POSIX.

        The root is tightened only when it is new (it may be a folder the user chose);
        the backups and logs folders are the app's own and always owner-only.
        """
        from send_desk.security.files import make_private, private_dir

        private_dir(self.root)
        for folder in (self.backups, self.logs):
            private_dir(folder)
            make_private(folder)


def data_paths(override: str | os.PathLike[str] | None = None) -> DataPaths:
    if override:
        return DataPaths(Path(override).expanduser().resolve())
    env = os.environ.get(ENV_HOME)
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    return DataPaths(Path(platformdirs.user_data_dir("SEND Desk", appauthor=False)))
