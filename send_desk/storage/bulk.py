"""Bulk loading: rows written with one prepared statement, indexes built after the load.

SQLAlchemy Core's ``insert(table)`` with many rows spends most of its time on per-row
parameter processing (a dictionary per row, every column's bind processor through
generic machinery): for the 20,000-child demo that was more than SQLCipher's own
work. :class:`RowWriter` does the same conversion with each column's own bind
processor (a short path for the commonest types, checked to give the same stored
text) and hands plain tuples to the driver's ``executemany``.

Columns come from the rows and the table model, never from a list kept here: a
column the rows do not mention gets the model's default (as Core would), or the
database's, so a column added by a later migration needs nothing here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Engine, Table
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.exc import OperationalError

from send_desk.domain.base import UTCDateTime

Convert = Callable[[Any], Any]
# Rows per executemany: bounds the memory of converted tuples, costs nothing measurable.
BATCH = 5000

# SQLite's default storage formats (sqlalchemy.dialects.sqlite DATE and DATETIME),
# which datetime.isoformat writes identically for the values the short paths accept.
_DATETIME_FORMAT = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)
_DATE_FORMAT = "%(year)04d-%(month)02d-%(day)02d"


def _json_text() -> Convert | None:
    """``json.dumps`` of a dict or list, the same text, by one encoder made once.

    ``json.dumps`` makes its C encoder afresh on every call, which took longer than
    encoding a case event's few details. None where Python has no C encoder. A value
    it cannot encode (or a circular one) raises: the caller then uses ``json.dumps``,
    which gives the error it always gave, and a new encoder is made for what follows.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    settings = json.JSONEncoder()  # json.dumps's defaults: ASCII, ", " and ": "

    def encoder() -> Any:
        return make(
            {}, settings.default, json.encoder.encode_basestring_ascii, None,
            settings.key_separator, settings.item_separator, False, False, True,
        )  # fmt: skip

    current = [encoder()]

    def encode(value: Any) -> str:
        try:
            return "".join(current[0](value, 0))
        except Exception:
            current[0] = encoder()  # its record of what it was inside may be left half-made
            raise

    return encode


def _short_path(column_type: Any, impl: Any, slow: Convert, dialect: Dialect) -> Convert:
    """A quicker converter for the commonest types; anything unusual takes ``slow``."""
    if (
        isinstance(impl, JSON)
        and getattr(dialect, "_json_serializer", None) is None
        and impl._str_impl.bind_processor(dialect) is None
        and (encode := _json_text()) is not None
    ):
        dict_type, list_type = dict, list

        def as_json(value: Any) -> Any:
            if type(value) is dict_type or type(value) is list_type:
                try:
                    return encode(value)
                except (TypeError, ValueError, RecursionError):
                    pass  # json.dumps says why below
            return slow(value)

        return as_json
    storage = getattr(impl, "_storage_format", None)
    datetime_type, date_type, utc = dt.datetime, dt.date, dt.UTC
    if isinstance(column_type, UTCDateTime) and storage == _DATETIME_FORMAT:

        def instant(value: Any) -> Any:
            if type(value) is datetime_type and value.tzinfo is utc:
                return value.replace(tzinfo=None).isoformat(" ", "microseconds")
            return slow(value)

        return instant
    if storage == _DATETIME_FORMAT:

        def naive(value: Any) -> Any:
            if type(value) is datetime_type and value.tzinfo is None:
                return value.isoformat(" ", "microseconds")
            return slow(value)

        return naive
    if storage == _DATE_FORMAT:

        def day(value: Any) -> Any:
            if type(value) is date_type and value.year >= 1000:
                return value.isoformat()
            return slow(value)

        return day
    if isinstance(impl, Boolean):

        def flag(value: Any) -> Any:
            if value is True:
                return 1
            if value is False:
                return 0
            return slow(value)

        return flag
    return slow


def converter(column: Any, dialect: Dialect) -> Convert | None:
    """What the driver should get for a Python value of this column (None: as it is)."""
    impl = column.type.dialect_impl(dialect)
    slow = impl.bind_processor(dialect)
    if slow is None:
        return None
    return _short_path(column.type, impl, slow, dialect)


def python_default(column: Any) -> tuple[bool, Any]:
    """(True, value or callable) when the model gives the column a Python default."""
    default = column.default
    if default is None or getattr(default, "is_sequence", False):
        return False, None
    if getattr(default, "is_callable", False):
        function = default.arg
        return True, lambda: function(None)
    if getattr(default, "is_scalar", False):
        return True, default.arg
    # a SQL expression the statement itself would have to carry
    raise ValueError(f"{column.table.name}.{column.name}: give its value in the rows")


