"""Bring a store's schema to the current revision, copying the file first."""

from __future__ import annotations

import logging
import re
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine

from send_desk.security.files import make_private, private_dir
from send_desk.timeutil import utcnow

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Revisions are numbered 0001, 0002, ... in files named after them, one line of
# history; tests check the convention. It lets an up-to-date store open without
# importing Alembic at all (0.16 s of every start).
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")
log = logging.getLogger(__name__)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def head_revision() -> str:
    revisions = [
        match.group(1)
        for path in (MIGRATIONS_DIR / "versions").iterdir()
        if (match := _REVISION_FILE.match(path.name))
    ]
    if not revisions:
        raise RuntimeError("no migrations are packaged")
    return max(revisions)


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def copy_before_migrating(engine: Engine, db_path: Path, backups: Path, revision: str) -> Path:
    """Checkpoint the WAL so the main file is complete, then copy it aside."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    private_dir(backups)
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"before-migration-{revision}-{stamp}.db"
    shutil.copy2(db_path, target)
    make_private(target)  # a store made by an older version may have been 0644
    log.info("copied the store to %s before migrating from %s", target, revision)
    return target


def migrate(engine: Engine, db_path: Path, backups: Path) -> Path | None:
    """Upgrade to head; returns the pre-migration copy when one was made."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current == head_revision():
        return None
    copy = None
    if current is not None:
        copy = copy_before_migrating(engine, db_path, backups, current)
    with engine.begin() as connection:
        upgrade(connection)
    return copy
