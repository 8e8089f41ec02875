"""Passwords, tokens, devices and login rate limiting.

- Passwords are hashed with Argon2id (argon2-cffi's defaults: 3 passes, 64 MiB).
- An access token is a JWT (HS256) that lives 10 minutes and names the user and the
  device; its key is made once and kept in the database, so every instance behind a
  load balancer accepts every other's tokens.
- A refresh token is random, kept only as its SHA-256, belongs to one device, lasts
  30 days from its last use, and is revoked with the device.
- Failed logins are counted in the database (shared by every instance): five for a
  user name or thirty from one address within 15 minutes lock further attempts out
  until the window has passed; many across the service slow sign-ins down
  (:mod:`send_desk.server.ratelimit`). The password is checked outside any
  transaction.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection

from send_desk.domain.organisation import User
from send_desk.domain.tables import table_of
from send_desk.server import ratelimit, schema
from send_desk.server.audit import record
from send_desk.server.db import read_meta
from send_desk.sync.protocol import DEVICE_REVOKED, LOGIN_FAILED, RATE_LIMITED, USER_DISABLED
from send_desk.timeutil import utcnow

ACCESS_SECONDS = 600
REFRESH_DAYS = 30

_hasher = PasswordHasher()


class AuthRefused(Exception):
    """A login or token refused; ``code`` tells the device what to do."""

    def __init__(self, message: str, code: str, status: int = 401, retry_after: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.retry_after = retry_after


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# A hash to verify against when the user does not exist, so both cases take as long.
_DUMMY_HASH = _hasher.hash("not a real password")


def set_password(
    connection: Connection, user_id: uuid.UUID, password: str, *, hashed: str | None = None
) -> None:
    """Set a password (``hashed``: an Argon2id hash of it made already, for bulk demos)."""
    table = schema.credential
    values = {"password_hash": hashed or hash_password(password), "changed_at": utcnow()}
    updated = connection.execute(
        sa.update(table).where(table.c.user_id == user_id).values(**values)
    ).rowcount
    if not updated:
        connection.execute(sa.insert(table).values(user_id=user_id, **values))


@dataclass(frozen=True)
class TokenKeys:
    secret: str
    server_id: str


def token_keys(connection: Connection) -> TokenKeys:
    meta = read_meta(connection)
    return TokenKeys(meta["token_secret"], meta["server_id"])


def make_access_token(keys: TokenKeys, user_id: uuid.UUID, device_id: uuid.UUID) -> str:
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "dev": str(device_id),
        "iss": keys.server_id,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ACCESS_SECONDS)).timestamp()),
        "typ": "access",
    }
    return jwt.encode(claims, keys.secret, algorithm="HS256")


def read_access_token(keys: TokenKeys, token: str) -> tuple[uuid.UUID, uuid.UUID]:
    try:
        claims = jwt.decode(
            token,
            keys.secret,
            algorithms=["HS256"],
            issuer=keys.server_id,
            options={"require": ["exp", "sub", "dev"]},
        )
    except jwt.ExpiredSignatureError:
        raise AuthRefused("the access token has expired", "token_expired") from None
    except jwt.InvalidTokenError:
        raise AuthRefused("not signed in", "not_signed_in") from None
    if claims.get("typ") != "access":
        raise AuthRefused("not signed in", "not_signed_in")
    return uuid.UUID(claims["sub"]), uuid.UUID(claims["dev"])


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- login, devices


@dataclass(frozen=True)
class Session:
    user_id: uuid.UUID
    device_id: uuid.UUID
    refresh_token: str
    acked_seq: int


@dataclass(frozen=True)
class Candidate:
    """Who a sign-in names, read before the password is checked."""

    name: str
    user_id: uuid.UUID | None
    active: bool
    password_hash: str | None


def look_up(connection: Connection, username: str, address: str) -> Candidate:
    """The user a sign-in names (a reading transaction); refused while locked out."""
    name = username.strip().lower()
    if ratelimit.locked(connection, name, address):
        minutes = int(ratelimit.LOCKOUT_WINDOW.total_seconds() // 60)
        raise AuthRefused(
            f"too many failed sign-ins: wait {minutes} minutes and try again",
            RATE_LIMITED,
            status=429,
            retry_after=int(ratelimit.LOCKOUT_WINDOW.total_seconds()),
        )
    users = table_of(User)
    row = connection.execute(
        sa.select(users.c.id, users.c.active, schema.credential.c.password_hash)
        .select_from(users.outerjoin(schema.credential, schema.credential.c.user_id == users.c.id))
        .where(users.c.username == name)
    ).first()
    if row is None:
        return Candidate(name, None, False, None)
    return Candidate(name, uuid.UUID(str(row.id)), bool(row.active), row.password_hash or None)


def password_matches(candidate: Candidate, password: str) -> bool:
    """Argon2id, deliberately slow: called with no transaction open, so a sign-in never
    holds up a push (on SQLite a writing transaction locks the whole database)."""
    stored = candidate.password_hash or _DUMMY_HASH
    return verify_password(stored, password) and candidate.password_hash is not None


def finish_login(connection: Connection, candidate: Candidate, ok: bool, address: str) -> uuid.UUID:
    """Record the attempt (a writing transaction); the user's id when it succeeded."""
    ratelimit.note_attempt(connection, candidate.name, address, ok)
    if not ok or candidate.user_id is None:
        record(
            connection,
            "login_failed",
            user_id=candidate.user_id,
            detail=candidate.name,
            address=address,
        )
        raise AuthRefused("wrong user name or password", LOGIN_FAILED)
    if not candidate.active:
        raise AuthRefused("this account has been disabled", USER_DISABLED, status=403)
    return candidate.user_id