class RowWriter:
    """One table's prepared insert for rows that all name the same columns.

    ``constants`` are values for the columns the rows do not name (audit columns,
    say), the same for every row: they are converted once, not per row.
    """

    def __init__(
        self,
        table: Table,
        keys: Iterable[str],
        dialect: Dialect,
        constants: Mapping[str, Any] | None = None,
    ) -> None:
        keys = list(dict.fromkeys(keys))
        constants = {k: v for k, v in (constants or {}).items() if k not in keys}
        columns = {column.key: column for column in table.columns}
        unknown = sorted(set(keys) - set(columns))
        if unknown:
            raise ValueError(f"{table.name} has no column {', '.join(unknown)}")
        per_row: dict[str, Callable[[], Any]] = {}
        for key, column in columns.items():
            if key in keys or key in constants:
                continue
            has_default, value = python_default(column)
            if not has_default:
                continue  # NULL, or the database's own default
            if callable(value):
                per_row[key] = value
            else:
                constants[key] = value
        self.table = table
        self.keys = keys
        self._fill = per_row
        names = [*keys, *per_row, *constants]
        self._convert = [
            (index, convert)
            for index, key in enumerate([*keys, *per_row])
            if (convert := converter(columns[key], dialect)) is not None
        ]
        self._constants = tuple(
            convert(value) if (convert := converter(columns[key], dialect)) else value
            for key, value in constants.items()
        )
        quoted = ", ".join(dialect.identifier_preparer.quote(columns[n].name) for n in names)
        marks = ", ".join("?" * len(names))
        target = dialect.identifier_preparer.format_table(table)
        self.sql = f"INSERT INTO {target} ({quoted}) VALUES ({marks})"

    def values(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Any, ...]]:
        """Each row as the driver's parameters, in the statement's column order."""
        keys, fill, convert, constants = self.keys, self._fill, self._convert, self._constants
        get: Callable[[Mapping[str, Any]], Any] = itemgetter(*keys) if keys else lambda _r: ()
        single = len(keys) == 1
        for row in rows:
            picked = get(row)
            values = [picked] if single else list(picked)
            for make in fill.values():
                values.append(make())
            for index, function in convert:
                values[index] = function(values[index])
            yield (*values, *constants)

    def write(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert the rows, in order, in the connection's transaction."""
        stream = self.values(rows)
        while batch := list(islice(stream, BATCH)):
            connection.exec_driver_sql(self.sql, batch)


def row_keys(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The columns the rows name; every row must name the same ones."""
    keys = list(rows[0]) if rows else []
    expected = set(keys)
    for index, row in enumerate(rows):
        if row.keys() != expected:  # a set comparison of the keys view, no copy
            difference = sorted(set(row) ^ expected)
            raise ValueError(f"row {index + 1} names other columns than the first: {difference}")
    return keys


_BYTES_PER_ROW = 600  # a caseload row with its journal entry and index entries, about
_MAX_CACHE_MIB = 512


def cache_mib(row_count: int) -> int:
    """A page cache (MiB) about the size of the store a load of this many rows makes,
    capped."""
    return max(8, min(_MAX_CACHE_MIB, row_count * _BYTES_PER_ROW // 2**20))


@contextmanager
def page_cache(connection: Connection, mebibytes: int) -> Iterator[None]:
    """A larger page cache on this connection for one bulk load, then as it was.

    With the default cache (8 MB) a load of hundreds of megabytes spills pages to the
    write-ahead log mid-transaction, each encrypted, and often writes the same page
    again when the next rows or an index land on it; an index built after the load
    re-reads spilled pages. A cache that holds the load writes each page once, at
    commit. The connection goes back to the pool afterwards, so it is restored.
    """
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-1024 * int(mebibytes)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def begin_now(connection: Connection) -> None:
    """Open the transaction now if the driver has not yet.

    The driver opens one only before a row is written: DDL run first (dropping an
    index or a trigger for a bulk load) would be committed on the spot, and a failed
    load would then leave the store without it.
    """
    if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN")


@contextmanager
def deferred_indexes(connection: Connection, tables: Iterable[str]) -> Iterator[None]:
    """Drop these tables' indexes for a bulk load and build each once afterwards.

    A B-tree built from all the rows at once is quicker than one kept in order row
    by row. The indexes are read from the store (``sqlite_master``) and made again
    with their own statements, so every index, whatever migration made it, comes back
    exactly as it was. Unique constraints declared with the table (SQLite's automatic
    indexes) cannot be dropped and stay. Use inside a transaction that is rolled back
    on error: SQLite's DDL is transactional, so a failed load leaves the indexes as
    they were.
    """
    names = list(dict.fromkeys(tables))
    marks = ", ".join("?" * len(names))
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY tbl_name, name",
        tuple(names),
    ).all()
    quote = connection.dialect.identifier_preparer.quote
    begin_now(connection)
    for name, _sql in found:
        connection.exec_driver_sql(f"DROP INDEX {quote(name)}")
    yield
    for _name, sql in found:
        connection.exec_driver_sql(sql)


@contextmanager
def rollback_journal(engine: Engine) -> Iterator[bool]:
    """The store in a rollback journal while a new store is filled, in its write-ahead
    log again afterwards; yields whether it was switched.

    In WAL mode every page of a load is written twice, encrypted into the log at commit
    and copied from it into the store at the checkpoint that follows. A rollback journal
    keeps only the pages the load changes that were in the file before it (a new store
    has few), so each page is written once. A failed load is still rolled back, and a
    crash leaves a journal SQLite rolls back when the store is next opened. SQLite
    leaves WAL only when no other connection has the store open: when one has (the
    app's), the load stays in WAL, as it was, rather than wait.
    """
    switched = False
    with engine.connect() as connection:
        wait = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        connection.exec_driver_sql("PRAGMA busy_timeout = 0")
        try:
            mode = connection.exec_driver_sql("PRAGMA journal_mode = DELETE").scalar()
            switched = str(mode).lower() == "delete"
        except OperationalError:
            pass  # another connection has it open
        finally:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait or 0)}")
    try:
        yield switched
    finally:
        if switched:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
