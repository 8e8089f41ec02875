"""The automatic criteria of the case-note standard, applied to one structured note.

Pure: a note in, a result out; no store, no clock. Wording and thresholds come from
the checklist data; the rules (which criterion applies to which note, and what
passes) are those of ``shared/reference/case-note-standard.md``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from send_desk.quality.acronyms import acronym_uses
from send_desk.quality.checklist import Checklist, Criterion, default_checklist
from send_desk.quality.glossary import Glossary, default_glossary
from send_desk.quality.note import FAMILY_ROLES, ROLE_LABELS, StructuredNote
from send_desk.quality.readability import analyse, words_of
from send_desk.timescales import WorkingCalendar, default_calendar
from send_desk.timeutil import uk_date

# Words that say an interpreter is one of the family (or close to it), and words that
# say they are not. "Independent of the family" is independent, so those come first.
_INDEPENDENT_WORDS = frozenset(
    [
        "independent",
        "professional",
        "agency",
        "council",
        "service",
        "commissioned",
        "booked",
        "qualified",
        "registered",
        "staff",
        "officer",
        "telephone",
        "phone",
        "language",
        "line",
    ]
)
_FAMILY_WORDS = frozenset(
    [
        "family",
        "relative",
        "relation",
        "parent",
        "mother",
        "father",
        "mum",
        "mom",
        "dad",
        "mam",
        "mummy",
        "daddy",
        "sibling",
        "brother",
        "sister",
        "son",
        "daughter",
        "aunt",
        "auntie",
        "aunty",
        "uncle",
        "cousin",
        "grandparent",
        "grandmother",
        "grandfather",
        "grandma",
        "grandpa",
        "gran",
        "granny",
        "nan",
        "nana",
        "nanna",
        "grandad",
        "granddad",
        "niece",
        "nephew",
        "husband",
        "wife",
        "partner",
        "spouse",
        "stepmother",
        "stepfather",
        "stepmum",
        "stepdad",
        "stepbrother",
        "stepsister",
        "carer",
        "kinship",
        "friend",
        "neighbour",
        "in-law",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class ItemResult:
    """One criterion's result; ``details`` name what exactly is missing."""

    id: str
    applies: bool
    passed: bool
    message: str
    label: str = ""
    field: str = ""
    details: tuple[str, ...] = ()
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "applies": self.applies,
            "passed": self.passed,
            "message": self.message,
        }


@dataclass(frozen=True)
class CheckResult:
    items: tuple[ItemResult, ...]

    @property
    def applicable(self) -> int:
        return sum(1 for item in self.items if item.applies)

    @property
    def passed(self) -> int:
        return sum(1 for item in self.items if item.applies and item.passed)

    @property
    def failed(self) -> list[ItemResult]:
        return [item for item in self.items if item.applies and not item.passed]

    def item(self, criterion_id: str) -> ItemResult:
        for item in self.items:
            if item.id == criterion_id:
                return item
        raise KeyError(criterion_id)

    def to_json(self) -> dict[str, Any]:
        """The contract's output of ``send-desk check-note --json``."""
        return {
            "criteria": [item.to_json() for item in self.items],
            "passed": self.passed,
            "applicable": self.applicable,
        }


@dataclass
class _Verdict:
    applies: bool
    passed: bool = True
    details: list[str] = dataclasses.field(default_factory=list)
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)


class _Context:
    def __init__(
        self,
        note: StructuredNote,
        checklist: Checklist,
        glossary: Glossary,
        calendar: WorkingCalendar,
    ) -> None:
        self.note = note
        self.checklist = checklist
        self.thresholds = checklist.thresholds
        self.glossary = glossary
        self.calendar = calendar

    @property
    def family_present(self) -> bool:
        return any(attendee.role in FAMILY_ROLES for attendee in self.note.attendees)

    @property
    def parent_or_carer_present(self) -> bool:
        return any(attendee.role in ("parent", "carer") for attendee in self.note.attendees)


def _blank(text: str) -> bool:
    return not text.strip()


