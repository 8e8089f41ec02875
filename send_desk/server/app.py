"""The central store's HTTP API (FastAPI). Stateless: everything lives in the database.

Endpoints (protocol in ``docs/sync-protocol.md``; OpenAPI at ``/openapi.json``,
browsable at ``/docs``)::

    GET  /api/health                     liveness, server id, protocol versions
    POST /api/auth/login                 user name + password + device -> tokens
    POST /api/auth/refresh               refresh token -> access token
    POST /api/auth/logout                revoke this device's refresh tokens
    GET  /api/me                         the signed-in user
    POST /api/sync/push                  a page of journal entries -> what became of each
    POST /api/sync/retry                 a quarantined entry, tried again
    POST /api/sync/pull                  changes after a checkpoint (or a backfill)
    GET  /api/conflicts                  open conflicts in the user's scope
    POST /api/conflicts/{id}/resolve     close a conflict (the chosen value syncs as a change)
    GET  /api/children/{id}              one child's record, if in the user's scope
    GET/PUT /api/documents/{id}[/chunks/{n}]  a document's content, in chunks (documents.py)
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from send_desk import __version__
from send_desk.server import auth, org_rules, ratelimit, schema
from send_desk.server.addresses import TrustedProxies, client_address
from send_desk.server.audit import record
from send_desk.server.body_limit import BodyLimit
from send_desk.server.db import lookup, reading, writing
from send_desk.server.documents import add_document_routes
from send_desk.server.errors import (
    AUTH,
    BODY,
    PULL_ERRORS,
    SIGNED_IN,
    entries_of,
    errors,
    refusal_body,
    validation_body,
)
from send_desk.server.rows import CONFLICT_TABLE
from send_desk.server.scope import (
    Principal,
    in_scope,
    load_principal,
    scope_select,
    sees_team_row,
)
from send_desk.server.signed_in import signed_in, verified
from send_desk.sync import protocol
from send_desk.sync.protocol import (
    BAD_REQUEST,
    CHECKSUM_HEADER,
    DEVICE_REVOKED,
    HEADER,
    MAX_BODY_BYTES,
    OUT_OF_SCOPE,
    PROTOCOL_UNSUPPORTED,
    PROTOCOL_VERSION,
    PUSH_PAGE,
    SUPPORTED_VERSIONS,
    TOO_LARGE,
    USER_DISABLED,
    EntryV2,
    LoginRequest,
    LoginResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    RefreshResponse,
    ResolveRequest,
    RetryRequest,
    UserOut,
    body_checksum,
)
from send_desk.timeutil import utcnow

log = logging.getLogger(__name__)


class Refusal(HTTPException):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(status, {"code": code, "message": message}, headers=headers)


def _from_auth(error: auth.AuthRefused) -> Refusal:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    if error.status == 401:
        headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
    return Refusal(error.status, error.code, error.message, headers)


@dataclass
class ServerState:
    engine: Engine
    keys: auth.TokenKeys
    proxies: TrustedProxies = field(default_factory=TrustedProxies)


def _address(request: Request) -> str:
    """The client's address (from ``X-Forwarded-For`` only via a named proxy)."""
    state: ServerState = request.app.state.server
    peer = request.client.host if request.client else None
    return client_address(peer, request.headers.get("x-forwarded-for"), state.proxies)


def _user_out(connection: sa.Connection, principal: Principal) -> UserOut:
    from send_desk.domain.organisation import Team
    from send_desk.domain.tables import table_of

    teams = table_of(Team)
    names = dict(
        connection.execute(
            sa.select(teams.c.id, teams.c.name).where(teams.c.id.in_(list(principal.teams)))
        ).all()
    )
    return UserOut(
        id=str(principal.user_id),
        username=principal.username,
        display_name=principal.display_name,
        role=principal.role,
        team=names.get(principal.team_id) if principal.team_id else None,
        teams=sorted(names.values()),
    )


async def protocol_version(
    version: Annotated[str | None, Header(alias=HEADER)] = None,
) -> int:
    # async: a plain function would be run in a worker thread, a hop per request
    try:
        number = int(version) if version is not None else None
    except ValueError:
        number = None
    if number not in SUPPORTED_VERSIONS:
        raise Refusal(
            426,
            PROTOCOL_UNSUPPORTED,
            f"this central store speaks sync protocol {min(SUPPORTED_VERSIONS)} to "
            f"{max(SUPPORTED_VERSIONS)}; the app sent {version or 'none'}: update SEND Desk",
        )
    return int(number)


