"""The desktop app's one door to the data: a Qt-free facade over the store and services.

Every method opens its own short-lived Session (``Store.read()`` / ``Store.write()``)
and returns plain data (read models, lists, strings), so it can be called from any
thread and nothing it returns is tied to a Session. The features are facades composed
here (``backend.caseload``...; see send_desk.backend.access). Writes raise
:class:`ValidationFailed` with per-field reasons and leave nothing saved half-way (one
transaction per call).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session

from send_desk.backend.access import StoreAccess, store_problem
from send_desk.backend.caseload_api import CaseloadApi
from send_desk.backend.clock_api import ClockApi
from send_desk.backend.correspondence_api import CorrespondenceApi
from send_desk.backend.documents_api import DocumentsApi
from send_desk.backend.errors import StoreProblem, ValidationFailed, WrongPassword
from send_desk.backend.integrity import IntegrityApi
from send_desk.backend.letters_api import LettersApi
from send_desk.backend.notes_api import NotesApi
from send_desk.backend.plans_api import PlansApi
from send_desk.backend.reports_api import ReportsApi
from send_desk.backend.sen2_api import Sen2Api
from send_desk.backend.store_models import BackupInfo, RestoreResult, StoreStats, TeamCounts
from send_desk.backend.supervision_api import SupervisionApi
from send_desk.backend.sync import SyncApi
from send_desk.backend.user_models import Me
from send_desk.paths import DataPaths
from send_desk.security.keys import KeyFileError, check_new_password, read_keyfile, unwrap_key
from send_desk.services.caseload import CaseloadQuery
from send_desk.storage.errors import StoreError
from send_desk.storage.store import Store, create_store, open_store, store_exists
from send_desk.timeutil import LONDON, london_today

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


class Backend:
    """An open store and the operations the desktop app performs on it."""

    def __init__(self, store: Store, *, today: Callable[[], date] = london_today) -> None:
        self._store = store
        self._today = today
        # shared by the feature facades (send_desk.backend.access)
        self._access = StoreAccess(store, today)
        self.caseload = CaseloadApi(self._access)
        self.clock = ClockApi(self._access)
        self.sen2 = Sen2Api(self._access)
        self.correspondence = CorrespondenceApi(self._access)
        self.integrity = IntegrityApi(self._access)
        self.sync = SyncApi(self._access)
        self.reports = ReportsApi(
            self._access, self.correspondence.now, ensure_clock=self.clock.ensure_clock
        )
        self.notes = NotesApi(self._access)
        self.letters = LettersApi(self._access)
        self.supervision = SupervisionApi(self._access)
        self.documents = DocumentsApi(self._access)
        self.plans = PlansApi(self._access)
        self._me: Me | None = None
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- opening

    @staticmethod
    def store_exists(paths: DataPaths) -> bool:
        return store_exists(paths)

    @staticmethod
    def check_new_password(password: str) -> list[str]:
        return check_new_password(password)

    @classmethod
    def open(
        cls, paths: DataPaths, password: str, *, today: Callable[[], date] = london_today
    ) -> Backend:
        """Unlock the store. Raises WrongPassword or StoreProblem."""
        try:
            store = open_store(paths, password)
        except WrongPassword:
            raise
        except (StoreError, KeyFileError) as error:
            raise store_problem(error) from error
        return cls(store, today=today)

    @classmethod
    def create(
        cls, paths: DataPaths, password: str, *, today: Callable[[], date] = london_today
    ) -> Backend:
        """Make a new empty store protected by ``password`` (checked for strength)."""
        problems = check_new_password(password)
        if problems:
            raise ValidationFailed(
                "that password is too weak: " + "; ".join(problems),
                {"password": "; ".join(problems)},
            )
        try:
            store = create_store(paths, password)
        except StoreError as error:
            raise store_problem(error) from error
        return cls(store, today=today)

    @classmethod
    def create_demo(
        cls,
        paths: DataPaths,
        password: str,
        *,
        children: int = 2000,
        seed: int = 1,
        today: Callable[[], date] = london_today,
        progress: Progress | None = None,
    ) -> Backend:
        """A new store filled with the synthetic demo caseload."""
        from send_desk.demo.generator import build_demo

        backend = cls.create(paths, password, today=today)
        say = progress or (lambda _message: None)
        say("Creating the encrypted store")
        try:
            build_demo(backend._store, children=children, seed=seed, today=today(), progress=say)
            say("Working out every child's statutory deadlines")
            backend.clock.ensure_clock()
        except StoreError as error:
            backend.close()
            raise store_problem(error) from error
        return backend

    @staticmethod
    def list_backups(paths: DataPaths, password: str | None = None) -> list[BackupInfo]:
        """Backup files in the store's backups folder, newest first; with ``password``,
        each is checked (``passed``), which takes a moment per backup."""
        from send_desk.storage.backup import check_backup

        found = []
        folder = paths.backups
        keys: dict[bytes, bytes] = {}
        if folder.is_dir():
            for item in folder.glob("*.zip"):
                stat = item.stat()
                modified = datetime.fromtimestamp(stat.st_mtime, LONDON)
                passed = None if password is None else check_backup(item, password, keys)
                found.append(BackupInfo(item, item.name, modified, stat.st_size, passed))
        return sorted(found, key=lambda item: item.modified, reverse=True)

    @staticmethod
    def restore_backup(paths: DataPaths, source: str | Path, password: str) -> RestoreResult:
        """Replace the store with a backup (the current files are kept aside first)."""
        from send_desk.storage.backup import restore_store

        try:
            manifest = restore_store(paths, Path(source), password)
        except WrongPassword:
            raise
        except (StoreError, KeyFileError) as error:
            raise store_problem(error) from error
        kept = manifest.get("previous_store_kept_in")
        return RestoreResult(
            store_id=manifest.get("store_id"),
            taken_at=manifest.get("taken_at"),
            schema=manifest.get("schema"),
            app_version=manifest.get("app_version"),
            previous_store_kept_in=Path(kept) if kept else None,
        )

    # ------------------------------------------------------------------ basics

    @property
    def paths(self) -> DataPaths:
        return self._store.paths

    def today(self) -> date:
        return self._today()

    def close(self) -> None:
        self.documents.remove_opened_copies()
        self._store.close()

    def verify_password(self, password: str) -> bool:
        """True when ``password`` unlocks this store (used to end an idle lock)."""
        try:
            keyfile = read_keyfile(self._store.paths.keyfile)
            return unwrap_key(keyfile, password) == self._store.raw_key
        except WrongPassword:
            return False
        except KeyFileError as error:
            raise StoreProblem(str(error), can_restore=True) from error

    def ensure_clock(self) -> str:
        """``backend.clock.ensure_clock()``: the service reports reach it by this name."""
        return self.clock.ensure_clock()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._access.read() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._access.write() as session:
            yield session

    def me(self) -> Me | None:
        """The signed-in user (name, user name, role, team), or None for a fresh store."""
        with self._lock:
            if self._me is not None:
                return self._me
        user_id = self._store.info.user_id
        if user_id is None:
            return None
        from send_desk.domain.organisation import Team, User

        with self._read() as session:
            user = session.get(User, user_id)
            if user is None:
                return None
            team = session.get(Team, user.team_id) if user.team_id else None
            me = Me(
                id=user.id,
                name=user.display_name,
                username=user.username,
                role=str(user.role),
                team=team.name if team else None,
                team_id=team.id if team else None,
            )
        with self._lock:
            self._me = me
        return me

    def stats(self) -> StoreStats:
        """Rows per table, and children and staff per team."""
        from send_desk.services.stats import store_stats

        with self._read() as session:
            found = store_stats(session)
        return StoreStats(
            tables=dict(found["tables"]),
            teams=tuple(
                TeamCounts(t["team"], t["children"], t["caseworkers"], t["supervisors"])
                for t in found["teams"]
            ),
            unallocated_children=int(found["unallocated_children"]),
            looked_after_children=int(found["looked_after_children"]),
        )


__all__ = ["Backend", "CaseloadQuery", "StoreProblem", "ValidationFailed", "WrongPassword"]
