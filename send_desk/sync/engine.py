"""One sync pass of a laptop: sign in with the saved refresh token, push, pull.

1. **Push** the journal entries after the last acknowledged one, a page at a time.
   The answer says what became of each entry; refused ones go to the quarantine
   ledger with the server's reason. The acknowledged number is saved with them in
   one local transaction, so a connection cut before the answer arrives means the
   page is sent again, and the server answers "already have it".
2. Tell the server which conflicts were resolved on this laptop.
3. **Scope**: if the children the server says are in scope differ from the ones the
   laptop holds, the new ones are fetched whole (a backfill, resumable).
4. **Pull** the changes after the checkpoint, a page at a time; each page's checksum
   is verified, then its rows and the new checkpoint are saved in one transaction.
   A server that goes away mid-pull costs nothing: the next pass resumes from the
   last saved page.
5. Children that left the scope, and have no unsent changes, are removed.
6. Documents' content is sent and fetched a chunk at a time
   (:mod:`send_desk.sync.documents`).

A device the administrator revoked (or whose user was disabled) is **wiped**: the
store, its key file, its backups and the saved sign-in are deleted.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import Session, select

from send_desk.domain.sync_state import SyncConflict, SyncQuarantine, SyncScope
from send_desk.domain.tables import table_of
from send_desk.storage.store import Store
from send_desk.sync import access, apply, outbox, state
from send_desk.sync.client import (
    ChecksumMismatch,
    Client,
    NotSignedIn,
    Offline,
    Refused,
    SyncError,
    WipeOrdered,
)
from send_desk.sync.credentials import load_refresh_token, save_refresh_token
from send_desk.sync.protocol import PROTOCOL_VERSION, PULL_PAGE, PUSH_PAGE, scope_hash
from send_desk.sync.signin import (
    ClientFactory,
    LoginResult,
    _reset_pull,
    default_client,
    login,
    wipe,
)
from send_desk.timeutil import utcnow

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
T = TypeVar("T")


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    quarantined: int = 0
    duplicates: int = 0
    removed: int = 0
    kept_local: int = 0
    pending: int = 0
    open_conflicts: int = 0
    quarantined_total: int = 0
    pages: int = 0
    server: str | None = None
    checkpoint: int = 0
    last_sync_at: str | None = None
    wiped: bool = False
    errors: list[str] = field(default_factory=list)
    # documents whose content this pass sent whole to / fetched whole from the server
    documents_sent: int = 0
    documents_fetched: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Syncer:
    """One laptop's sync with its central store."""

    def __init__(
        self,
        store: Store,
        *,
        client_factory: ClientFactory = default_client,
        progress: Progress | None = None,
        push_page: int = PUSH_PAGE,
        pull_page: int = PULL_PAGE,
        protocol: int = PROTOCOL_VERSION,
        after_page: Callable[[str, int], None] | None = None,
        keep_access: bool = False,
    ) -> None:
        """``keep_access``: reuse the last pass's access token while it lives (a
        long-running app; a one-shot command has none to reuse)."""
        self.store = store
        self.keep_access = keep_access
        self.client_factory = client_factory
        self.progress = progress or (lambda _phase, _done, _total: None)
        self.push_page = push_page
        self.pull_page = pull_page
        self.protocol = protocol
        self.after_page = after_page  # tests: ("push" | "pull" | "backfill", pages so far)
        self._client: Client | None = None

    # ------------------------------------------------------------- connection

    def _state(self) -> state.SyncState:
        with self.store.read() as session:
            return state.load_state(session)

    def _device(self) -> uuid.UUID:
        return self.store.info.device_id

    def connect(self, *, fresh: bool = False) -> Client:
        """A client with an access token: the last pass's while it has over a minute to
        live (see :mod:`send_desk.sync.access`), else a refresh with the saved refresh
        token; ``fresh`` always refreshes."""
        current = self._state()
        if not current.server_url:
            raise NotSignedIn(
                "this laptop is not signed in to a central store "
                "(send-desk login --server URL --user NAME)"
            )
        token = load_refresh_token(self.store)
        if not token:
            raise NotSignedIn(
                f"sign in again to {current.server_url} (send-desk login --server "
                f"{current.server_url} --user {current.username or 'NAME'})"
            )
        client = self.client_factory(current.server_url)
        client.set_protocol(self.protocol)
        key = (str(self.store.info.store_id), str(current.server_url), token)
        kept = access.held(key) if self.keep_access and not fresh else None
        if kept is not None:
            client.access_token = kept.access_token
            self._client = client
            return client
        try:
            answer = client.refresh(token, str(self._device()))
        except BaseException:
            client.close()
            raise
        replacement = answer.get("refresh_token")
        if replacement:
            # the token just sent is spent: sending it again would withdraw the sign-in
            save_refresh_token(self.store, str(replacement))
        self._check_server(answer)
        if self.keep_access:
            access.remember((key[0], key[1], str(replacement or token)), answer)
        self._client = client
        return client

    def _check_server(self, answer: dict[str, Any]) -> None:
        current = self._state()
        with self.store.write() as session:
            if current.server_id and answer.get("server_id") != current.server_id:
                log.warning("the central store's identity changed: pulling everything again")
                _reset_pull(current)
                state.set_held_children(session, [])
            current.server_id = answer.get("server_id")
            user = answer.get("user") or {}
            current.role = user.get("role")
            current.team = user.get("team")
            state.save_state(session, current)

    def _call(self, action: Callable[[Client], T]) -> T:
        """A server call; an expired access token is renewed once."""
        client = self._client or self.connect()
        try:
            return action(client)
        except NotSignedIn:
            client.close()
            self._client = None
            access.forget(self.store.info.store_id)
            client = self.connect(fresh=True)
            return action(client)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # ------------------------------------------------------------- the pass

    def sync(self) -> SyncReport:
        report = SyncReport()
        try:
            self.connect()
            report.server = self._state().server_url
            self._refresh_derived()  # left over from a pass that was cut short
            self._push(report)
            self._send_resolutions()
            self._pull(report)
            self._remove_out_of_scope(report)
            self._documents(report)
            with self.store.write() as session:
                current = state.load_state(session)
                current.last_sync_at = utcnow().isoformat()
                current.last_error = None
                state.save_state(session, current, "last_sync_at", "last_error")
        except WipeOrdered as order:
            self.close()
            access.forget(self.store.info.store_id)
            wipe(self.store, order.code, order.message)
            report.wiped = True
            raise
        except SyncError as error:
            self._note_error(error.message)
            raise
        finally:
            self.close()
        self._totals(report)
        return report

    def fetch_document(self, document_id: uuid.UUID) -> bool:
        """Fetch one document's content now (an older one this laptop does not keep);
        True once it is whole here."""
        from send_desk.sync.documents import fetch_document

        try:
            self.connect()
            return fetch_document(self.store, self._call, document_id)
        finally:
            self.close()

    def _documents(self, report: SyncReport) -> None:
        from send_desk.sync.documents import DocumentSync

        moved = DocumentSync(self.store, self._call).run()
        report.documents_sent = moved.sent
        report.documents_fetched = moved.fetched

    def _note_error(self, message: str) -> None:
        try:
            with self.store.write() as session:
                current = state.load_state(session)
                current.last_error = message
                state.save_state(session, current, "last_error")
        except Exception:
            log.exception("could not record the sync error")

    def _totals(self, report: SyncReport) -> None:
        with self.store.read() as session:
            current = state.load_state(session)
            report.pending = state.pending_count(session, self._device(), current.acked_seq)
            report.open_conflicts = int(
                session.scalar(
                    select(sa.func.count())
                    .select_from(SyncConflict)
                    .where(SyncConflict.status == "open")
                )
                or 0
            )
            report.quarantined_total = len(state.quarantined_seqs(session))
            report.checkpoint = current.checkpoint
            report.last_sync_at = current.last_sync_at

    # ------------------------------------------------------------- push

    def _push(self, report: SyncReport) -> None:
        device = self._device()
        with self.store.read() as session:
            total = state.pending_count(session, device, state.load_state(session).acked_seq)
        done = 0
        pages = 0
        page_size = self.push_page
        while True:
            with self.store.read() as session:
                acked = state.load_state(session).acked_seq
                entries = outbox.pending_entries(session, device, acked, page_size)
                if not entries:
                    return
                body = outbox.build_entries(session, entries, version=self.protocol)
            self.progress("push", done, total)

            def send(client: Client, body: list[dict[str, Any]] = body) -> dict[str, Any]:
                return client.push(str(device), body)

            try:
                answer = self._call(send)
            except Refused as error:
                # a page of long notes over the central store's body limit: smaller pages
                if error.status != 413 or len(entries) == 1:
                    raise
                page_size = max(1, len(entries) // 2)
                continue
            self._record_push(answer, report)
            done += len(entries)
            pages += 1
            self.progress("push", done, total)
            if self.after_page is not None:
                self.after_page("push", pages)

    def _record_push(self, answer: dict[str, Any], report: SyncReport) -> None:
        now = utcnow()
        with self.store.write() as session:
            current = state.load_state(session)
            for result in answer.get("results", []):
                status = result.get("status")
                if status == "quarantined":
                    report.quarantined += 1
                    session.merge(
                        SyncQuarantine(
                            device_seq=int(result["device_seq"]),
                            reason=str(result.get("reason") or "refused by the central store"),
                            at=now,
                            status="quarantined",
                        )
                    )
                elif status == "conflict":
                    report.conflicts += 1
                    report.pushed += 1
                elif status == "duplicate":
                    report.duplicates += 1
                else:
                    report.pushed += 1
            current.acked_seq = max(current.acked_seq, int(answer.get("acked_seq", 0)))
            state.save_state(session, current, "acked_seq")

    def _send_resolutions(self) -> None:
        table = table_of(SyncConflict)
        with self.store.read() as session:
            waiting = session.execute(
                sa.select(
                    table.c.id, table.c.pending_choice, table.c.resolution, table.c.resolution_note
                ).where(table.c.pending_choice.is_not(None))
            ).all()
        for row in waiting:

            def resolve(client: Client, row: Any = row) -> Any:
                return client.resolve(str(row.id), "value", row.resolution, row.resolution_note)

            self._call(resolve)
            with self.store.write() as session:
                session.execute(
                    sa.update(table).where(table.c.id == row.id).values(pending_choice=None)
                )

    # ------------------------------------------------------------- pull

    def _pending(self, session: Session) -> outbox.Pending:
        current = state.load_state(session)
        return outbox.pending(
            session, self._device(), current.acked_seq, state.quarantined_seqs(session)
        )

    def _pull(self, report: SyncReport) -> None:
        self._backfill(report)  # left over from a pass that was cut short
        pages = 0
        # The next page is fetched while this one is written (the server and the laptop
        # each get a core); pages are still applied, and checkpointed, in order.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as prefetch:
            with self.store.read() as session:
                checkpoint = state.load_state(session).checkpoint
                held = state.held_children(session)
            # the first page also checks the scope (one request where there were two);
            # when it changed, its rows are used only on a first sync (checkpoint 0: the
            # pages bring everything): otherwise the new children are backfilled first
            coming: Future[dict[str, Any]] | None = prefetch.submit(
                self._call, self._page_request(checkpoint, held, scope_hash(held))
            )
            while coming is not None:
                answer = coming.result()
                coming = None
                if answer.get("scope") is not None and checkpoint == 0:
                    self._take_scope(answer, held)
                    with self.store.read() as session:
                        held = state.held_children(session)
                elif answer.get("scope") is not None:
                    self._take_scope(answer, held)
                    self._backfill(report)
                    with self.store.read() as session:
                        checkpoint = state.load_state(session).checkpoint
                        held = state.held_children(session)
                    coming = prefetch.submit(self._call, self._page_request(checkpoint, held))
                    continue
                if answer.get("more"):
                    coming = prefetch.submit(
                        self._call, self._page_request(int(answer["checkpoint"]), held)
                    )
                refetch = self._apply_page(answer, report, checkpoint=True)
                pages += 1
                report.pages += 1
                self.progress("pull", answer["checkpoint"], answer.get("server_seq"))
                if self.after_page is not None:
                    self.after_page("pull", pages)
                if refetch:
                    self._add_backfill(refetch, int(answer.get("server_seq", 0)))
        self._backfill(report)
        self._refresh_derived()

    def _page_request(
        self, checkpoint: int, _held: list[str], scope: str | None = None
    ) -> Callable[[Client], dict[str, Any]]:
        # the scope is checked with the first page of the pass; later pages do not ask
        def page(client: Client) -> dict[str, Any]:
            if scope is not None:
                return client.pull(checkpoint=checkpoint, limit=self.pull_page, scope_hash=scope)
            return client.pull(checkpoint=checkpoint, limit=self.pull_page)

        return page

    def _refresh_derived(self) -> None:
        """The cached stage and milestones of the children the pull changed."""
        with self.store.write() as session:
            current = state.load_state(session)
            if not current.dirty:
                return
            local = set(session.scalars(sa.select(registry_child_table().c.id)))
            apply.refresh_derived(session, {uuid.UUID(c) for c in current.dirty} & local)
            current.dirty = []
            state.save_state(session, current, "dirty")

    def _apply_page(
        self, answer: dict[str, Any], report: SyncReport, *, checkpoint: bool
    ) -> set[uuid.UUID]:
        changes = answer.get("changes", [])
        with self.store.write() as session:
            pending = self._pending(session)
            result = apply.apply_changes(session, changes, pending)
            current = state.load_state(session)
            if result.recompute:
                # derived data is brought up to date once, at the end of the pull
                current.dirty = sorted(set(current.dirty) | {str(c) for c in result.recompute})
                state.save_state(session, current, "dirty")
            if checkpoint:
                current.checkpoint = max(current.checkpoint, int(answer["checkpoint"]))
                state.save_state(session, current, "checkpoint")
            else:
                current.backfill_after = int(answer["checkpoint"])
                state.save_state(session, current, "backfill_after")
        report.pulled += result.rows + result.deleted
        report.kept_local += result.kept_local
        return result.refetch

    def _take_scope(self, answer: dict[str, Any], held: list[str]) -> None:
        scope = answer.get("scope")
        if scope is None:
            return
        new = sorted(set(scope) - set(held))
        with self.store.write() as session:
            current = state.load_state(session)
            if current.checkpoint > 0 and new:
                # rows of these children older than the checkpoint were never sent here
                current.backfill = sorted(set(current.backfill) | set(new))
                current.backfill_until = max(
                    current.backfill_until, int(answer.get("server_seq", 0))
                )
                current.backfill_after = 0
            state.set_held_children(session, sorted(scope))
            state.save_state(session, current)

    def _add_backfill(self, children: set[uuid.UUID], until: int) -> None:
        with self.store.write() as session:
            current = state.load_state(session)
            current.backfill = sorted(set(current.backfill) | {str(c) for c in children})
            current.backfill_until = max(current.backfill_until, until)
            current.backfill_after = 0
            state.save_state(session, current, "backfill", "backfill_until", "backfill_after")

    def _backfill(self, report: SyncReport) -> None:
        pages = 0
        rounds = 0
        while True:
            current = self._state()
            if not current.backfill:
                return

            def page(client: Client, current: state.SyncState = current) -> dict[str, Any]:
                return client.pull(
                    children=current.backfill,
                    until=current.backfill_until,
                    after=current.backfill_after,
                    limit=self.pull_page,
                )

            answer = self._call(page)
            refetch = self._apply_page(answer, report, checkpoint=False)
            pages += 1
            report.pages += 1
            self.progress("backfill", pages, None)
            if self.after_page is not None:
                self.after_page("backfill", pages)
            if not answer.get("more"):
                with self.store.write() as session:
                    current = state.load_state(session)
                    rounds += 1
                    again = (
                        refetch - {uuid.UUID(c) for c in current.backfill} if rounds < 2 else set()
                    )
                    current.backfill = sorted(str(c) for c in again)
                    current.backfill_after = 0
                    if not again:
                        current.backfill_until = 0
                    state.save_state(
                        session, current, "backfill", "backfill_until", "backfill_after"
                    )

    def _remove_out_of_scope(self, report: SyncReport) -> None:
        children = registry_child_table()
        held_ids = sa.select(table_of(SyncScope).c.child_id)
        with self.store.read() as session:
            # most passes: every local child is in scope, and nothing need be written
            outside = session.scalar(
                sa.select(sa.func.count())
                .select_from(children)
                .where(children.c.id.not_in(held_ids))
            )
        if not outside:
            return
        with self.store.write() as session:
            held = {uuid.UUID(c) for c in state.held_children(session)}
            local = set(session.scalars(sa.select(children.c.id)))
            pending = self._pending(session)
            leaving = local - held - pending.children
            if leaving:
                report.removed += apply.remove_children(session, leaving)


def registry_child_table() -> sa.Table:
    from send_desk.sync.tables import registry

    return registry()["child"].table


__all__ = [
    "ChecksumMismatch",
    "LoginResult",
    "NotSignedIn",
    "Offline",
    "SyncError",
    "SyncReport",
    "Syncer",
    "WipeOrdered",
    "login",
    "wipe",
]
