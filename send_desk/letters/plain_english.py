"""The plain-English check of a letter: reading age, long sentences, passive voice,
unexplained acronyms, words to avoid and the sections the law requires.

Reuses the note checker's pieces (:mod:`send_desk.quality.readability` for sentences,
words and syllables; :mod:`send_desk.quality.acronyms` and the SEND glossary for
acronyms and words to avoid); thresholds and the letters' own words to avoid are data
(``resources/letters/checks.toml``). Every problem carries where it is in the checked
text (``start``, ``end``), so the composer can highlight it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.letters.manifest import Manifest, default_manifest
from send_desk.letters.periods import letter_date_in, period_problems
from send_desk.quality.acronyms import acronym_uses
from send_desk.quality.glossary import Glossary, default_glossary
from send_desk.quality.readability import sentences_of, syllables, words_of
from send_desk.resources import resource_path

ERROR = "error"
ADVICE = "advice"

# Addresses and contact details are not prose: they are left out of the reading age.
_MASKS = (
    re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),  # email
    re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE),  # web address
    re.compile(r"(?<!\w)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w)"),  # phone
    re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b"),  # postcode
)
# Case and letter references ("SD-1A2B3C4D") are codes, not acronyms.
_REFERENCE = re.compile(r"\b[A-Z]{1,4}-[A-Z0-9]{4,}\b")
_BE = r"(?:am|is|are|was|were|be|been|being|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)"
_IRREGULAR = [
    "made",
    "done",
    "given",
    "sent",
    "told",
    "taken",
    "seen",
    "written",
    "held",
    "kept",
    "paid",
    "found",
    "brought",
    "bought",
    "built",
    "caught",
    "chosen",
    "drawn",
    "driven",
    "fallen",
    "felt",
    "forgotten",
    "got",
    "gotten",
    "grown",
    "heard",
    "hidden",
    "known",
    "laid",
    "led",
    "lent",
    "lost",
    "meant",
    "met",
    "put",
    "read",
    "said",
    "set",
    "shown",
    "sold",
    "spent",
    "spoken",
    "taught",
    "thought",
    "understood",
    "won",
    "broken",
    "begun",
]


@dataclass(frozen=True)
class Avoid:
    phrase: str
    instead: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CheckSettings:
    target_reading_age: float
    max_reading_age: float
    max_sentence_words: int
    avoid: tuple[Avoid, ...]
    not_passive: frozenset[str]


@dataclass(frozen=True)
class Issue:
    kind: str  # reading_age, long_sentence, passive, acronym, avoid, period, missing_section
    severity: str  # error or advice
    message: str
    start: int = 0
    end: int = 0
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class LetterCheck:
    text: str
    reading_age: float
    target_reading_age: float
    max_reading_age: float
    reading_ease: float
    words: int
    sentences: int
    longest_sentence_words: int
    appealable: bool
    sections_required: tuple[str, ...]
    sections_present: tuple[str, ...]
    issues: tuple[Issue, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == ERROR]

    @property
    def passed(self) -> bool:
        return not self.errors

    @property
    def sections_missing(self) -> tuple[str, ...]:
        return tuple(s for s in self.sections_required if s not in self.sections_present)

    def to_json(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for issue in self.issues:
            counts[issue.kind] = counts.get(issue.kind, 0) + 1
        return {
            "passed": self.passed,
            "reading_age": self.reading_age,
            "target_reading_age": self.target_reading_age,
            "max_reading_age": self.max_reading_age,
            "reading_ease": self.reading_ease,
            "words": self.words,
            "sentences": self.sentences,
            "longest_sentence_words": self.longest_sentence_words,
            "appealable": self.appealable,
            "sections": {
                "required": list(self.sections_required),
                "present": list(self.sections_present),
                "missing": list(self.sections_missing),
            },
            "counts": counts,
            "issues": [issue.to_json() for issue in self.issues],
        }


def reading_verdict(reading_age: float, target: float, maximum: float) -> str:
    """Whether the reading age meets the aim, said plainly (never "passes" beside a
    reading age above the aim)."""
    shown, aim, most = round(reading_age), round(target), round(maximum)
    if shown <= aim:
        return f"Reading age about {shown}: meets the aim of {aim}."
    if shown <= most:
        return (
            f"Reading age about {shown}: does not meet the aim of {aim} "
            f"(up to {most} is allowed; shorter words and sentences would help)."
        )
    return f"Reading age about {shown}: does not meet the aim of {aim}, and is over {most}."


def check_verdict(check: dict[str, Any]) -> str:
    """One line: ready to send or how many problems to fix, and the reading age."""
    errors = [i for i in check.get("issues", []) if i.get("severity") == ERROR]
    if check["passed"]:
        head = "No problems to fix."
    else:
        count = len(errors) or 1
        head = f"{count} problem{'s' if count != 1 else ''} to fix."
    reading = reading_verdict(
        check["reading_age"], check["target_reading_age"], check["max_reading_age"]
    )
    return f"{head} {reading}"


def _avoid_pattern(phrase: str) -> re.Pattern[str]:
    words = phrase.lower().split()
    last = re.escape(words[-1])
    stem = re.escape(words[-1][:-1]) if words[-1].endswith("e") else last
    ending = rf"(?:{last}(?:s|d|r|rs)?|{stem}(?:es|ed|ing|ion|ions))" if len(words) == 1 else last
    body = r"\s+".join([*(re.escape(w) for w in words[:-1]), ending])
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def load_check_settings(
    path: Path | None = None, glossary: Glossary | None = None
) -> CheckSettings:
    path = path or resource_path("letters", "checks.toml")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    thresholds = data.get("thresholds", {})
    avoid: dict[str, Avoid] = {}
    entries = [(str(e.get("phrase", "")), str(e.get("instead", ""))) for e in data.get("avoid", [])]
    entries += list((glossary or default_glossary()).avoid)
    for phrase, instead in entries:
        phrase = phrase.strip()
        if phrase and phrase.lower() not in avoid:
            avoid[phrase.lower()] = Avoid(phrase, instead, _avoid_pattern(phrase))
    return CheckSettings(
        target_reading_age=float(thresholds.get("target_reading_age", 9)),
        max_reading_age=float(thresholds.get("max_reading_age", 11)),
        max_sentence_words=int(thresholds.get("max_sentence_words", 25)),
        avoid=tuple(avoid.values()),
        not_passive=frozenset(w.lower() for w in data.get("passive", {}).get("not_passive", [])),
    )


@lru_cache(maxsize=1)
def default_check_settings() -> CheckSettings:
    return load_check_settings()


def _masked(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub(lambda m: "x" * len(m.group(0)), text)
    return text


def _locate(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    found = text.find(needle, start)
    if found < 0:
        return 0, 0
    return found, found + len(needle)


def _reading(text: str) -> tuple[float, float, int, int, int, list[str]]:
    """(reading age, Flesch reading ease, words, sentences, longest, sentences)."""
    masked = _masked(text)
    sentences = [s for s in sentences_of(masked) if words_of(s)]
    words = [w for w in words_of(masked) if not set(w) <= {"x"}]
    n_words = max(1, len(words))
    n_sentences = max(1, len(sentences))
    n_syllables = sum(syllables(word) for word in words)
    grade = 0.39 * (n_words / n_sentences) + 11.8 * (n_syllables / n_words) - 15.59
    ease = 206.835 - 1.015 * (n_words / n_sentences) - 84.6 * (n_syllables / n_words)
    longest = max((len(words_of(s)) for s in sentences), default=0)
    return (
        round(max(grade, 0) + 5, 1),
        round(ease, 1),
        len(words),
        len(sentences),
        longest,
        sentences,
    )


def _passive(text: str, settings: CheckSettings) -> Iterable[Issue]:
    participle = rf"(?:[a-z]{{2,}}ed|{'|'.join(_IRREGULAR)})"
    pattern = re.compile(
        rf"\b{_BE}\s+(?:(?:not|also|already|now|then|just|only|\w+ly)\s+)?({participle})\b",
        re.IGNORECASE,
    )
    for match in pattern.finditer(text):
        word = match.group(1).lower()
        if word in settings.not_passive or word.endswith("eed"):
            continue
        yield Issue(
            "passive",
            ADVICE,
            f"“{match.group(0)}” is passive: say who does it (“we will…”, “you can…”).",
            match.start(),
            match.end(),
            match.group(0),
        )


def _is_name(text: str, start: int) -> bool:
    """A capitalised word in the middle of a sentence (a person's or place's name)."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in '.!?:\n-•>*"“(' and not before.endswith("\n")


def detect_sections(text: str, manifest: Manifest, wanted: Iterable[str]) -> tuple[str, ...]:
    """Which sections the text holds, by their keywords (every group has a match)."""
    lower = " ".join(text.lower().split())
    present = []
    for section_id in wanted:
        groups = manifest.section_keywords.get(section_id, ())
        if groups and all(any(word in lower for word in group) for group in groups):
            present.append(section_id)
    return tuple(present)


# A letter telling a family a decision they can appeal: "we have decided not to...",
# "it has been determined..."; a decision to assess or to change a plan is not one.
_DECISION = re.compile(
    r"(?<!what )(?<!if )\bwe (?:have )?decided\b(?! to (?:assess|change|amend|make))"
    r"|\b(?:has|have) been (?:decided|determined)\b|\bit was (?:decided|determined)\b"
    r"|\bour decision (?:is|was)\b|\bwe will not (?:assess|make a plan)\b|\bwe will stop\b",
    re.IGNORECASE,
)


def looks_appealable(text: str) -> bool:
    """A letter that tells a family a decision (for files checked without a template)."""
    return bool(_DECISION.search(text))


def check_letter_text(
    text: str,
    *,
    required_sections: Sequence[str] | None = None,
    appealable: bool | None = None,
    manifest: Manifest | None = None,
    settings: CheckSettings | None = None,
    glossary: Glossary | None = None,
    letter_date: date | None = None,
) -> LetterCheck:
    """Check a letter's text. ``required_sections`` default: the appealable-decision
    sections when ``appealable`` (worked out from the wording when not given).
    ``letter_date`` (default: the date line above "Dear ...") is where the periods the
    letter gives count from: a reply date shorter than the stated period is refused."""
    manifest = manifest or default_manifest()
    settings = settings or default_check_settings()
    glossary = glossary or default_glossary()
    if appealable is None:
        appealable = looks_appealable(text)
    if required_sections is None:
        required_sections = manifest.appealable_sections if appealable else ()
    issues: list[Issue] = []

    age, ease, n_words, n_sentences, longest, sentences = _reading(text)
    if age > settings.max_reading_age:
        issues.append(
            Issue(
                "reading_age",
                ERROR,
                f"Reading age is about {age:.0f}; aim for {settings.target_reading_age:.0f} "
                "(use shorter words and sentences).",
            )
        )
    elif age > settings.target_reading_age + 0.5:
        issues.append(
            Issue(
                "reading_age",
                ADVICE,
                f"Reading age is about {age:.0f}, close to the aim of "
                f"{settings.target_reading_age:.0f}: shorter words would help.",
            )
        )
    cursor = 0
    masked = _masked(text)
    for sentence in sentences:
        count = len(words_of(sentence))
        start, end = _locate(masked, sentence, cursor)
        if end:
            cursor = end
        if count > settings.max_sentence_words:
            issues.append(
                Issue(
                    "long_sentence",
                    ERROR,
                    f"This sentence has {count} words (at most {settings.max_sentence_words}):"
                    " split it.",
                    start,
                    end,
                    text[start:end] if end else sentence,
                )
            )
    issues.extend(_passive(text, settings))
    # a spelling-out may wrap onto the next line of a PDF: lines of a paragraph join up
    joined = re.sub(r"(?<!\n)\n(?!\n)", " ", _masked(text))
    for use in acronym_uses(_REFERENCE.sub(lambda m: "x" * len(m.group(0)), joined), glossary):
        if use.explained:
            continue
        spelled = f" ({use.in_full[0]})" if use.in_full else ""
        issues.append(
            Issue(
                "acronym",
                ERROR,
                f"“{use.written}” is not spelled out the first time{spelled}: write it in full"
                " or say what it means.",
                use.start,
                use.end,
                use.written,
            )
        )
    for avoid in settings.avoid:
        for match in avoid.pattern.finditer(text):
            if _is_name(text, match.start()):
                continue  # "Roy Foster", "Mrs Key": a name, not a word to avoid
            issues.append(
                Issue(
                    "avoid",
                    ERROR,
                    f"Avoid “{match.group(0)}”: {avoid.instead}.",
                    match.start(),
                    match.end(),
                    match.group(0),
                )
            )
    dated = letter_date or letter_date_in(text)
    if dated is not None:
        for problem in period_problems(text, dated):
            issues.append(
                Issue("period", ERROR, problem.message, problem.start, problem.end, problem.text)
            )
    present = detect_sections(text, manifest, manifest.section_labels)
    for section_id in required_sections:
        if section_id not in present:
            label = manifest.section_labels.get(section_id, section_id)
            issues.append(
                Issue(
                    "missing_section",
                    ERROR,
                    f"The law requires this letter to include {label}.",
                )
            )
    issues.sort(key=lambda issue: (issue.start if issue.end else -1, issue.kind))
    return LetterCheck(
        text=text,
        reading_age=age,
        target_reading_age=settings.target_reading_age,
        max_reading_age=settings.max_reading_age,
        reading_ease=ease,
        words=n_words,
        sentences=n_sentences,
        longest_sentence_words=longest,
        appealable=bool(appealable),
        sections_required=tuple(required_sections),
        sections_present=tuple(s for s in present if s in required_sections),
        issues=tuple(issues),
    )
