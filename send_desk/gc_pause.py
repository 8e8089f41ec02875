"""Pausing Python's cyclic garbage collector while a big batch of objects is built.

Recomputing every child's deadlines makes about a million short-lived objects (events,
milestones, rows) while the caseload read from the store stays alive. Each of the
collector's full passes walks everything alive, so they grow with the batch: on the
20,000-child demo store they tripled the clock's time inside a full rewrite (0.47 s
to 1.16 s). Nothing in the batch makes reference cycles, and reference counting still
frees every object, so pausing the collector loses nothing. The standard library's
timeit does the same.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (then as it was before)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
