"""The clock's input: a child's statutory events, checked against the event registry.

The event types and their extra fields are those of
:mod:`send_desk.domain.event_types`; this module only turns a raw mapping (from JSON,
the store or a form) into an :class:`Event`, or says exactly what is wrong with it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from send_desk.domain.codes import Phase
from send_desk.domain.event_types import event_type

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SETTING_PHASES = tuple(phase.value for phase in Phase)


@dataclass(frozen=True, slots=True)
class Event:
    """One statutory event: its type, the day it happened and its extra fields.

    ``details`` holds the extra fields as the registry stores them (choices and text
    as strings, dates as ``YYYY-MM-DD`` strings, flags as booleans). ``proposed`` marks
    a phase transfer the app worked out from the date of birth, not one recorded.
    """

    type: str
    date: date
    details: Mapping[str, Any] = field(default_factory=dict)
    proposed: bool = False


class EventLike(Protocol):
    """What the clock reads of an event: an :class:`Event`, or a lighter record with the
    same fields (the store passes its own when it recomputes a whole caseload)."""

    @property
    def type(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def details(self) -> Mapping[str, Any]: ...
    @property
    def proposed(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Child:
    """What the clock needs to know about a child besides the events."""

    date_of_birth: date | None = None
    looked_after: bool = False
    setting_phase: str | None = None  # a send_desk.domain.codes.Phase value


class EventError(ValueError):
    """An event cannot be read. ``index`` is its position in the list given, if any."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message if index is None else f"events[{index}]: {message}")
        self.index = index
        self.problem = message


def parse_date(value: Any, what: str) -> date:
    """A ``YYYY-MM-DD`` date that exists, or ValueError naming ``what``."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise ValueError(f"{what} {value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a real date") from None


def parse_event(raw: Mapping[str, Any]) -> Event:
    """Check one raw event (``{"type": ..., "date": ..., <extra fields>}``).

    Raises ValueError with a message a caseworker can act on: an unknown type, a date
    that does not exist, an extra field missing, unknown or not one of its choices.
    """
    if not isinstance(raw, Mapping):
        raise ValueError("an event must be an object with a type and a date")
    type_id = raw.get("type")
    if not isinstance(type_id, str):
        raise ValueError("has no 'type' (text such as \"request_received\")")
    kind = event_type(type_id)  # ValueError "'x' is not a known event type (known: ...)"
    if "date" not in raw:
        raise ValueError(f"'{type_id}' has no 'date'")
    when = parse_date(raw["date"], f"'{type_id}' date")
    extras = {key: value for key, value in raw.items() if key not in ("type", "date")}
    for extra in kind.extras:
        if extra.kind == "date" and extras.get(extra.name) is not None:
            extras[extra.name] = parse_date(extras[extra.name], f"'{type_id}' {extra.name}")
    try:
        details = kind.parse_details(extras)
    except ValueError as error:
        raise ValueError(f"'{type_id}': {error}") from None
    return Event(type_id, when, details)


def parse_events(raw: Any) -> list[Event]:
    """Check a list of raw events; the error names the first bad one as ``events[i]``."""
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
        raise EventError("'events' must be a list of events")
    events = []
    for index, item in enumerate(raw):
        try:
            events.append(parse_event(item))
        except ValueError as error:
            raise EventError(str(error), index) from None
    return events


def parse_child(raw: Any) -> tuple[Child, list[str]]:
    """Check the ``child`` object. Returns the child and the names of fields not used.

    Raises ValueError naming the field for a wrong value.
    """
    if raw is None:
        return Child(), []
    if not isinstance(raw, Mapping):
        raise ValueError('child must be an object such as {"date_of_birth": "2015-03-02"}')
    dob = raw.get("date_of_birth")
    looked_after = raw.get("looked_after", False)
    phase = raw.get("setting_phase")
    if looked_after is None:
        looked_after = False
    if not isinstance(looked_after, bool):
        raise ValueError(f"child.looked_after must be true or false (not {looked_after!r})")
    if phase is not None and phase not in SETTING_PHASES:
        raise ValueError(
            f"child.setting_phase must be one of {', '.join(SETTING_PHASES)} (not {phase!r})"
        )
    child = Child(
        date_of_birth=None if dob is None else parse_date(dob, "child.date_of_birth"),
        looked_after=looked_after,
        setting_phase=phase,
    )
    unused = sorted(set(raw) - {"date_of_birth", "looked_after", "setting_phase"})
    return child, unused


def event_to_json(event: Event) -> dict[str, Any]:
    """The event as the contract writes it."""
    return {"type": event.type, "date": event.date.isoformat(), **event.details}
