"""The statutory clock over the store: every child's milestones, kept in ``milestone``.

The rows are derived data (never journaled, exported or synced), rebuilt by the clock
(:mod:`send_desk.timescales`) from what it reads:

* a child's events, date of birth, looked-after flag and current setting's phase.
  The services that change them recompute that child in the same transaction
  (:func:`recompute_child`);
* the rules, the calendar, the engine and the school year (phase transfers are proposed
  from the national curriculum year). Together they make the *fingerprint* kept in
  ``store_meta``; when it changes, every child is recomputed (:func:`recompute_all`).

Writes that bypass those services (the demo build, an import, and later a sync pull)
are caught up from the change journal: ``store_meta`` also keeps the journal position
the cache is known to include, and :func:`ensure_current` recomputes the children whose
clock inputs have journal entries after it. Readers call :func:`is_current` (a cheap
read) and, when it says no, :func:`ensure_current` in a write transaction.

A row keeps what does not change from one day to the next (due, done, exception
claim...); status and days left are worked out when it is read
(:func:`send_desk.timescales.milestones.status_on`), so a new day needs no recompute.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import uuid
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import String, delete, func, select, type_coerce
from sqlmodel import Session

from send_desk.domain.children import Child, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.journal import JournalEntry, StoreMeta
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.organisation import Setting
from send_desk.domain.school_year import academic_year_start
from send_desk.domain.tables import table_of
from send_desk.gc_pause import gc_paused
from send_desk.resources import resource_path
from send_desk.storage.bulk import begin_now
from send_desk.timescales import Child as ClockChild
from send_desk.timescales import (
    Timeline,
    compute_caseload,
    compute_timeline,
    default_calendar,
    default_rules,
)
from send_desk.timescales.milestones import Milestone

# Bump when the engine's output changes for the same rules (a fix in the clock), so
# every store recomputes its cache at the next read.
ENGINE_VERSION = "3"
FINGERPRINT_KEY = "clock_fingerprint"
JOURNAL_KEY = "clock_journal_seq"
# Beyond this many children changed outside the services, recompute everyone at once.
CATCH_UP_LIMIT = 2_000

_CH, _EV, _PL, _ST, _MS, _JR, _SM = (
    table_of(model)
    for model in (Child, CaseEvent, Placement, Setting, MilestoneRow, JournalEntry, StoreMeta)
)
_INSERT = (
    "INSERT INTO milestone (child_id, milestone, rule, kind, due, done, cycle, source, "
    "proposed, priority, local, exception_reason, exception_evidence, exception_recorded) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Journal entries that can change a child's milestones: (table, field or None for any).
_CLOCK_TABLES = ("case_event", "child", "placement", "setting")
_CHILD_FIELDS = frozenset({"date_of_birth", "looked_after"})
# The same, for rows a pull writes (no journal entries): table -> the columns the clock
# reads (None: any). A pulled row that changes none of these leaves the milestones be.
CLOCK_READS: dict[str, frozenset[str] | None] = {
    "child": _CHILD_FIELDS,
    "setting": frozenset({"phase"}),
    "placement": None,
    "case_event": None,
}


class StoredEvent(NamedTuple):
    """An event as the store hands it to the clock (lighter than a parsed Event)."""

    type: str
    date: date
    details: Mapping[str, Any]
    proposed: bool = False


@dataclass(frozen=True)
class Recomputed:
    children: int
    milestones: int


# -- what the clock reads ------------------------------------------------------------------


class _Decoder:
    """Dates and JSON details as stored, decoded once per distinct value."""

    def __init__(self) -> None:
        self.dates: dict[str, date] = {}
        self.details: dict[str, Mapping[str, Any]] = {}

    def date(self, text: str) -> date:
        found = self.dates.get(text)
        if found is None:
            found = self.dates[text] = date.fromisoformat(text)
        return found

    def detail(self, text: str | None) -> Mapping[str, Any]:
        key = text or "{}"
        found = self.details.get(key)
        if found is None:
            value = json.loads(key)
            found = self.details[key] = value if isinstance(value, dict) else {}
        return found


def hex_id(value: uuid.UUID | str) -> str:
    """An id as the store keeps it (32 hex characters), from a UUID or its text."""
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def clock_inputs(
    session: Session, child_ids: Collection[uuid.UUID] | None = None
) -> list[tuple[str, ClockChild, list[StoredEvent]]]:
    """(child id as stored hex, the clock's view of the child, its events) for the given
    children, or every child."""
    wanted = None if child_ids is None else [hex_id(i) for i in child_ids]
    child_key = type_coerce(_CH.c.id, String)
    current = (_PL.c.child_id == _CH.c.id) & _PL.c.end_date.is_(None)
    query = (
        select(
            child_key,
            type_coerce(_CH.c.date_of_birth, String),
            _CH.c.looked_after,
            _ST.c.phase,
        )
        .select_from(_CH)
        .outerjoin(_PL, current)
        .outerjoin(_ST, _ST.c.id == _PL.c.setting_id)
    )
    # the events as the driver gives them (hex id, type, ISO date, JSON text): the
    # heaviest read of a full recompute, so without a per-row type conversion
    # a withdrawn event was recorded by mistake: the clock never counts it
    events_sql = f"SELECT child_id, type, date, details FROM {_EV.name} WHERE NOT withdrawn"
    params: tuple[str, ...] = ()
    if wanted is not None:
        if not wanted:
            return []
        query = query.where(child_key.in_(wanted))
        events_sql += f" AND child_id IN ({', '.join('?' * len(wanted))})"
        params = tuple(wanted)
    decode = _Decoder()
    children: dict[str, ClockChild] = {}
    for key, born, looked_after, phase in session.execute(query):
        if key not in children:  # two current placements: the first is enough here
            children[key] = ClockChild(decode.date(born), bool(looked_after), phase)
    events: dict[str, list[StoredEvent]] = {key: [] for key in children}
    for key, type_id, day, details in session.connection().exec_driver_sql(events_sql, params):
        found = events.get(key)
        if found is not None:
            found.append(StoredEvent(type_id, decode.date(day), decode.detail(details)))
    return [(key, child, events[key]) for key, child in children.items()]


def _rows(key: str, milestones: Iterable[Milestone]) -> Iterator[tuple[Any, ...]]:
    for m in milestones:
        claim = m.exceptions[0] if m.exceptions else None
        yield (
            key,
            m.id,
            m.rule.name,
            m.rule.kind,
            m.due.isoformat(),
            m.done.isoformat() if m.done is not None else None,
            # a proposal is dated the day it was made: keep its school year instead
            (
                f"{academic_year_start(m.trigger_date)}-09-01"
                if m.proposed
                else m.trigger_date.isoformat()
            ),
            m.rule.source,
            int(m.proposed),
            int(m.priority),
            int(m.rule.local),
            claim.reason if claim else None,
            claim.evidence if claim else None,
            claim.recorded.isoformat() if claim else None,
        )


def cache_rows(
    inputs: Sequence[tuple[str, ClockChild, list[StoredEvent]]], today: date
) -> list[tuple[Any, ...]]:
    """The ``milestone`` rows the clock makes of these inputs (nothing read or written)."""
    rules = default_rules()
    calendar = default_calendar(rules.conventions.tribunal_not_counted)
    rows: list[tuple[Any, ...]] = []
    for key, milestones in compute_caseload(
        inputs, today, rules=rules, calendar=calendar, include_local=True
    ):
        rows.extend(_rows(key, milestones))
    return rows


def _write(session: Session, rows: Sequence[tuple[Any, ...]]) -> int:
    if rows:
        session.connection().exec_driver_sql(_INSERT, rows)
    return len(rows)


# -- recomputing ---------------------------------------------------------------------------


def recompute_children(
    session: Session, child_ids: Collection[uuid.UUID], *, today: date
) -> Recomputed:
    """Rebuild the milestones of these children (in the caller's transaction)."""
    if not child_ids:
        return Recomputed(0, 0)
    keys = [hex_id(i) for i in child_ids]
    session.flush()  # the events just added must be read back
    session.execute(delete(_MS).where(type_coerce(_MS.c.child_id, String).in_(keys)))
    return _read_and_write(session, child_ids, today)


ClockInputs = list[tuple[str, ClockChild, list[StoredEvent]]]


def _read_and_write(
    session: Session,
    child_ids: Collection[uuid.UUID] | None,
    today: date,
    given: ClockInputs | None = None,
    computed: Sequence[tuple[Any, ...]] | None = None,
) -> Recomputed:
    """Read the children's events (unless ``given``), compute (unless ``computed``) and
    insert their milestones, with the garbage collector paused (see
    :mod:`send_desk.gc_pause`); the batch is freed before it resumes, so it never walks it."""
    with gc_paused():
        inputs = clock_inputs(session, child_ids) if given is None else given
        rows = cache_rows(inputs, today) if computed is None else computed
        done = Recomputed(len(inputs), _write(session, rows))
        del inputs, rows
    return done


def recompute_child(session: Session, child_id: uuid.UUID, *, today: date) -> Recomputed:
    """Rebuild one child's milestones: called by every service that changes what the
    clock reads of the child, in the same transaction.

    When the cache was otherwise current, its journal position moves past this change
    too, so readers do not recompute the child a second time.
    """
    done = recompute_children(session, [child_id], today=today)
    meta = _meta(session)
    if meta.get(FINGERPRINT_KEY) == fingerprint(today):
        entries = _clock_entries(session, _journal_since(meta))
        if entries and _children_of(session, entries) == {child_id.hex}:
            _set_meta(session, JOURNAL_KEY, str(_journal_head(session)))
    return done


def recompute_all(
    session: Session,
    *,
    today: date,
    inputs: ClockInputs | None = None,
    computed: Sequence[tuple[Any, ...]] | None = None,
) -> Recomputed:
    """Rebuild every child's milestones and record the fingerprint they were made with.

    The table's indexes are dropped for the rewrite and built again after it (quicker
    than keeping them up to date row by row), all in the caller's transaction.
    ``inputs``: every child's as :func:`clock_inputs` would read them, in the store's
    order, when the caller already has them (a demo build has just written them), and
    ``computed``: :func:`cache_rows` of them, when the caller has worked them out too.
    """
    session.flush()
    connection = session.connection()
    # the driver opens a transaction only before a row is written: without this, the
    # DROP INDEX below would be committed on the spot and a failed rewrite would leave
    # the cache without its indexes
    begin_now(connection)
    for index in _MS.indexes:
        index.drop(connection, checkfirst=True)  # a store may predate an index
    session.execute(delete(_MS))
    done = _read_and_write(session, None, today, inputs, computed)
    for index in _MS.indexes:
        index.create(connection, checkfirst=True)
    _set_meta(session, FINGERPRINT_KEY, fingerprint(today))
    _set_meta(session, JOURNAL_KEY, str(_journal_head(session)))
    return done


# -- keeping the cache current -------------------------------------------------------------


@lru_cache(maxsize=1)
def _data_hash() -> str:
    """The rules and calendar files, the holiday package and the engine version."""
    version = importlib.metadata.version("holidays")
    digest = hashlib.sha256(f"engine {ENGINE_VERSION}; holidays {version}".encode())
    for folder in ("rules", "calendar"):
        for path in sorted(resource_path(folder).glob("*.toml")):
            digest.update(f"\n{folder}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def fingerprint(today: date) -> str:
    """What the cached milestones depend on besides the children's own data."""
    return f"{_data_hash()}:{academic_year_start(today)}"


def _meta(session: Session) -> dict[str, str]:
    rows = session.execute(
        select(_SM.c.key, _SM.c.value).where(_SM.c.key.in_((FINGERPRINT_KEY, JOURNAL_KEY)))
    )
    return {key: value for key, value in rows}


def _set_meta(session: Session, key: str, value: str) -> None:
    session.merge(StoreMeta(key=key, value=value))


def _journal_head(session: Session) -> int:
    return int(session.scalar(select(func.max(_JR.c.seq))) or 0)


def _journal_since(meta: Mapping[str, str]) -> int:
    try:
        return int(meta.get(JOURNAL_KEY, "0"))
    except ValueError:
        return 0


def _clock_entries(session: Session, since: int) -> list[Any]:
    return list(
        session.execute(
            select(
                _JR.c.table_name,
                type_coerce(_JR.c.row_id, String),
                _JR.c.op,
                _JR.c.field,
                _JR.c.old_value,
            ).where(_JR.c.seq > since, _JR.c.table_name.in_(_CLOCK_TABLES))
        )
    )


def is_current(session: Session, *, today: date) -> bool:
    """True when the cached milestones are up to date (reads only)."""
    meta = _meta(session)
    if meta.get(FINGERPRINT_KEY) != fingerprint(today):
        return False
    since = _journal_since(meta)
    relevant = select(_JR.c.seq).where(_JR.c.seq > since, _JR.c.table_name.in_(_CLOCK_TABLES))
    return session.scalar(relevant.limit(1)) is None


def _children_of(session: Session, entries: Sequence[Any]) -> set[str] | None:
    """Hex ids of the children those journal entries touch (None: too many to list)."""
    if len(entries) > 20 * CATCH_UP_LIMIT:
        return None
    children: set[str] = set()
    rows_of: dict[str, set[str]] = {"case_event": set(), "placement": set(), "setting": set()}
    for table, row_id, op, field, old_value in entries:
        if table == "child":
            if op != "update" or field in _CHILD_FIELDS:
                children.add(row_id)
            continue
        if table == "setting" and not (op == "update" and field == "phase"):
            continue
        if op == "delete" and old_value:
            try:
                old = json.loads(old_value)
            except ValueError:
                old = {}
            if isinstance(old, dict) and old.get("child_id"):
                children.add(hex_id(str(old["child_id"])))
            continue
        rows_of[table].add(row_id)
    for table, key in (("case_event", _EV), ("placement", _PL)):
        ids = list(rows_of[table])
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            children.update(
                session.scalars(
                    select(type_coerce(key.c.child_id, String)).where(
                        type_coerce(key.c.id, String).in_(chunk)
                    )
                )
            )
        if len(children) > CATCH_UP_LIMIT:
            return None
    if rows_of["setting"]:
        placed = select(type_coerce(_PL.c.child_id, String)).where(
            _PL.c.end_date.is_(None),
            type_coerce(_PL.c.setting_id, String).in_(list(rows_of["setting"])),
        )
        children.update(session.scalars(placed))
    return None if len(children) > CATCH_UP_LIMIT else children


def ensure_current(session: Session, *, today: date) -> str:
    """Bring the cache up to date in the caller's write transaction.

    Returns ``"current"`` (nothing to do), ``"children"`` (the children changed outside
    the services were recomputed) or ``"all"`` (every child was recomputed: the rules,
    calendar or school year changed, or too many children changed at once).
    """
    meta = _meta(session)
    if meta.get(FINGERPRINT_KEY) != fingerprint(today):
        recompute_all(session, today=today)
        return "all"
    since = _journal_since(meta)
    entries = _clock_entries(session, since)
    if not entries:
        return "current"
    head = _journal_head(session)
    changed = _children_of(session, entries)
    if changed is None:
        recompute_all(session, today=today)
        return "all"
    recompute_children(session, [uuid.UUID(key) for key in changed], today=today)
    _set_meta(session, JOURNAL_KEY, str(head))
    return "children"


# -- one child, live -----------------------------------------------------------------------


def child_timeline(session: Session, child_id: uuid.UUID, *, today: date) -> Timeline:
    """A child's timeline computed now from the store (with the clock's warnings about
    the events), local targets included: what the child's record shows."""
    found = clock_inputs(session, [child_id])
    if not found:
        return Timeline(today, [], [])
    _, child, events = found[0]
    return compute_timeline(events, today, child, include_local=True)


def apologies(session: Session, child_ids: Collection[str]) -> set[tuple[str, str, str]]:
    """(child hex id, milestone id, due as YYYY-MM-DD) of each missed deadline for which
    an apology letter to the family is already requested."""
    found: set[tuple[str, str, str]] = set()
    ids = sorted(child_ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = session.execute(
            select(type_coerce(_EV.c.child_id, String), type_coerce(_EV.c.details, String)).where(
                _EV.c.type == "apology_letter_requested",
                ~_EV.c.withdrawn,
                type_coerce(_EV.c.child_id, String).in_(chunk),
            )
        )
        for key, text in rows:
            details = json.loads(text or "{}")
            if isinstance(details, dict):
                found.add((key, str(details.get("milestone")), str(details.get("due"))))
    return found
