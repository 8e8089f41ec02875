"""Passwords, tokens, devices and login rate limiting.

- Passwords are hashed with Argon2id (argon2-cffi's defaults: 3 passes, 64 MiB).
- An access token is a JWT (HS256) that lives 10 minutes and names the user and the
  device; its key is made once and kept in the database, so every instance behind a
  load balancer accepts every other's tokens.
- A refresh token is random, kept only as its SHA-256, belongs to one device and one
  sign-in (its *family*), and is spent at each use: the refresh answers with its
  replacement, which lasts 30 days. A spent token used again means it was copied: the
  whole sign-in is withdrawn. Access tokens name their sign-in, so logging out (or a
  withdrawn sign-in) stops them at once. Tokens are revoked with the device.
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
from typing import Any

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
# a spent refresh token may be used once more this soon after, while its replacement
# is unused (the answer carrying the replacement was lost on the way)
REUSE_GRACE = timedelta(seconds=60)

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


def make_access_token(
    keys: TokenKeys, user_id: uuid.UUID, device_id: uuid.UUID, session: uuid.UUID | None = None
) -> str:
    """``session``: the sign-in (refresh token family) it belongs to; it stops working
    when that sign-in is withdrawn (logout), not only when it expires."""
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "dev": str(device_id),
        **({"sid": str(session)} if session is not None else {}),
        "iss": keys.server_id,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ACCESS_SECONDS)).timestamp()),
        "typ": "access",
    }
    return jwt.encode(claims, keys.secret, algorithm="HS256")


def read_access_token(keys: TokenKeys, token: str) -> tuple[uuid.UUID, uuid.UUID]:
    claims = access_claims(keys, token)
    return uuid.UUID(claims["sub"]), uuid.UUID(claims["dev"])


def access_claims(keys: TokenKeys, token: str) -> dict[str, Any]:
    """A valid access token's claims (signature, issuer, expiry and type checked)."""
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
    return claims


def read_access_session(keys: TokenKeys, token: str) -> uuid.UUID | None:
    """The sign-in an access token (already checked by :func:`read_access_token`)
    belongs to; None for a token made before sign-ins were recorded."""
    try:
        claims = jwt.decode(token, keys.secret, algorithms=["HS256"], issuer=keys.server_id)
        return uuid.UUID(str(claims["sid"])) if "sid" in claims else None
    except (jwt.InvalidTokenError, ValueError):
        raise AuthRefused("not signed in", "not_signed_in") from None


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


def issue_refresh_token(
    connection: Connection,
    user_id: uuid.UUID,
    device_id: uuid.UUID,
    family_id: uuid.UUID | None = None,
) -> Issued:
    """A new refresh token: of a new sign-in (a login), or replacing one of ``family_id``."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    token_id = uuid.uuid4()
    family = family_id or token_id
    connection.execute(
        sa.insert(schema.refresh_token).values(
            id=token_id,
            device_id=device_id,
            user_id=user_id,
            token_hash=_digest(token),
            created_at=now,
            expires_at=now + timedelta(days=REFRESH_DAYS),
            family_id=family,
        )
    )
    return Issued(token, token_id, family)


@dataclass(frozen=True)
class Issued:
    token: str
    token_id: uuid.UUID
    family_id: uuid.UUID


@dataclass(frozen=True)
class Refreshed:
    user_id: uuid.UUID
    acked_seq: int
    refresh_token: str  # the replacement: the one presented is spent
    family_id: uuid.UUID


_SIGN_IN_AGAIN = "sign in again (the saved sign-in is no longer valid)"


def use_refresh_token(connection: Connection, token: str, device_id: uuid.UUID) -> Refreshed:
    """Spend a refresh token for a replacement (rotation); raises AuthRefused.

    Only a caller holding one of the device's tokens learns that the device was
    withdrawn or the account disabled (and is told to wipe); anyone else is told to
    sign in. A spent token used again withdraws its whole sign-in (it was copied),
    except straight after it was spent while its replacement is still unused: the
    answer carrying the replacement was lost, and the replacement is withdrawn instead.
    """
    tokens = schema.refresh_token
    query = sa.select(tokens).where(tokens.c.token_hash == _digest(token))
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()  # two refreshes of one token queue
    row = connection.execute(query).first()
    now = utcnow()
    if row is None or row.device_id != device_id:
        raise AuthRefused(_SIGN_IN_AGAIN, "not_signed_in")
    device = device_state(connection, device_id)
    if device is not None and device.revoked_at is not None:
        raise AuthRefused("this device's access has been withdrawn", DEVICE_REVOKED, status=403)
    users = table_of(User)
    active = connection.execute(sa.select(users.c.active).where(users.c.id == row.user_id)).scalar()
    if not active:
        raise AuthRefused("this account has been disabled", USER_DISABLED, status=403)
    family = row.family_id or row.id
    if row.rotated_at is not None and row.revoked_at is None:
        if not _lost_answer(connection, row, now):
            revoke_family(connection, family)
            record(
                connection, "token_reused", user_id=row.user_id, device_id=device_id,
                detail="a replaced refresh token was used again: the sign-in is withdrawn",
            )  # fmt: skip
            raise AuthRefused(
                "sign in again (this sign-in was used from two places, so it was withdrawn)",
                "not_signed_in",
            )
    elif row.revoked_at is not None:
        raise AuthRefused(_SIGN_IN_AGAIN, "not_signed_in")
    if _aware(row.expires_at) < now:
        raise AuthRefused("sign in again (the saved sign-in has expired)", "not_signed_in")
    issued = issue_refresh_token(connection, row.user_id, device_id, family)
    connection.execute(
        sa.update(tokens)
        .where(tokens.c.id == row.id)
        .values(rotated_at=row.rotated_at or now, replaced_by=issued.token_id)
    )
    return Refreshed(
        uuid.UUID(str(row.user_id)),
        int(device.acked_seq) if device is not None else 0,
        issued.token,
        family,
    )


def _lost_answer(connection: Connection, row: sa.Row[Any], now: datetime) -> bool:
    """A spent token used again within REUSE_GRACE while its replacement was never
    used: the replacement is withdrawn and the caller gets another (a retry)."""
    if row.replaced_by is None or now - _aware(row.rotated_at) > REUSE_GRACE:
        return False
    tokens = schema.refresh_token
    withdrawn = connection.execute(
        sa.update(tokens)
        .where(
            tokens.c.id == row.replaced_by,
            tokens.c.rotated_at.is_(None),
            tokens.c.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    ).rowcount
    return bool(withdrawn)


def revoke_family(connection: Connection, family_id: uuid.UUID) -> None:
    tokens = schema.refresh_token
    connection.execute(
        sa.update(tokens)
        .where(tokens.c.family_id == family_id, tokens.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def session_live(connection: Connection, family_id: uuid.UUID) -> bool:
    """Whether a sign-in still stands: its current refresh token is neither withdrawn
    (logout, device revoked, reuse) nor expired."""
    tokens = schema.refresh_token
    found = connection.execute(
        sa.select(tokens.c.id)
        .where(
            tokens.c.family_id == family_id,
            tokens.c.revoked_at.is_(None),
            tokens.c.rotated_at.is_(None),
            tokens.c.expires_at > utcnow(),
        )
        .limit(1)
    ).first()
    return found is not None


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
