"""Who is behind a request: the access token checked once, and one database query.

An empty sync should cost the central store about a millisecond of CPU, so a
request's sign-in check is one JWT verification (remembered for the token's life,
its expiry still checked on every use) and one query that reads the device, the user,
the teams they supervise and whether the token's sign-in still stands. Logging out
withdraws the sign-in's refresh tokens, which that same query sees: an access token
stops at once, as before.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from threading import Lock
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.server import auth, schema
from send_desk.server.scope import Principal
from send_desk.timeutil import utcnow


@dataclass(frozen=True)
class Access:
    """What a valid access token names."""

    user_id: uuid.UUID
    device_id: uuid.UUID
    session: uuid.UUID | None  # the sign-in; None for a token made before they were kept
    expires: int


class _Verified:
    """Access tokens already verified (signature, issuer, type), by their text.

    Only a token that passed every check is kept, with its expiry, which is checked
    again at each use; a different key (another server) never shares this cache."""

    SIZE = 4096

    def __init__(self) -> None:
        self._tokens: OrderedDict[tuple[str, str], Access] = OrderedDict()
        self._lock = Lock()

    def read(self, keys: auth.TokenKeys, token: str) -> Access:
        key = (keys.secret, token)
        with self._lock:
            known = self._tokens.get(key)
        if known is None:
            known = _verify(keys, token)
            with self._lock:
                self._tokens[key] = known
                while len(self._tokens) > self.SIZE:
                    self._tokens.popitem(last=False)
        if known.expires <= time.time():
            with self._lock:
                self._tokens.pop(key, None)
            raise auth.AuthRefused("the access token has expired", "token_expired")
        return known


def _verify(keys: auth.TokenKeys, token: str) -> Access:
    claims = auth.access_claims(keys, token)
    try:
        session = claims.get("sid")
        return Access(
            uuid.UUID(str(claims["sub"])),
            uuid.UUID(str(claims["dev"])),
            uuid.UUID(str(session)) if session is not None else None,
            int(claims["exp"]),
        )
    except (ValueError, TypeError, AttributeError):
        # correctly signed, but its subject or device is not an id: no one we know
        raise auth.AuthRefused("not signed in", "not_signed_in") from None


verified = _Verified()


@dataclass(frozen=True)
class SignedIn:
    principal: Principal
    revoked_at: datetime | None  # the device's access was withdrawn
    session_live: bool


def signed_in(connection: Connection, access: Access) -> SignedIn | None:
    """The user and device an access token names, in one query; None when the device
    is not that user's (or either is unknown)."""
    users = table_of(User)
    devices, supervises, tokens = schema.device, schema.supervises, schema.refresh_token
    live: Any = sa.true()
    if access.session is not None:
        # what auth.session_live reads: the sign-in's current token, neither withdrawn
        # nor expired
        live = sa.exists().where(
            tokens.c.family_id == access.session,
            tokens.c.revoked_at.is_(None),
            tokens.c.rotated_at.is_(None),
            tokens.c.expires_at > utcnow(),
        )
    rows = connection.execute(
        sa.select(
            users.c.id, users.c.username, users.c.display_name, users.c.role,
            users.c.team_id, users.c.active, devices.c.revoked_at,
            live.label("live"), supervises.c.team_id.label("supervised"),
        )
        .select_from(
            devices.join(users, users.c.id == devices.c.user_id).outerjoin(
                supervises,
                sa.and_(supervises.c.user_id == users.c.id, users.c.role == "supervisor"),
            )
        )
        .where(devices.c.id == access.device_id, users.c.id == access.user_id)
    ).all()  # fmt: skip
    if not rows:
        return None
    row = rows[0]
    teams = {r.supervised for r in rows if r.supervised is not None}
    if row.team_id is not None:
        teams.add(row.team_id)
    who = Principal(
        user_id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        team_id=row.team_id,
        teams=frozenset(teams),
        device_id=access.device_id,
        active=bool(row.active),
    )
    return SignedIn(who, row.revoked_at, bool(row.live))
