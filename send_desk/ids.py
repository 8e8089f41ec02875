"""Time-ordered UUIDv7 identifiers made on the device.

Written here rather than taken from a library because Python 3.11's ``uuid`` has no
uuid7 (3.14 adds it) and the demo caseload needs a *seeded* variant so that the
same seed gives the same ids.
"""

from __future__ import annotations

import os
import random
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


_VERSION_AND_VARIANT = 0x7 << 76 | 0b10 << 62
_new_uuid = object.__new__
_set = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def _as_uuid(value: int) -> uuid.UUID:
    """``uuid.UUID(int=value)`` for a value known to be in range, set as its __init__
    sets it: a demo makes one for every row, and the constructor's checks of its
    other arguments took as long as making the number."""
    made = _new_uuid(uuid.UUID)
    _set(made, "int", value)
    _set(made, "is_safe", _UNKNOWN)
    return made


def _build(ms: int, rand_a: int, rand_b: int) -> uuid.UUID:
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | _VERSION_AND_VARIANT
    value |= (rand_a & 0xFFF) << 64
    value |= rand_b & 0x3FFF_FFFF_FFFF_FFFF
    return _as_uuid(value)


def uuid7() -> uuid.UUID:
    """A new UUIDv7; ids made in the same millisecond still sort in creation order."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _counter = 0
        rand_a = _counter
    return _build(ms, rand_a, int.from_bytes(os.urandom(8), "big"))


class SeededIds:
    """Deterministic UUIDv7s for reproducible demo data."""

    def __init__(self, seed: int, start_ms: int) -> None:
        self._rng = random.Random(seed)
        self._ms = start_ms
        self._n = 0

    def __call__(self) -> uuid.UUID:
        self._n += 1
        if self._n > 0xFFF:
            self._ms += 1
            self._n = 0
        # _build, inlined: ms, counter and the 62 random bits are each in range
        value = self._ms << 80 | _VERSION_AND_VARIANT | self._n << 64 | self._rng.getrandbits(62)
        return _as_uuid(value)
