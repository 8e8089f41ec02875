"""SQLAlchemy engines over SQLCipher files, built from a path and a raw key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool


def _null(_value: None) -> None:
    return None


# The driver binds str, int and float directly but sends None through its adapter
# lookup, which fails by way of two attribute lookups that each raise and clear an
# AttributeError: about ten times the cost of binding a string, and the demo build binds
# millions of NULLs (nullable columns). Found in the adapter table, None is bound as
# NULL all the same, at about the cost of a string.
sqlcipher3.register_adapter(type(None), _null)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # SQLCipher otherwise prints decryption failures (a wrong key) on stderr.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        # Keep temporary tables and indexes in memory: SQLCipher's temp files would
        # otherwise be a place where decrypted pages could reach the disk.
        cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()


def make_engine(db_path: Path, raw_key: bytes, *, echo: bool = False) -> Engine:
    """An engine on an encrypted SQLite file.

    The key is given raw (``x'..'``) so SQLCipher skips its own PBKDF2: the password
    was already stretched by scrypt when the key was unwrapped, and a raw key keeps
    each new pooled connection cheap.
    """
    url = URL.create(
        "sqlite+pysqlcipher",
        password=f"x'{raw_key.hex()}'",
        database=str(db_path),
    )
    # A queue of connections any thread may check out and return. The pysqlcipher
    # dialect's default, SingletonThreadPool, keeps one connection per thread in a
    # threading.local, which is lost between calls on the GUI's worker threads (threads
    # Qt made, not Python): every call opened another connection, and once there were
    # five the pool closed connections other threads were still using (a crash).
    engine = create_engine(
        url,
        echo=echo,
        poolclass=QueuePool,
        pool_size=5,
        max_overflow=10,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def keyed_connection(db_path: Path, raw_key: bytes) -> sqlcipher3.Connection:
    """A plain SQLCipher connection of its own (no pool), for backups and checks."""
    connection = sqlcipher3.connect(str(db_path), check_same_thread=False)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
    return connection
