"""Access tokens kept in memory between sync passes of this process.

A pass begins with a refresh (a writing transaction on the central store that spends
a refresh token and issues another). An access token lives 10 minutes, so in a
long-running app (``Syncer(keep_access=True)``) a pass that starts while the last
one's token has more than a minute left uses it instead: an empty sync is then one
request. Nothing is written to disk; the token is
tied to the refresh token it came with (a new sign-in, a logout or another server
never finds it), and a token the server refuses (a logout elsewhere, a restart of the
server with new keys) is dropped and the pass refreshes as before.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from threading import Lock
from typing import Any

MARGIN_SECONDS = 60.0


@dataclass(frozen=True)
class Held:
    access_token: str
    until: float  # time.monotonic() after which it is not used
    answer: dict[str, Any]  # the refresh's answer (server id, user)


_held: dict[tuple[str, str, str], Held] = {}
_lock = Lock()


def remember(key: tuple[str, str, str], answer: dict[str, Any]) -> None:
    """Keep the access token of a refresh (or login) answer, under ``key`` (the store,
    the server's address and the refresh token that now stands)."""
    token, lifetime = answer.get("access_token"), answer.get("expires_in")
    if not token or not isinstance(lifetime, int | float):
        return
    held = Held(str(token), time.monotonic() + float(lifetime) - MARGIN_SECONDS, answer)
    with _lock:
        for other in [k for k in _held if k[:2] == key[:2]]:
            del _held[other]
        _held[key] = held


def held(key: tuple[str, str, str]) -> Held | None:
    with _lock:
        found = _held.get(key)
        if found is not None and found.until <= time.monotonic():
            del _held[key]
            return None
        return found


def forget(store_id: str) -> None:
    """Drop what is kept for a store (its token was refused, or it signed out)."""
    with _lock:
        for key in [k for k in _held if k[0] == store_id]:
            del _held[key]
