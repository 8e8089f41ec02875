"""Retrying or discarding a quarantined change (the actions of the sync ledger)."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from send_desk.domain.sync_state import SyncQuarantine
from send_desk.storage.store import Store
from send_desk.sync import apply, outbox, state
from send_desk.sync.client import Client, SyncError, WipeOrdered
from send_desk.sync.engine import Syncer
from send_desk.sync.signin import ClientFactory, default_client, wipe
from send_desk.timeutil import utcnow

# ----------------------------------------------------------------- ledger


def retry_quarantined(
    store: Store, device_seq: int, *, client_factory: ClientFactory = default_client
) -> dict[str, Any]:
    """Send a quarantined change again (after its reason was put right), with the other
    quarantined changes of the same record made in the same transaction, which the
    central store checks together."""
    syncer = Syncer(store, client_factory=client_factory)
    device = store.info.device_id
    with store.read() as session:
        entry = session.get(SyncQuarantine, device_seq)
        if entry is None or entry.status != "quarantined":
            raise SyncError(f"change {device_seq} is not in quarantine")
        journal = outbox.entries_by_seq(session, device, [device_seq])
        if not journal:
            raise SyncError(f"change {device_seq} is no longer in this laptop's journal")
        chosen = journal[0]
        held = state.quarantined_seqs(session)
        siblings = [
            other
            for other in outbox.entries_by_seq(session, device, sorted(held))
            if other.op == chosen.op == "update"
            and (other.table_name, other.row_id, other.at)
            == (
                chosen.table_name,
                chosen.row_id,
                chosen.at,
            )
        ] or journal
        body = outbox.build_entries(session, siblings)

    def send(client: Client) -> dict[str, Any]:
        return client.retry(str(device), body)

    try:
        answer = syncer._call(send)
    except WipeOrdered as order:
        syncer.close()
        wipe(store, order.code, order.message)
        raise
    finally:
        syncer.close()
    listed = answer.get("results", [answer] if "device_seq" in answer else [])
    results = {int(r["device_seq"]): r for r in listed}
    with store.write() as session:
        for seq, result in results.items():
            row = session.get(SyncQuarantine, seq)
            if row is None:
                continue
            if result.get("status") == "quarantined":
                row.reason = str(result.get("reason") or row.reason)
                row.at = utcnow()
            else:
                row.status = "retried"
                row.closed_at = utcnow()
                row.closed_by = store.info.user_id
            session.add(row)
    mine = results.get(device_seq, {})
    return {
        "device_seq": device_seq,
        "status": mine.get("status"),
        "reason": mine.get("reason"),
        "with": sorted(seq for seq in results if seq != device_seq),
    }


def discard_quarantined(store: Store, device_seq: int, reason: str) -> dict[str, Any]:
    """Give up a quarantined change, saying why; the central store's value comes back."""
    reason = reason.strip()
    if not reason:
        raise SyncError("say why the change is discarded (it is kept in the ledger)")
    from send_desk.sync.tables import registry

    with store.write() as session:
        row = session.get(SyncQuarantine, device_seq)
        if row is None or row.status != "quarantined":
            raise SyncError(f"change {device_seq} is not in quarantine")
        journal = outbox.entries_by_seq(session, store.info.device_id, [device_seq])
        refetch: set[uuid.UUID] = set()
        for entry in journal:
            info = registry().get(entry.table_name)
            if info is None:
                continue
            if entry.op in ("insert", "import"):
                try:
                    with session.begin_nested():
                        session.execute(
                            sa.delete(info.table).where(info.table.c.id == entry.row_id)
                        )
                except sa.exc.DBAPIError:
                    raise SyncError(
                        "other changes depend on this new record: discard those first"
                    ) from None
                continue
            local = (
                session.execute(sa.select(info.table).where(info.table.c.id == entry.row_id))
                .mappings()
                .first()
            )
            child = apply._child_of(info, dict(local), session) if local else None
            if child is not None:
                refetch.add(child)
            elif entry.op == "update" and entry.field and local is not None:
                import json

                base = info.decode({entry.field: json.loads(entry.old_value or "null")})
                session.execute(
                    sa.update(info.table).where(info.table.c.id == entry.row_id).values(**base)
                )
        row.status = "discarded"
        row.discard_reason = reason
        row.closed_at = utcnow()
        row.closed_by = store.info.user_id
        session.add(row)
        if refetch:
            current = state.load_state(session)
            current.backfill = sorted(set(current.backfill) | {str(c) for c in refetch})
            current.backfill_until = max(current.backfill_until, current.checkpoint)
            current.backfill_after = 0
            state.save_state(session, current, "backfill", "backfill_until", "backfill_after")
    return {"device_seq": device_seq, "status": "discarded", "reason": reason}
