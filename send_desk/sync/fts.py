"""The case notes' full-text index, built once per page of pulled notes instead of per row.

Migration 0004 keeps ``note_search`` (FTS5) with a trigger on each inserted
``note_version``: it indexes the version's words, stores the index row's number in
``note_version.search_rowid``, and marks the version it supersedes (``superseded``,
and the ``zold`` tag in the index). A first sync pulls thousands of versions; run row
by row, the trigger's four statements cost more than writing the notes themselves.

:func:`deferred_note_index` drops that trigger for the duration of one bulk write and
then does the same work in four set-based statements over the new versions, and puts
the trigger back. All of it happens inside the caller's transaction (SQLite's DDL is
transactional), so a crash or an error leaves the store exactly as before the write:
the trigger, the notes and the index together, or none of them.

The index's values are made by the trigger's own expressions, read from the store
(``sqlite_master``), so the two ways can never drift apart. If the trigger does not
have the shape this module knows (a later migration changed it), nothing is deferred
and the trigger does the work row by row as before.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection

from send_desk.storage.bulk import begin_now

log = logging.getLogger(__name__)

NOTES_TABLE = "note_version"
TRIGGER = "note_version_indexed"
# Below this many rows the per-row trigger is as cheap as the set-based statements.
MIN_ROWS = 50

_INSERT = re.compile(
    r"BEGIN\s+INSERT\s+INTO\s+note_search\s*\((?P<columns>[^)]*)\)\s*VALUES\s*\((?P<values>.*)\)\s*;"
    r"(?P<rest>.*)END\s*$",
    re.DOTALL | re.IGNORECASE,
)
# What the trigger does after indexing the version, whitespace aside (migration 0004).
_REST = (
    "UPDATE note_version SET search_rowid = last_insert_rowid() WHERE id = new.id; "
    "UPDATE note_search SET tags = tags || ' zold' "
    "WHERE new.supersedes_id IS NOT NULL "
    "AND rowid = (SELECT search_rowid FROM note_version WHERE id = new.supersedes_id) "
    "AND tags NOT LIKE '% zold'; "
    "UPDATE note_version SET superseded = 1 "
    "WHERE new.supersedes_id IS NOT NULL AND id = new.supersedes_id;"
)


def _squash(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class IndexPlan:
    trigger_sql: str
    columns: str
    values: str


def plan(connection: Connection) -> IndexPlan | None:
    """How to index new versions in one go, or None to leave it to the trigger."""
    sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (TRIGGER,)
    ).scalar()
    if not sql:
        return None
    found = _INSERT.search(sql)
    if found is None or _squash(found.group("rest")) != _squash(_REST):
        log.info("the notes' index trigger has a shape this version does not know: row by row")
        return None
    return IndexPlan(str(sql), found.group("columns").strip(), found.group("values").strip())


def _top(connection: Connection) -> int:
    """The highest index row number in use (new versions are numbered above it)."""
    in_index = connection.exec_driver_sql(
        "SELECT rowid FROM note_search ORDER BY rowid DESC LIMIT 1"
    ).scalar()
    in_versions = connection.exec_driver_sql("SELECT max(search_rowid) FROM note_version").scalar()
    return max(int(in_index or 0), int(in_versions or 0))


def index_new_versions(connection: Connection, index: IndexPlan) -> int:
    """Index the versions not indexed yet (``search_rowid`` NULL), as the trigger would."""
    top = _top(connection)
    low = connection.exec_driver_sql(
        "SELECT min(rowid) FROM note_version WHERE search_rowid IS NULL"
    ).scalar()
    if low is None:
        return 0
    # distinct numbers above every one in use, in the order the versions were written
    connection.exec_driver_sql(
        "UPDATE note_version SET search_rowid = rowid + ? WHERE search_rowid IS NULL",
        (top - int(low) + 1,),
    )
    added = connection.exec_driver_sql(
        f"INSERT INTO note_search (rowid, {index.columns}) "
        f"SELECT new.search_rowid, {index.values} FROM note_version AS new "
        "WHERE new.search_rowid > ? ORDER BY new.search_rowid",
        (top,),
    ).rowcount
    connection.exec_driver_sql(
        "UPDATE note_search SET tags = tags || ' zold' WHERE rowid IN ("
        "SELECT old.search_rowid FROM note_version AS new "
        "JOIN note_version AS old ON old.id = new.supersedes_id "
        "WHERE new.search_rowid > ? AND new.supersedes_id IS NOT NULL"
        ") AND tags NOT LIKE '% zold'",
        (top,),
    )
    connection.exec_driver_sql(
        "UPDATE note_version SET superseded = 1 WHERE id IN ("
        "SELECT supersedes_id FROM note_version "
        "WHERE search_rowid > ? AND supersedes_id IS NOT NULL"
        ") AND superseded = 0",
        (top,),
    )
    return int(added)


@contextmanager
def deferred_note_index(connection: Connection, rows: int) -> Iterator[None]:
    """Write many note versions with the index built once afterwards.

    Use inside a transaction (or savepoint) that is rolled back if anything in the
    block fails: the dropped trigger is then restored by the rollback.
    """
    index = plan(connection) if rows >= MIN_ROWS else None
    if index is None:
        yield
        return
    begin_now(connection)  # else the DROP is committed at once and a failure loses it
    connection.exec_driver_sql(f"DROP TRIGGER {TRIGGER}")
    yield
    index_new_versions(connection, index)
    connection.exec_driver_sql(index.trigger_sql)
