"""Readings of a plan's wording: hedging, "a number and a unit", a measurable outcome.

The word lists are data (resources/plans/plan_checklist.toml); the readings are:

* **hedging**: a listed phrase occurs as whole words, in any case. "May" next to a
  number ("15 May", "May 2027") is the month, not a hedge.
* **a number and a unit** (a provision's frequency or duration): the text has a number
  (digits, or a number word such as "two", "twice", "half") and a unit of the kind
  (frequency: session, lesson, day, week, term...; duration: minute, hour, lesson,
  day...), anywhere in it ("45 minutes", "2 x 30-minute sessions"). For a frequency, a
  frequency word ("weekly", "daily") is a number and a unit at once, as is "every",
  "each" or "per" followed by a unit ("every day", "per week").
* **measurable** (an outcome's statement): it has a number (digits, a percentage or a
  number word) that is not a time ("Year 10", "Key Stage 2", "aged 16", "2027", a date,
  "16 July" say when, not how much), a frequency (a frequency word, or a phrase such as
  "every", "out of", "independently"), or an observable action: a verb from the list
  ("read", "walk", "ask", "stay"...) in any simple form ("reads", "reading", "asked").
  Verbs of feeling and knowing (understand, feel, know, improve) are not on it: nobody
  can see them happen, nor are those of stock vague outcomes (make progress, manage,
  achieve).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)?")
_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"]
)  # fmt: skip
_MONTH_MAY = re.compile(r"\d\s*(?:st|nd|rd|th)?\s+may\b|\bmay\s+\d", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers; hyphens and slashes split ("30-minute" -> 30, minute)."""
    spaced = re.sub(r"(\d)([a-z])", r"\1 \2", text.lower())
    return _TOKEN.findall(spaced.replace("-", " ").replace("/", " "))


@lru_cache(maxsize=4096)
def _phrase_tokens(phrase: str) -> list[str]:
    return tokens(phrase)


def _phrase_in(phrase: str, words: list[str]) -> bool:
    target = _phrase_tokens(phrase)
    n = len(target)
    return bool(target) and any(words[i : i + n] == target for i in range(len(words) - n + 1))


def _forms(verb: str) -> set[str]:
    """Simple English forms of a regular verb: ask, asks, asked, asking."""
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "ing", verb + "d"}
    if verb.endswith("e"):
        forms |= {verb[:-1] + "ing"}
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}
    return forms


@dataclass(frozen=True)
class Wording:
    hedging: tuple[str, ...]
    number_words: tuple[str, ...]
    frequency_words: tuple[str, ...]
    every_words: tuple[str, ...]
    frequency_units: tuple[str, ...]
    duration_units: tuple[str, ...]
    frequency_phrases: tuple[str, ...]
    action_verbs: tuple[str, ...]
    time_words: tuple[str, ...]

    @cached_property
    def _numbers(self) -> frozenset[str]:
        return frozenset(w for word in self.number_words for w in tokens(word))

    @cached_property
    def _frequency_units(self) -> frozenset[str]:
        return frozenset(w for unit in self.frequency_units for w in tokens(unit))

    @cached_property
    def _duration_units(self) -> frozenset[str]:
        return frozenset(w for unit in self.duration_units for w in tokens(unit))

    @cached_property
    def _verb_forms(self) -> frozenset[str]:
        return frozenset(f for verb in self.action_verbs if " " not in verb for f in _forms(verb))

    def hedges(self, text: str) -> list[str]:
        """The hedging phrases in the text, in the list's order."""
        words = tokens(text)
        found = []
        for phrase in self.hedging:
            if not _phrase_in(phrase, words):
                continue
            if phrase == "may" and words.count("may") <= len(_MONTH_MAY.findall(text)):
                continue  # every "may" is the month
            found.append(phrase)
        return found

    def has_number(self, words: Iterable[str]) -> bool:
        return any(word[0].isdigit() or word in self._numbers for word in words)

    def quantified(self, text: str, kind: str) -> bool:
        """A number and a unit: kind is "frequency" or "duration"."""
        words = tokens(text)
        unit_words = self._frequency_units if kind == "frequency" else self._duration_units
        if kind == "frequency":
            if any(w in self.frequency_words for w in words) or any(
                _phrase_in(word, words) for word in self.frequency_words if "-" in word
            ):
                return True
            for i, word in enumerate(words[:-1]):
                if word in self.every_words and words[i + 1] in unit_words:
                    return True
        return self.has_number(words) and any(w in unit_words for w in words)

    def without_times(self, text: str) -> list[str]:
        """The words of the text with the numbers that say when taken out."""
        words = tokens(_DATE.sub(" ", text))
        timed = [_phrase_tokens(word) for word in self.time_words]
        kept: list[str] = []
        for i, word in enumerate(words):
            if word[0].isdigit() or word in self._numbers:
                after_time_word = any(words[max(0, i - len(t)) : i] == t for t in timed if t)
                next_to_month = (i > 0 and words[i - 1] in _MONTHS) or (
                    i + 1 < len(words) and words[i + 1] in _MONTHS
                )
                if after_time_word or next_to_month or _YEAR.fullmatch(word):
                    continue
            kept.append(word)
        return kept

    def measurable(self, text: str) -> bool:
        words = self.without_times(text)
        if "%" in text or self.has_number(words):
            return True
        if any(w in self.frequency_words for w in words):
            return True
        if any(_phrase_in(phrase, words) for phrase in self.frequency_phrases):
            return True
        if any(w in self._verb_forms for w in words):
            return True
        return any(_phrase_in(verb, words) for verb in self.action_verbs if " " in verb)


def wording_from(words: dict[str, tuple[str, ...]]) -> Wording:
    return Wording(**words)
