"""Limits on failed sign-ins, counted in the database (so every instance shares them).

- **a user name**: five failures within 15 minutes lock that name out until the window
  has passed (someone guessing one person's password);
- **an address**: thirty failures from one address within the window lock that address
  out (one machine trying many names). Behind a reverse proxy the address is the
  client's only when the proxy is named (``serve --forwarded-allow-ips``); otherwise
  every user shares the proxy's address and thirty mistakes would lock everyone out;
- **the whole service**: past :data:`SLOW_AFTER` failures within the window, from
  however many addresses, every sign-in is *slowed* (answered later), never refused,
  so a spread-out attack cannot lock the service out but cannot guess quickly either.

A lock-out refuses even the right password (it would otherwise tell a guesser when
they had it). A successful sign-in clears that name's failures.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy import Connection

from send_desk.server import schema
from send_desk.timeutil import utcnow

LOCKOUT_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 30
# failures across the service (within the window) after which sign-ins are slowed
SLOW_AFTER = 200
SLOW_STEP_SECONDS = 0.05  # per failure past SLOW_AFTER
MAX_SLOW_SECONDS = 5.0
# password checks at once, per server process (Argon2id takes 64 MiB each)
HASH_SLOTS = 4


def _failures(connection: Connection, *where: sa.ColumnElement[bool]) -> int:
    attempts = schema.login_attempt
    since = utcnow() - LOCKOUT_WINDOW
    return int(
        connection.execute(
            sa.select(sa.func.count())
            .select_from(attempts)
            .where(*where, attempts.c.at >= since, attempts.c.ok.is_(False))
        ).scalar_one()
    )


def slowdown(connection: Connection) -> float:
    """Seconds every sign-in waits while the service is under a spread-out attack."""
    over = _failures(connection) - SLOW_AFTER
    if over < 0:
        return 0.0
    return min(MAX_SLOW_SECONDS, SLOW_STEP_SECONDS * (over + 1))


def locked(connection: Connection, username: str, address: str) -> bool:
    attempts = schema.login_attempt
    return (
        _failures(connection, attempts.c.username == username[:60]) >= MAX_FAILURES_PER_USER
        or _failures(connection, attempts.c.address == address[:64]) >= MAX_FAILURES_PER_ADDRESS
    )


def note_attempt(connection: Connection, username: str, address: str, ok: bool) -> None:
    attempts = schema.login_attempt
    connection.execute(
        sa.insert(attempts).values(username=username[:60], address=address[:64], at=utcnow(), ok=ok)
    )
    if ok:
        connection.execute(
            sa.delete(attempts).where(
                attempts.c.username == username[:60], attempts.c.ok.is_(False)
            )
        )
    # keep the table small: attempts older than a day say nothing any more
    connection.execute(sa.delete(attempts).where(attempts.c.at < utcnow() - timedelta(days=1)))


async def pause(seconds: float) -> None:
    """The service-wide slow-down: a wait that holds no thread and no transaction."""
    await asyncio.sleep(seconds)
