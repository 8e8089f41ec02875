"""The central store's database: SQLite (the embedded default) or PostgreSQL.

``send-desk serve`` with no ``--database`` keeps a SQLite file in the data folder;
production uses ``postgresql+psycopg://user:password@host/dbname``. Alembic owns the
schema for both (``send_desk/server/migrations``) and runs at start-up.

Writing transactions on SQLite begin with ``BEGIN IMMEDIATE`` so two writers queue
on the database lock instead of failing half-way; on PostgreSQL the push takes row
locks (see :mod:`send_desk.server.push`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine, make_url

from send_desk.server import schema

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_FILE = "central-store.db"


class DatabaseProblem(RuntimeError):
    """The database URL is wrong, or the database cannot be reached or upgraded."""


def default_url(data_root: Path) -> str:
    return f"sqlite:///{data_root / DEFAULT_FILE}"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 30000")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    if connection.get_execution_options().get("write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_server_engine(url: str, *, pool_size: int = 10) -> Engine:
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as error:
        raise DatabaseProblem(f"'{url}' is not a database URL: {error}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            parsed,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=20,
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() not in ("psycopg", "psycopg2"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        # no ping before each checkout (a round trip per request): a connection the
        # database dropped fails one request, which the laptop retries, and is replaced
        # connections kept rather than opened and closed under a burst: a connection
        # beyond the pool's size is closed when returned, and a new one costs the
        # database a backend process (pool_size + max_overflow as before: 30)
        return sa.create_engine(
            parsed,
            pool_size=pool_size + 10,
            max_overflow=10,
            pool_recycle=1800,
        )
    raise DatabaseProblem(
        f"the central store runs on SQLite or PostgreSQL, not {backend} "
        "(use sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DBNAME)"
    )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One writing transaction (``BEGIN IMMEDIATE`` on SQLite)."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        yield connection


@contextmanager
def reading(engine: Engine, *, snapshot: bool = False) -> Iterator[Connection]:
    """One reading transaction; ``snapshot`` reads one consistent view on PostgreSQL."""
    with engine.connect() as connection:
        if snapshot and not is_sqlite(engine):
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


@contextmanager
def lookup(engine: Engine) -> Iterator[Connection]:
    """A connection for one reading statement. On PostgreSQL it runs without BEGIN and
    COMMIT (a single statement is a transaction of its own): two round trips fewer on
    every signed-in request. SQLite reads in a transaction as :func:`reading` does."""
    if is_sqlite(engine):
        with reading(engine) as connection:
            yield connection
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        yield connection


# ---------------------------------------------------------------- migrations


def target_metadata() -> sa.MetaData:
    """What the central store's schema holds: the journaled case tables and its own."""
    from send_desk.domain import tables

    combined = sa.MetaData()
    for model in tables.JOURNALED:
        model.metadata.tables[str(model.__tablename__)].to_metadata(combined)
    for table in schema.metadata.tables.values():
        table.to_metadata(combined)
    return combined


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no server migrations are packaged")
    return head


def current_revision(connection: Connection) -> str | None:
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def migrate(engine: Engine) -> str:
    """Bring the schema to head and make sure the server has its id and secret."""
    from alembic import command

    try:
        with writing(engine) as connection:
            if current_revision(connection) != head_revision():
                config = _alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            _ensure_meta(connection)
            return str(current_revision(connection))
    except sa.exc.OperationalError as error:
        raise DatabaseProblem(f"cannot reach the database: {error.orig}") from error


def _ensure_meta(connection: Connection) -> None:
    import secrets

    existing = {
        row.key: row.value for row in connection.execute(sa.select(schema.server_meta)).all()
    }
    wanted = {
        "server_id": str(uuid.uuid4()),
        "token_secret": secrets.token_hex(32),
        # the central store's own "device": admin commands write as it
        "server_device_id": str(uuid.uuid4()),
    }
    for key, value in wanted.items():
        if key not in existing:
            connection.execute(sa.insert(schema.server_meta).values(key=key, value=value))
    if connection.execute(sa.select(schema.server_counter.c.value)).first() is None:
        connection.execute(sa.insert(schema.server_counter).values(id=1, value=0))


def read_meta(connection: Connection) -> dict[str, str]:
    return {row.key: row.value for row in connection.execute(sa.select(schema.server_meta))}


def open_database(url: str, *, pool_size: int = 10) -> Engine:
    """An engine on the central store, migrated to the current schema."""
    engine = make_server_engine(url, pool_size=pool_size)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
