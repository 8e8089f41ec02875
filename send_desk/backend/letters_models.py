"""What the letters facade returns and takes: templates a case offers, a composed
letter with its check and preview, saved letters and their history.

The letter itself (:class:`~send_desk.letters.document.Letter`) and its plain-English
check (:class:`~send_desk.letters.plain_english.LetterCheck`) are already typed values
of the letters package and travel as they are.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from send_desk.backend.changes import ChangeKind, Changes

if TYPE_CHECKING:  # the letters package loads with the first letter, not the app
    from send_desk.letters.document import Letter
    from send_desk.letters.plain_english import Issue, LetterCheck

# What the caseworker fills in for a template, by input name: text, a date, a time as
# HH:MM, a list of lines, or a choice's code (a missed milestone as "id|YYYY-MM-DD").
LetterInputs = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class LetterInput:
    """One thing a template asks the caseworker for."""

    name: str
    label: str
    kind: str  # text, lines, date, time, choice, milestone
    required: bool
    required_while_open: bool
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LetterChoice:
    """A template, and whether this child's case offers it now (``why`` says why)."""

    name: str
    title: str
    purpose: str
    audience: str  # family, professional...
    appealable: bool
    inputs: tuple[LetterInput, ...]
    offered: bool
    why: str


@dataclass(frozen=True, slots=True)
class MissedMilestone:
    """A statutory time limit the case missed: what an apology letter can be about."""

    key: str  # "id|YYYY-MM-DD", the apology letter's milestone input
    id: str
    title: str
    due: date
    done: date | None
    status: str


@dataclass(frozen=True, slots=True)
class LetterRecord:
    """An event saving (or sending) the letter records on the case; ``already`` is the
    date it is already recorded on, if it is."""

    event: str
    label: str
    when: str  # saved or sent
    already: date | None


@dataclass(frozen=True, slots=True)
class LetterPreview:
    """A composed letter with everything the composer shows beside it."""

    letter: Letter
    variant: str
    variant_needed: str  # what the family's communication needs call for
    recipient: str
    recipient_id: str | None
    check: LetterCheck
    html: str
    records: tuple[LetterRecord, ...]
    file_stem: str

    @property
    def title(self) -> str:
        return self.letter.title

    @property
    def issues(self) -> tuple[Issue, ...]:
        return self.check.issues


@dataclass(frozen=True, slots=True)
class LetterHistoryRow:
    """A version of a saved letter (in a child's list: the latest, ``versions`` of them)."""

    letter_id: uuid.UUID
    version_id: uuid.UUID
    version: int
    child_id: uuid.UUID
    template: str
    template_title: str  # the template's title (its code in words once withdrawn)
    title: str
    variant: str
    letter_date: date
    recipient_name: str
    status: str  # saved or sent
    sent_via: str | None
    sent_on: date | None
    note: str | None
    saved_at: datetime | None
    saved_by: str | None
    event_ids: tuple[str, ...]
    versions: int = 1


@dataclass(frozen=True, slots=True)
class RecordedEvent:
    """An event a letter recorded on the case when it was saved or sent."""

    id: uuid.UUID
    event: str
    label: str
    date: date
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SavedLetter:
    """A letter just saved (or marked sent), with the events that recorded."""

    row: LetterHistoryRow
    events_recorded: tuple[RecordedEvent, ...]

    @property
    def changes(self) -> Changes:
        """What saving this changed, for the pages that show it."""
        kinds = (
            (ChangeKind.LETTERS, ChangeKind.EVENTS)
            if self.events_recorded
            else (ChangeKind.LETTERS,)
        )
        return Changes.of(*kinds, children=[self.row.child_id])


__all__ = [
    "LetterChoice",
    "LetterHistoryRow",
    "LetterInput",
    "LetterInputs",
    "LetterPreview",
    "LetterRecord",
    "MissedMilestone",
    "RecordedEvent",
    "SavedLetter",
]
