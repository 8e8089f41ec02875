"""My day's counts: one tally of everything due, so the page's header, its boxes and
the status bar never disagree ("0 due today" while a callback and three replies were).

A statutory deadline counts in its own section (overdue, today, soon). A reply,
callback, complaint response or case-note action counts by its date: before today is
overdue, today is today, later is soon; a missed callback is overdue even when its
slot was this morning, because the family is already waiting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from send_desk.backend.clock_models import DeadlineRow

WHEN = ("overdue", "today", "soon")
# kind -> (one, many) in the order the summary lists them
KINDS: dict[str, tuple[str, str]] = {
    "deadline": ("statutory deadline", "statutory deadlines"),
    "callback": ("callback", "callbacks"),
    "reply": ("reply", "replies"),
    "complaint": ("complaint response", "complaint responses"),
    "action": ("action", "actions"),
}


def _when(row: Mapping[str, Any]) -> str:
    if row.get("status") == "missed":
        return "overdue"
    days = int(row.get("days_left", 0))
    return "overdue" if days < 0 else ("today" if days == 0 else "soon")


def day_counts(
    deadlines: Iterable[DeadlineRow],
    correspondence: Iterable[Mapping[str, Any]] = (),
    actions: Iterable[Mapping[str, Any]] = (),
) -> dict[str, dict[str, int]]:
    """{when: {kind: how many}} for when in overdue, today, soon."""
    found = {when: dict.fromkeys(KINDS, 0) for when in WHEN}
    for deadline in deadlines:
        found[deadline.section if deadline.section in found else "soon"]["deadline"] += 1
    for row in correspondence:
        found[_when(row)][str(row["kind"])] += 1
    for row in actions:
        found[_when(row)]["action"] += 1
    return found


def total(counts: Mapping[str, Mapping[str, int]], when: str) -> int:
    return sum(counts[when].values())


def _parts(per_kind: Mapping[str, int]) -> str:
    parts = [
        f"{n} {KINDS[kind][0] if n == 1 else KINDS[kind][1]}" for kind, n in per_kind.items() if n
    ]
    return ", ".join(parts) if parts else "nothing"


def day_summary(counts: Mapping[str, Mapping[str, int]], soon_label: str) -> str:
    """'Due today: 1 callback, 3 replies · Overdue: ... · <soon_label>: ...'."""
    return (
        f"Due today: {_parts(counts['today'])} · Overdue: {_parts(counts['overdue'])} · "
        f"{soon_label}: {_parts(counts['soon'])}"
    )


def status_text(counts: Mapping[str, Mapping[str, int]]) -> str:
    """The status bar's short form of the same tally."""
    return f"My day: {total(counts, 'today')} due today · {total(counts, 'overdue')} overdue"


# what people type in an action's owner when they mean the child's caseworker
CASEWORKER_WORDS = frozenset(
    {"caseworker", "case worker", "send caseworker", "send officer", "keyworker", "me", "you"}
)


def owner_person(owner: str, caseworker: str | None) -> str:
    """The person an action's owner names: a role meaning the caseworker becomes the
    child's caseworker's name, a blank owner says so rather than showing nothing."""
    text = " ".join(owner.split())
    if text.lower() in CASEWORKER_WORDS:
        return caseworker or "The caseworker (none allocated)"
    return text or "No one named yet"


__all__ = ["KINDS", "WHEN", "day_counts", "day_summary", "owner_person", "status_text", "total"]