def _when(c: _Context) -> _Verdict:
    note, v = c.note, _Verdict(True)
    if note.occurred_at is None:
        v.details.append("Say when it happened.")
    if note.recorded_at is None:
        v.details.append("Say when you wrote it up.")
    if note.occurred_at and note.recorded_at and note.recorded_at < note.occurred_at:
        v.details.append(
            f"It was written up ({note.recorded_at:%d/%m/%Y %H:%M}) before it happened "
            f"({note.occurred_at:%d/%m/%Y %H:%M})."
        )
    v.passed = not v.details
    return v


def _recorded_promptly(c: _Context) -> _Verdict:
    note, v = c.note, _Verdict(True)
    days = c.thresholds.recorded_within_working_days
    if note.occurred_at is None or note.recorded_at is None:
        v.passed = False
        v.details.append("Give both dates so the write-up can be timed.")
        return v
    happened, written = note.occurred_at.date(), note.recorded_at.date()
    latest = c.calendar.working_days_after(happened, days) if days else happened
    v.extra["latest"] = latest.isoformat()
    if written > latest:
        v.passed = False
        v.details.append(
            f"It happened on {uk_date(happened)} and was written up on {uk_date(written)}; "
            f"the latest was {uk_date(latest)}."
        )
    return v


def _who_present(c: _Context) -> _Verdict:
    v = _Verdict(True)
    if not c.note.attendees:
        v.details.append("No one is listed.")
    for number, attendee in enumerate(c.note.attendees, start=1):
        role = ROLE_LABELS.get(attendee.role, attendee.role.replace("_", " "))
        if _blank(attendee.name):
            v.details.append(
                f"Person {number}" + (f" ({role.lower()})" if role else "") + " has no name."
            )
        if _blank(attendee.role):
            v.details.append(f"{attendee.name or f'Person {number}'} has no role.")
    v.passed = not v.details
    return v


def _purpose(c: _Context) -> _Verdict:
    return _Verdict(True, not _blank(c.note.purpose))


def _child_voice(c: _Context) -> _Verdict:
    note = c.note
    return _Verdict(
        True, not (_blank(note.child_voice) and _blank(note.child_voice_not_obtained_reason))
    )


def _parent_views(c: _Context) -> _Verdict:
    if not c.parent_or_carer_present:
        return _Verdict(False)
    return _Verdict(True, not _blank(c.note.parent_views))


def _decision_reasons(c: _Context) -> _Verdict:
    if not c.note.decisions:
        return _Verdict(False)
    v = _Verdict(True)
    least = c.thresholds.min_reason_words
    for number, decision in enumerate(c.note.decisions, start=1):
        if len(words_of(decision.reasons)) < least:
            what = decision.decision or f"Decision {number}"
            v.details.append(f"“{_short(what)}” has no reasons (or only a word or two).")
    v.passed = not v.details
    return v


def _disparity_explained(c: _Context) -> _Verdict:
    if not c.note.decisions:
        return _Verdict(False)
    v = _Verdict(True)
    for number, decision in enumerate(c.note.decisions, start=1):
        if decision.matches_request is False and _blank(decision.explanation):
            what = decision.decision or f"Decision {number}"
            asked = f" (the parent asked for: {_short(decision.parent_request)})"
            v.details.append(
                f"“{_short(what)}” differs from the request"
                + (asked if decision.parent_request else "")
                + " with no explanation."
            )
    v.passed = not v.details
    return v


def _actions_owned(c: _Context) -> _Verdict:
    if not c.note.actions:
        return _Verdict(False)
    v = _Verdict(True)
    for number, action in enumerate(c.note.actions, start=1):
        what = _short(action.what) if action.what else f"Action {number}"
        missing = [
            name
            for name, gap in (("owner", _blank(action.owner)), ("due date", action.due is None))
            if gap
        ]
        if missing:
            v.details.append(f"“{what}” has no {' and no '.join(missing)}.")
    v.passed = not v.details
    return v


def _professionals_only_reason(c: _Context) -> _Verdict:
    return _Verdict(True, c.family_present or not _blank(c.note.reason_no_family))


def _is_family(relationship: str) -> bool:
    words = {word.lower() for word in _WORD.findall(relationship)}
    text = relationship.lower()
    if words & _INDEPENDENT_WORDS or "not family" in text or "not a relative" in text:
        return False
    return bool(words & _FAMILY_WORDS or "in-law" in text)