def device_state(connection: Connection, device_id: uuid.UUID) -> sa.Row[tuple[object, ...]] | None:
    return connection.execute(
        sa.select(schema.device).where(schema.device.c.id == device_id)
    ).first()


def register_device(
    connection: Connection, user_id: uuid.UUID, device_id: uuid.UUID, name: str
) -> int:
    """Record the device for the user (first login) and return its acknowledged number."""
    devices = schema.device
    existing = device_state(connection, device_id)
    now = utcnow()
    if existing is None:
        connection.execute(
            sa.insert(devices).values(
                id=device_id,
                user_id=user_id,
                name=name[:120],
                created_at=now,
                last_seen_at=now,
                acked_seq=0,
            )
        )
        return 0
    if existing.revoked_at is not None:
        raise AuthRefused("this device's access has been withdrawn", DEVICE_REVOKED, status=403)
    if existing.user_id != user_id:
        raise AuthRefused(
            "this laptop's store belongs to another user: sign in as them, or use another "
            "data folder",
            "device_taken",
            status=409,
        )
    connection.execute(
        sa.update(devices)
        .where(devices.c.id == device_id)
        .values(last_seen_at=now, name=name[:120])
    )
    return int(existing.acked_seq)


def issue_refresh_token(connection: Connection, user_id: uuid.UUID, device_id: uuid.UUID) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    connection.execute(
        sa.insert(schema.refresh_token).values(
            id=uuid.uuid4(),
            device_id=device_id,
            user_id=user_id,
            token_hash=_digest(token),
            created_at=now,
            expires_at=now + timedelta(days=REFRESH_DAYS),
        )
    )
    return token


def use_refresh_token(
    connection: Connection, token: str, device_id: uuid.UUID
) -> tuple[uuid.UUID, int]:
    """The user of a valid refresh token (its life is extended); raises AuthRefused."""
    tokens = schema.refresh_token
    row = connection.execute(sa.select(tokens).where(tokens.c.token_hash == _digest(token))).first()
    now = utcnow()
    device = device_state(connection, device_id)
    if device is not None and device.revoked_at is not None:
        raise AuthRefused("this device's access has been withdrawn", DEVICE_REVOKED, status=403)
    if row is None or row.device_id != device_id:
        raise AuthRefused("sign in again (the saved sign-in is no longer valid)", "not_signed_in")
    users = table_of(User)
    active = connection.execute(sa.select(users.c.active).where(users.c.id == row.user_id)).scalar()
    if not active:
        raise AuthRefused("this account has been disabled", USER_DISABLED, status=403)
    if row.revoked_at is not None:
        raise AuthRefused("sign in again (the saved sign-in is no longer valid)", "not_signed_in")
    if _aware(row.expires_at) < now:
        raise AuthRefused("sign in again (the saved sign-in has expired)", "not_signed_in")
    connection.execute(
        sa.update(tokens)
        .where(tokens.c.id == row.id)
        .values(expires_at=now + timedelta(days=REFRESH_DAYS))
    )
    return uuid.UUID(str(row.user_id)), int(device.acked_seq) if device is not None else 0


def _aware(value: datetime) -> datetime:
    from datetime import UTC

    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def revoke_device(connection: Connection, device_id: uuid.UUID, reason: str | None) -> bool:
    now = utcnow()
    done = connection.execute(
        sa.update(schema.device)
        .where(schema.device.c.id == device_id, schema.device.c.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    ).rowcount
    connection.execute(
        sa.update(schema.refresh_token)
        .where(
            schema.refresh_token.c.device_id == device_id,
            schema.refresh_token.c.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    return bool(done)


def revoke_user_tokens(connection: Connection, user_id: uuid.UUID) -> None:
    connection.execute(
        sa.update(schema.refresh_token)
        .where(
            schema.refresh_token.c.user_id == user_id, schema.refresh_token.c.revoked_at.is_(None)
        )
        .values(revoked_at=utcnow())
    )
