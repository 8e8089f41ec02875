"""Callback slots as a parent chooses them: free times only, one offer per time,
grouped by day; and the confirmation that matches how the family likes to be contacted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

# a family member's preferred contact -> how to confirm a callback to them
PREFERRED_CONFIRMATION = {"letter": "letter", "email": "email", "text": "text", "phone": "phone"}


def free_times(slots: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One offer per free time (the first caller free then), in time order: a parent
    chooses a time, not which of three colleagues rings."""
    seen: set[Any] = set()
    found = []
    for slot in sorted(slots, key=lambda s: (s["start"], s["via_duty"], s["caller"])):
        if slot["start"] not in seen:
            seen.add(slot["start"])
            found.append(dict(slot))
    return found


def by_day(slots: Sequence[Mapping[str, Any]]) -> list[tuple[date, list[Mapping[str, Any]]]]:
    days: dict[date, list[Mapping[str, Any]]] = {}
    for slot in slots:
        days.setdefault(slot["start"].date(), []).append(slot)
    return list(days.items())


__all__ = ["PREFERRED_CONFIRMATION", "by_day", "free_times"]