def _interpreter_independent(c: _Context) -> _Verdict:
    interpreters = [a for a in c.note.attendees if a.role == "interpreter"]
    if not interpreters:
        return _Verdict(False)
    v = _Verdict(True)
    family_names = {
        a.name.casefold() for a in c.note.attendees if a.role in FAMILY_ROLES and a.name
    }
    for interpreter in interpreters:
        name = interpreter.name or "The interpreter"
        if _is_family(interpreter.relationship):
            v.details.append(f"{name} is family ({interpreter.relationship}).")
        elif interpreter.name and interpreter.name.casefold() in family_names:
            v.details.append(f"{name} is also listed as family.")
    v.passed = not v.details
    return v


def _acronyms_explained(c: _Context) -> _Verdict:
    uses = acronym_uses(c.note.body, c.glossary)
    v = _Verdict(True)
    unexplained = [use for use in uses if not use.explained]
    v.extra["acronyms"] = [
        {
            "acronym": use.acronym,
            "written": use.written,
            "start": use.start,
            "in_full": list(use.in_full),
        }
        for use in unexplained
    ]
    if unexplained:
        v.passed = False
        names = ", ".join(dict.fromkeys(use.written for use in unexplained))
        v.details.append(f"Not spelled out at first use: {names}.")
        for use in unexplained:
            if use.in_full:
                v.details.append(f"{use.acronym} is {use.in_full[0]}.")
    return v


def _plain_language(c: _Context) -> _Verdict:
    body = c.note.body
    t = c.thresholds
    if len(words_of(body)) < t.min_body_words:
        return _Verdict(False)
    result = analyse(body, t.max_sentence_words)
    v = _Verdict(True)
    v.extra.update(reading_ease=result.reading_ease, long_sentences=list(result.long_sentences))
    if result.reading_ease < t.min_reading_ease:
        v.details.append(
            f"Reading ease is {result.reading_ease:.0f} (aim for {t.min_reading_ease:.0f} or "
            "more): use shorter words and sentences."
        )
    for sentence in result.long_sentences:
        v.details.append(
            f"This sentence has {len(words_of(sentence))} words: “{_short(sentence, 60)}”"
        )
    v.passed = not v.details
    return v


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_RULES: dict[str, Callable[[_Context], _Verdict]] = {
    "when": _when,
    "recorded_promptly": _recorded_promptly,
    "who_present": _who_present,
    "purpose": _purpose,
    "child_voice": _child_voice,
    "parent_views": _parent_views,
    "decision_reasons": _decision_reasons,
    "disparity_explained": _disparity_explained,
    "actions_owned": _actions_owned,
    "professionals_only_reason": _professionals_only_reason,
    "interpreter_independent": _interpreter_independent,
    "acronyms_explained": _acronyms_explained,
    "plain_language": _plain_language,
}


def _message(criterion: Criterion, checklist: Checklist) -> str:
    t = checklist.thresholds
    return criterion.message.format(
        days=t.recorded_within_working_days,
        max_words=t.max_sentence_words,
        reading_ease=t.min_reading_ease,
    )


def check_note(
    note: StructuredNote,
    *,
    checklist: Checklist | None = None,
    glossary: Glossary | None = None,
    calendar: WorkingCalendar | None = None,
) -> CheckResult:
    """Every automatic criterion, in the standard's order."""
    checklist = checklist or default_checklist()
    context = _Context(
        note, checklist, glossary or default_glossary(), calendar or default_calendar()
    )
    items = []
    for criterion in checklist.criteria:
        if note.kind not in criterion.applies_to:
            verdict = _Verdict(False)
        else:
            verdict = _RULES[criterion.id](context)
        if not verdict.applies or verdict.passed:
            message = ""
        else:
            message = " ".join([_message(criterion, checklist), *verdict.details])
        items.append(
            ItemResult(
                id=criterion.id,
                applies=verdict.applies,
                passed=verdict.passed if verdict.applies else True,
                message=message,
                label=criterion.label,
                field=criterion.field,
                details=tuple(verdict.details),
                extra=verdict.extra,
            )
        )
    return CheckResult(tuple(items))