def principal(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> Principal:
    state: ServerState = request.app.state.server
    engine = state.engine
    if not authorization or not authorization.lower().startswith("bearer "):
        raise Refusal(401, protocol.NOT_SIGNED_IN, "not signed in", {"WWW-Authenticate": "Bearer"})
    try:
        access = verified.read(state.keys, authorization[7:].strip())
    except auth.AuthRefused as error:
        raise _from_auth(error) from None
    with lookup(engine) as connection:
        found = signed_in(connection, access)
    if found is None:
        raise Refusal(401, protocol.NOT_SIGNED_IN, "not signed in", {"WWW-Authenticate": "Bearer"})
    who, user_id, device_id = found.principal, access.user_id, access.device_id
    # a withdrawn sign-in (logout, a copied refresh token) stops its access tokens at
    # once; a withdrawn device or account is told below, to wipe
    ended = not found.session_live
    wipe = None
    if found.revoked_at is not None:
        wipe = (DEVICE_REVOKED, "this device's access has been withdrawn")
    elif not who.active:
        wipe = (USER_DISABLED, "this account has been disabled")
    if wipe is None and ended:
        raise Refusal(401, protocol.NOT_SIGNED_IN, "signed out: sign in again",
                      {"WWW-Authenticate": "Bearer"})  # fmt: skip
    if wipe is not None:
        with writing(engine) as connection:
            connection.execute(
                sa.update(schema.device)
                .where(schema.device.c.id == device_id, schema.device.c.wiped_at.is_(None))
                .values(wiped_at=utcnow())
            )
            record(
                connection,
                "wipe",
                user_id=user_id,
                device_id=device_id,
                detail=wipe[0],
                address=_address(request),
            )
        raise Refusal(403, wipe[0], wipe[1])
    return who


Version = Annotated[int, Depends(protocol_version)]
Who = Annotated[Principal, Depends(principal)]


def create_app(engine: Engine, *, forwarded_allow_ips: str | None = None) -> FastAPI:
    """The API on this database; ``forwarded_allow_ips``: the reverse proxies whose
    ``X-Forwarded-For`` is believed (addresses or networks, comma-separated)."""
    with reading(engine) as connection:
        keys = auth.token_keys(connection)
    state = ServerState(engine, keys, TrustedProxies.parse(forwarded_allow_ips))
    app = FastAPI(
        title="SEND Desk central store",
        version=__version__,
        description=(
            "Authenticates SEND Desk users, scopes what each laptop receives, and keeps the "
            f"authoritative record. Sync protocol version {PROTOCOL_VERSION} (also accepts "
            f"{', '.join(str(v) for v in SUPPORTED_VERSIONS if v != PROTOCOL_VERSION)}); "
            f"send the version in the {HEADER} header."
        ),
    )
    app.state.server = state
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.exception_handler(StarletteHTTPException)
    async def refusal(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        # every refusal has one shape (ErrorBody), the framework's own ones too
        return JSONResponse(
            refusal_body(error.status_code, error.detail),
            status_code=error.status_code,
            headers=error.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def not_well_formed(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse(validation_body(error.errors()), status_code=422)

    @app.get("/api/health", responses=errors(413))
    def health() -> dict[str, Any]:
        with reading(engine) as connection:
            connection.execute(sa.select(sa.literal(1))).scalar()
        return {
            "status": "ok",
            "server_id": state.keys.server_id,
            "protocol": PROTOCOL_VERSION,
            "protocols": list(SUPPORTED_VERSIONS),
            "version": __version__,
        }

    hash_slots = asyncio.Semaphore(ratelimit.HASH_SLOTS)

    def _look_up(username: str, address: str) -> auth.Candidate:
        with reading(engine) as connection:
            return auth.look_up(connection, username, address)

    def _slowdown() -> float:
        with reading(engine) as connection:
            return ratelimit.slowdown(connection)

    def _sign_in(
        candidate: auth.Candidate, ok: bool, device_id: uuid.UUID, device_name: str, address: str
    ) -> LoginResponse:
        refused: auth.AuthRefused | None = None
        with writing(engine) as connection:
            try:
                user_id = auth.finish_login(connection, candidate, ok, address)
                acked = auth.register_device(connection, user_id, device_id, device_name)
                issued = auth.issue_refresh_token(connection, user_id, device_id)
                who = load_principal(connection, user_id, device_id)
                assert who is not None
                user = _user_out(connection, who)
                record(connection, "login", user_id=user_id, device_id=device_id, address=address)
            except auth.AuthRefused as error:
                refused = error  # the failed attempt is kept (committed) all the same
        if refused is not None:
            raise refused
        return LoginResponse(
            access_token=auth.make_access_token(state.keys, user_id, device_id, issued.family_id),
            expires_in=auth.ACCESS_SECONDS,
            refresh_token=issued.token,
            user=user,
            server_id=state.keys.server_id,
            acked_seq=acked,
        )

    @app.post("/api/auth/login", response_model=LoginResponse, responses=errors(*AUTH, 409, 429))
    async def login(body: LoginRequest, request: Request, _version: Version) -> LoginResponse:
        address = _address(request)
        try:
            device_id = uuid.UUID(body.device_id)
        except ValueError:
            raise Refusal(422, "bad_request", "the device id is not an id") from None
        try:
            # a service under a spread-out attack answers later, never refuses: the
            # wait holds no thread and no transaction
            delay = await run_in_threadpool(_slowdown)
            if delay > 0:
                await ratelimit.pause(delay)
            # few Argon2 checks at once; the lock-out is read again once it is our turn
            async with hash_slots:
                candidate = await run_in_threadpool(_look_up, body.username, address)
                ok = await run_in_threadpool(auth.password_matches, candidate, body.password)
                return await run_in_threadpool(
                    _sign_in, candidate, ok, device_id, body.device_name, address
                )
        except auth.AuthRefused as error:
            raise _from_auth(error) from None

    @app.post("/api/auth/refresh", response_model=RefreshResponse, responses=errors(*AUTH))
    def refresh(body: RefreshRequest, _version: Version) -> RefreshResponse:
        try:
            device_id = uuid.UUID(body.device_id)
        except ValueError:
            raise Refusal(422, "bad_request", "the device id is not an id") from None
        refused: auth.AuthRefused | None = None
        with writing(engine) as connection:
            try:
                spent = auth.use_refresh_token(connection, body.refresh_token, device_id)
                user_id = spent.user_id
                who = load_principal(connection, user_id, device_id)
                assert who is not None
                user = _user_out(connection, who)
                connection.execute(
                    sa.update(schema.device)
                    .where(schema.device.c.id == device_id)
                    .values(last_seen_at=utcnow())
                )
            except auth.AuthRefused as error:
                refused = error
                if error.code in protocol.WIPE_CODES:
                    connection.execute(
                        sa.update(schema.device)
                        .where(schema.device.c.id == device_id, schema.device.c.wiped_at.is_(None))
                        .values(wiped_at=utcnow())
                    )
                    record(connection, "wipe", user_id=None, device_id=device_id, detail=error.code)
        if refused is not None:
            raise _from_auth(refused)
        return RefreshResponse(
            access_token=auth.make_access_token(state.keys, user_id, device_id, spent.family_id),
            expires_in=auth.ACCESS_SECONDS,
            refresh_token=spent.refresh_token,
            user=user,
            server_id=state.keys.server_id,
            acked_seq=spent.acked_seq,
        )

    @app.post("/api/auth/logout", responses=errors(*SIGNED_IN, 426))
    def logout(who: Who, request: Request, _version: Version) -> dict[str, bool]:
        # every sign-in of this device ends: its refresh tokens, and with them the
        # access tokens they gave (this one included)
        with writing(engine) as connection:
            connection.execute(
                sa.update(schema.refresh_token)
                .where(
                    schema.refresh_token.c.device_id == who.device_id,
                    schema.refresh_token.c.revoked_at.is_(None),
                )
                .values(revoked_at=utcnow())
            )
            record(
                connection, "logout", user_id=who.user_id, device_id=who.device_id,
                address=_address(request),
            )  # fmt: skip
        return {"signed_out": True}

    @app.get("/api/me", response_model=UserOut, responses=errors(*SIGNED_IN))
    def me(who: Who) -> UserOut:
        with reading(engine) as connection:
            return _user_out(connection, who)

    def _entries(version: int, raw: list[dict[str, Any]]) -> list[EntryV2]:
        try:
            return entries_of(version, raw)
        except ValueError as error:
            raise Refusal(422, BAD_REQUEST, str(error)) from None

    def _page_size(raw: list[dict[str, Any]], who: Principal, request: Request) -> None:
        if len(raw) <= PUSH_PAGE:
            return
        with writing(engine) as connection:
            record(
                connection,
                "refused",
                user_id=who.user_id,
                device_id=who.device_id,
                detail=f"a push of {len(raw)} entries (at most {PUSH_PAGE})",
                address=_address(request),
            )
        raise Refusal(
            413,
            TOO_LARGE,
            f"{len(raw)} changes in one request; the central store takes at most {PUSH_PAGE}",
        )

    @app.post("/api/sync/push", response_model=PushResponse, responses=errors(*BODY))
    def push(body: PushRequest, request: Request, who: Who, version: Version) -> PushResponse:
        from send_desk.server.push import push as apply_push

        if body.device_id != str(who.device_id):
            raise Refusal(403, "wrong_device", "entries can only be pushed by their own device")
        _page_size(body.entries, who, request)
        if (
            version >= 2
            and body.checksum is not None
            and body.checksum != protocol.entries_checksum(body.entries)
        ):
            raise Refusal(422, "checksum", "the entries were damaged on the way: send them again")
        entries = _entries(version, body.entries)
        assert who.device_id is not None
        return apply_push(engine, who, who.device_id, entries, address=_address(request))

    @app.post("/api/sync/retry", response_model=protocol.RetryResponse, responses=errors(*BODY))
    def retry(
        body: RetryRequest, request: Request, who: Who, version: Version
    ) -> protocol.RetryResponse:
        from send_desk.server.push import retry as apply_retry

        if body.device_id != str(who.device_id):
            raise Refusal(403, "wrong_device", "entries can only be pushed by their own device")
        raw = body.entries if body.entries is not None else [body.entry] if body.entry else []
        if not raw:
            raise Refusal(422, "bad_request", "no entry to try again")
        _page_size(raw, who, request)
        group = _entries(version, raw)
        assert who.device_id is not None
        results = apply_retry(engine, who, who.device_id, group, address=_address(request))
        if version == 1:  # version 1 retried one entry and got its result back
            return JSONResponse(results[0].model_dump())  # type: ignore[return-value]
        return protocol.RetryResponse(results=results)

    @app.post(
        "/api/sync/pull",
        response_model=PullResponse,
        responses={
            200: {"headers": {CHECKSUM_HEADER: {"description": "SHA-256 of the body"}}},
            **errors(*PULL_ERRORS),
        },
    )
    def pull(body: PullRequest, request: Request, who: Who, _version: Version) -> Response:
        from send_desk.server.pull import pull as read_pull

        page = read_pull(engine, who, body, address=_address(request))
        content = orjson.dumps(page)
        return Response(
            content,
            media_type="application/json",
            headers={CHECKSUM_HEADER: body_checksum(content)},
        )

    @app.get("/api/conflicts", responses=errors(*SIGNED_IN, 426))
    def conflicts(who: Who, _version: Version) -> list[dict[str, Any]]:
        from send_desk.server.pull import _conflict_json

        table = schema.conflict
        versions = schema.row_version
        # who a conflict is for: a child's (its caseload), team data's (that row's
        # users, recorded with the conflict's change number) or organisation data's
        # (those who may write that row: see org_rules)
        query = (
            sa.select(table, versions.c.team_id.label("audience_team"),
                      versions.c.owner_id.label("audience_owner"))
            .outerjoin(versions, (versions.c.table_name == CONFLICT_TABLE)
                       & (versions.c.row_id == table.c.id))
            .where(table.c.status == "open")
            .order_by(table.c.created_at)
        )  # fmt: skip
        if not who.is_admin:
            query = query.where(
                table.c.child_id.in_(scope_select(who)) | table.c.child_id.is_(None)
            )
        with reading(engine) as connection:
            return [
                _conflict_json(row)
                for row in connection.execute(query)
                if who.is_admin
                or row.child_id is not None
                or (
                    (row.audience_team or row.audience_owner) is None
                    and org_rules.conflict_visible(
                        connection, who, row.table_name, row.row_id, row.kept_value
                    )
                )
                or sees_team_row(who, row.audience_team, row.audience_owner)
            ]

    @app.post("/api/conflicts/{conflict_id}/resolve", responses=errors(*BODY, 404))
    def resolve(
        conflict_id: uuid.UUID, body: ResolveRequest, who: Who, _version: Version
    ) -> dict[str, Any]:
        from send_desk.server.rows import Writer

        table = schema.conflict
        with writing(engine) as connection:
            row = connection.execute(sa.select(table).where(table.c.id == conflict_id)).first()
            versions = schema.row_version
            # a conflict over team data goes to that row's users (see rows.Writer)
            audience = connection.execute(
                sa.select(versions.c.team_id, versions.c.owner_id).where(
                    versions.c.table_name == CONFLICT_TABLE, versions.c.row_id == conflict_id
                )
            ).first()
            team, owner = (audience.team_id, audience.owner_id) if audience else (None, None)
            if (
                row is None
                or (row.child_id is not None and not in_scope(connection, who, row.child_id))
                or ((team or owner) is not None and not sees_team_row(who, team, owner))
                or (
                    row.child_id is None
                    and not org_rules.conflict_visible(
                        connection, who, row.table_name, row.row_id, row.kept_value
                    )
                )
            ):
                raise Refusal(404, OUT_OF_SCOPE, "no such conflict in your caseload")
            if row.status != "open":
                return {"id": str(conflict_id), "status": row.status}
            chosen = {"kept": row.kept_value, "other": row.other_value}.get(body.choice, body.value)
            if body.choice == "value" and row.field is not None:
                from send_desk.sync.limits import value_problem
                from send_desk.sync.tables import sync_table

                problem = value_problem(sync_table(row.table_name), row.field, chosen)
                if problem is not None:
                    raise Refusal(422, BAD_REQUEST, problem)
            connection.execute(
                sa.update(table)
                .where(table.c.id == conflict_id)
                .values(
                    status="resolved",
                    resolved_by=who.user_id,
                    resolved_at=utcnow(),
                    resolution=chosen,
                    resolution_note=body.note,
                )
            )
            writer = Writer(connection)
            writer.touch_conflict(conflict_id, row.child_id, (team, owner))
            writer.finish()
            if row.child_id is not None:
                record(
                    connection,
                    "write",
                    user_id=who.user_id,
                    device_id=who.device_id,
                    child_id=row.child_id,
                    detail="conflict resolved",
                )
        return {"id": str(conflict_id), "status": "resolved"}

    @app.get("/api/children/{child_id}", responses=errors(*SIGNED_IN, 404))
    def child(child_id: str, request: Request, who: Who) -> dict[str, Any]:
        from send_desk.server.pull import fetch_child

        try:
            wanted = uuid.UUID(child_id)
        except ValueError:
            wanted = None
        with writing(engine) as connection:
            allowed = wanted is not None and in_scope(connection, who, wanted)
            found = fetch_child(connection, wanted) if allowed and wanted is not None else None
            record(
                connection,
                "read" if found is not None else "denied",
                user_id=who.user_id,
                device_id=who.device_id,
                child_id=wanted,
                detail=None if found is not None else "not in the user's scope or not found",
                address=_address(request),
            )
        if found is None:
            # the same answer whether the child exists or not: nothing leaks
            raise Refusal(404, OUT_OF_SCOPE, "no child with that id in your caseload")
        return found

    add_document_routes(app, engine, principal, _address)
    return app


def app_from_url(url: str) -> Callable[[], FastAPI]:
    """A factory for ``uvicorn --factory`` (several worker processes)."""

    def factory() -> FastAPI:
        import os

        from send_desk.server.addresses import ENV_FORWARDED_ALLOW_IPS
        from send_desk.server.db import open_database

        return create_app(
            open_database(url), forwarded_allow_ips=os.environ.get(ENV_FORWARDED_ALLOW_IPS)
        )

    return factory
