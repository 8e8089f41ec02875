"""Applying a device's journal entries: idempotent, never stuck.

A page of entries is applied in one transaction. Entries the server already has
(``device_seq`` at or below the device's acknowledged number) are skipped, so a retry
after a lost answer changes nothing. Each entry runs in a savepoint: an entry the
server refuses (a rule broken, out of the user's caseload, a record that is not
there) is **quarantined** with its reason and the rest of the page goes on. How each
entry is merged is :mod:`send_desk.server.applier`.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from send_desk.gc_pause import gc_paused
from send_desk.server import schema
from send_desk.server.applier import Applier, Outcome, parse_at
from send_desk.server.audit import record_children
from send_desk.server.db import writing
from send_desk.server.scope import Principal
from send_desk.sync.limits import stored_value
from send_desk.sync.protocol import EntryResult, EntryV2, PushResponse
from send_desk.sync.tables import (
    RowRefused,
)
from send_desk.timeutil import utcnow

log = logging.getLogger(__name__)


class _Careful(Exception):
    """The database refused a statement: the page is applied again, entry by entry."""


def push(
    engine: Engine,
    principal: Principal,
    device_id: uuid.UUID,
    entries: list[EntryV2],
    *,
    address: str | None = None,
) -> PushResponse:
    """Apply one page of a device's entries; answers what became of each.

    The page is first applied in one go; if the database refuses a statement (rare: a
    rule only it knows, such as a unique name), it is applied again with a savepoint
    around each entry, so the refused one is quarantined and the rest still applied.
    """
    ordered: list[EntryV2] = []
    repeats: list[EntryResult] = []
    for entry in sorted(entries, key=lambda e: e.device_seq):
        if ordered and ordered[-1].device_seq == entry.device_seq:
            # one number, two changes: the first is used (the history holds one per number)
            repeats.append(EntryResult(
                device_seq=entry.device_seq, status="duplicate",
                reason="another change in this page has the same number; that one was used",
            ))  # fmt: skip
        else:
            ordered.append(entry)
    for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
        try:
            # a page makes tens of thousands of short-lived objects while the server's
            # own (modules, schemas, the app) stay alive: the collector's passes would
            # walk them all, a third of the page's time (see send_desk.gc_pause); the
            # few cycles a page leaves are collected after it
            with gc_paused():
                answer = _push_once(engine, principal, device_id, ordered, address)
            answer.results.extend(repeats)
            return answer
        except DBAPIError as error:
            # two pushes that wait on each other's rows: PostgreSQL gives one up; the
            # page is applied again from the start (nothing of the failed try remains)
            if attempt == TRANSIENT_ATTEMPTS or not _transient(error):
                raise
            log.info("push of device %s retried after %s", device_id, type(error.orig).__name__)
    raise AssertionError("unreachable")


TRANSIENT_ATTEMPTS = 3


def _transient(error: DBAPIError) -> bool:
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return code in ("40001", "40P01")  # serialization failure, deadlock detected


def _push_once(
    engine: Engine,
    principal: Principal,
    device_id: uuid.UUID,
    ordered: list[EntryV2],
    address: str | None,
) -> PushResponse:
    devices = schema.device
    with writing(engine) as connection:
        query = sa.select(devices.c.acked_seq).where(devices.c.id == device_id)
        if connection.dialect.name == "postgresql":
            query = query.with_for_update()
        acked = int(connection.execute(query).scalar_one())
        try:
            with connection.begin_nested():
                return _page(connection, principal, device_id, ordered, acked, address, False)
        except _Careful:
            return _page(connection, principal, device_id, ordered, acked, address, True)


def _page(
    connection: Connection,
    principal: Principal,
    device_id: uuid.UUID,
    ordered: list[EntryV2],
    acked: int,
    address: str | None,
    careful: bool,
) -> PushResponse:
    applier = Applier(connection, principal, device_id)
    # applied at speed, the page's updates run together (Writer.deferring)
    with applier.writer.deferring(not careful):
        return _apply_page(applier, principal, device_id, ordered, acked, address, careful)


def _apply_page(
    applier: Applier,
    principal: Principal,
    device_id: uuid.UUID,
    ordered: list[EntryV2],
    acked: int,
    address: str | None,
    careful: bool,
) -> PushResponse:
    connection = applier.connection
    devices = schema.device
    fresh = [e for e in ordered if e.device_seq > acked]
    applier.large = len(fresh) > 20
    keys = []
    for entry in fresh:
        try:
            keys.append((entry.table, uuid.UUID(entry.row_id)))
        except ValueError:
            continue
    applier.writer.lock_rows(keys)
    applier.prefetch_scope(fresh)
    results: list[EntryResult] = []
    history: list[dict[str, Any]] = []
    written: set[uuid.UUID] = set()
    now = utcnow()
    earlier = _earlier_outcomes(
        connection, device_id, [e.device_seq for e in ordered if e.device_seq <= acked]
    )
    for entry in ordered:
        if entry.device_seq <= acked:
            # already applied: answer as before, so a quarantine is never lost
            status, reason = earlier.get(entry.device_seq, ("duplicate", None))
            results.append(
                EntryResult(
                    device_seq=entry.device_seq,
                    status="quarantined" if status == "quarantined" else "duplicate",
                    reason=reason if status == "quarantined" else None,
                )
            )
    for group in groups(fresh):
        outcomes = (
            _apply_one(connection, applier, group) if careful else _apply_fast(applier, group)
        )
        for entry, outcome in zip(group, outcomes, strict=True):
            acked = entry.device_seq
            if outcome.child is not None and outcome.status in ("applied", "conflict"):
                written.add(outcome.child)
            results.append(
                EntryResult(
                    device_seq=entry.device_seq,
                    status=outcome.status,
                    reason=outcome.reason,
                    conflict_id=str(outcome.conflict_id) if outcome.conflict_id else None,
                )
            )
            history.append(_history_row(device_id, principal, entry, outcome, now))
    if not careful:
        _flush_fast(applier)
    if history:
        connection.execute(sa.insert(schema.server_entry), history)
    connection.execute(
        sa.update(devices)
        .where(devices.c.id == device_id)
        .values(acked_seq=acked, last_seen_at=now)
    )
    record_children(connection, principal, "write", written, detail="sync push", address=address)
    applier.writer.finish()
    return PushResponse(results=results, acked_seq=acked, server_time=now.isoformat())


def _apply_fast(applier: Applier, group: list[EntryV2]) -> list[Outcome]:
    """Entries without a savepoint: a refusal comes before any write."""
    try:
        outcomes = applier.apply_many(group)
    except RowRefused as error:
        applier.writer.discard()
        return [Outcome("quarantined", reason=str(error)) for _ in group]
    except DBAPIError as error:
        if error.connection_invalidated:
            raise
        raise _Careful from error
    applier.writer.keep()
    return outcomes


def _flush_fast(applier: Applier) -> None:
    """The held updates of a page applied at speed: a refusal applies it again, carefully."""
    try:
        applier.writer.flush()
    except DBAPIError as error:
        if error.connection_invalidated:
            raise
        raise _Careful from error


def _earlier_outcomes(
    connection: Connection, device_id: uuid.UUID, seqs: list[int]
) -> dict[int, tuple[str, str | None]]:
    if not seqs:
        return {}
    entries = schema.server_entry
    rows = connection.execute(
        sa.select(entries.c.device_seq, entries.c.status, entries.c.reason).where(
            entries.c.device_id == device_id, entries.c.device_seq.in_(seqs)
        )
    ).all()
    return {int(row.device_seq): (row.status, row.reason) for row in rows}


def _apply_one(connection: Connection, applier: Applier, group: list[EntryV2]) -> list[Outcome]:
    """Entries (one, or one row's from one transaction) in a savepoint of their own."""
    savepoint = connection.begin_nested()
    try:
        outcomes = applier.apply_many(group)
    except RowRefused as error:
        savepoint.rollback()
        applier.writer.discard()
        return [Outcome("quarantined", reason=str(error)) for _ in group]
    except IntegrityError as error:
        savepoint.rollback()
        applier.writer.discard()
        log.info("entry %s refused by the database: %s", group[0].device_seq, error.orig)
        return [Outcome("quarantined", reason=_integrity_reason(error)) for _ in group]
    except DBAPIError as error:
        if error.connection_invalidated:
            raise
        savepoint.rollback()
        applier.writer.discard()
        log.warning("entry %s failed in the database: %s", group[0].device_seq, error.orig)
        reason = f"the central store could not save it: {error.orig}"
        return [Outcome("quarantined", reason=reason) for _ in group]
    savepoint.commit()
    applier.writer.keep()
    return outcomes


def _together(first: EntryV2, other: EntryV2) -> bool:
    """Field changes of one row written in one transaction on the laptop."""
    return (
        first.op == other.op == "update"
        and first.table == other.table
        and first.row_id == other.row_id
        and first.at == other.at
    )


def groups(entries: list[EntryV2]) -> list[list[EntryV2]]:
    out: list[list[EntryV2]] = []
    for entry in entries:
        if out and _together(out[-1][0], entry) and entry.device_seq == out[-1][-1].device_seq + 1:
            out[-1].append(entry)
        else:
            out.append([entry])
    return out


def _integrity_reason(error: IntegrityError) -> str:
    text = str(error.orig).lower()
    if "unique" in text or "duplicate" in text:
        return "it would duplicate a record that must be unique (a name already in use?)"
    if "foreign key" in text:
        return "other records still refer to it, or it refers to one that is missing"
    if "not null" in text or "null value" in text:
        return "a required value is missing"
    return "the central store refused it as inconsistent"


def _kept(value: Any, outcome: Outcome) -> Any:
    """A refused value is kept as a preview: a 10 MB body must not live on here."""
    return stored_value(value) if outcome.status == "quarantined" else value


def _history_row(
    device_id: uuid.UUID, principal: Principal, entry: EntryV2, outcome: Outcome, now: datetime
) -> dict[str, Any]:
    try:
        row_id = uuid.UUID(entry.row_id)
    except ValueError:
        row_id = uuid.UUID(int=0)
    try:
        at = parse_at(entry.at)
    except RowRefused:
        at = now
    return {
        "device_id": device_id,
        "device_seq": entry.device_seq,
        "table_name": entry.table[:40],
        "row_id": row_id,
        "op": entry.op,
        "field": entry.field[:60] if entry.field else None,
        "base": _kept(entry.base, outcome),
        "value": _kept(entry.value, outcome),
        "user_id": principal.user_id,
        "at": at,
        "received_at": now,
        "status": outcome.status,
        "reason": outcome.reason,
        "conflict_id": outcome.conflict_id,
    }


def retry(
    engine: Engine,
    principal: Principal,
    device_id: uuid.UUID,
    group: list[EntryV2],
    *,
    address: str | None = None,
) -> list[EntryResult]:
    """Try quarantined entries again (after the reason was put right): one entry, or
    the changes of one row made in one transaction, which are checked together."""
    entries = schema.server_entry
    group = sorted(group, key=lambda e: e.device_seq)
    with writing(engine) as connection:
        held = {
            int(row.device_seq): row.status
            for row in connection.execute(
                sa.select(entries.c.device_seq, entries.c.status).where(
                    entries.c.device_id == device_id,
                    entries.c.device_seq.in_([e.device_seq for e in group]),
                )
            )
        }
        results: dict[int, EntryResult] = {}
        waiting = []
        for entry in group:
            status = held.get(entry.device_seq)
            if status is None:
                # only a change the server holds in quarantine is tried again; anything
                # else goes through the ordinary push, in order
                results[entry.device_seq] = EntryResult(
                    device_seq=entry.device_seq,
                    status="quarantined",
                    reason="the central store has not received this change yet: sync first",
                )
            elif status != "quarantined":
                results[entry.device_seq] = EntryResult(
                    device_seq=entry.device_seq, status="duplicate"
                )
            else:
                waiting.append(entry)
        applier = Applier(connection, principal, device_id)
        now = utcnow()
        written: set[uuid.UUID] = set()
        for batch in groups(waiting):
            for entry, outcome in zip(batch, _apply_one(connection, applier, batch), strict=True):
                connection.execute(
                    sa.update(entries)
                    .where(
                        entries.c.device_id == device_id, entries.c.device_seq == entry.device_seq
                    )
                    .values(
                        status=outcome.status,
                        reason=outcome.reason,
                        received_at=now,
                        conflict_id=outcome.conflict_id,
                        base=_kept(entry.base, outcome),
                        value=_kept(entry.value, outcome),
                    )
                )
                if outcome.child is not None and outcome.status in ("applied", "conflict"):
                    written.add(outcome.child)
                results[entry.device_seq] = EntryResult(
                    device_seq=entry.device_seq,
                    status=outcome.status,
                    reason=outcome.reason,
                    conflict_id=str(outcome.conflict_id) if outcome.conflict_id else None,
                )
        record_children(connection, principal, "write", written, detail="retry", address=address)
        applier.writer.finish()
    return [results[entry.device_seq] for entry in group]
