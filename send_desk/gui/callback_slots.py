"""Callback slots as a parent chooses them: free times only, one offer per time,
grouped by day; and the confirmation that matches how the family likes to be contacted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from send_desk.backend.correspondence_models import CallbackSlot

# a family member's preferred contact -> how to confirm a callback to them
PREFERRED_CONFIRMATION = {"letter": "letter", "email": "email", "text": "text", "phone": "phone"}


def free_times(slots: Sequence[CallbackSlot]) -> list[CallbackSlot]:
    """One offer per free time (the first caller free then), in time order: a parent
    chooses a time, not which of three colleagues rings."""
    seen: set[datetime] = set()
    found = []
    for slot in sorted(slots, key=lambda s: (s.start, s.via_duty, s.caller)):
        if slot.start not in seen:
            seen.add(slot.start)
            found.append(slot)
    return found


def by_day(slots: Sequence[CallbackSlot]) -> list[tuple[date, list[CallbackSlot]]]:
    days: dict[date, list[CallbackSlot]] = {}
    for slot in slots:
        days.setdefault(slot.start.date(), []).append(slot)
    return list(days.items())


def slot_label(slot: CallbackSlot) -> str:
    """What a screen reader says for a slot: Fri 20/11/2026 11:15–11:30 with A Caseworker."""
    return (
        f"{slot.start:%a} {slot.start:%d/%m/%Y} {slot.start:%H:%M}–{slot.end:%H:%M} "
        f"with {slot.caller}" + (" (duty)" if slot.via_duty else "")
    )


__all__ = ["PREFERRED_CONFIRMATION", "by_day", "free_times", "slot_label"]
