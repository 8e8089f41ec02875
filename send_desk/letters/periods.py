"""The periods a letter gives its reader, checked against the dates it names.

A letter that says "you have at least 15 days ... please reply by Monday 23 November"
must give 15 days: the reply date may not come before the period counted from the
letter's own date (or from the date the letter says it counts from, "2 months from
Friday 12 June 2026"). Counting follows the statutory clock's conventions
(:mod:`send_desk.timescales.counting`, the council's settings), so the check and the
clock never disagree. It also says why a Tribunal appeal date is later than the
2 months (August, 25 December to 1 January, a day the Tribunal's office is closed),
with the wording in ``resources/letters/periods.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from send_desk.letters.dates import full_date
from send_desk.resources import resource_path
from send_desk.timescales import WorkingCalendar, default_calendar, default_rules
from send_desk.timescales.counting import add_months, apply_period

_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_DATE_TEXT = (
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
    rf"(\d{{1,2}})\s+({_MONTH_NAMES})\s+(\d{{4}})"
)
FULL_DATE = re.compile(rf"\b{_DATE_TEXT}\b", re.IGNORECASE)
# the date a reader must act by: "reply by ...", "the last day to appeal is ..."
_BY_DATE = re.compile(rf"\b(?:by|is)\s+{_DATE_TEXT}\b", re.IGNORECASE)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_PERIOD = re.compile(
    rf"\b(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?P<unit>days?|weeks?|months?)\b"
    rf"(?P<from>\s+from\s+{_DATE_TEXT})?",
    re.IGNORECASE,
)
# Periods that are no promise of a date to the reader: what we undertake "within" a
# time, working days (the mediation adviser's certificate), a time before another
# date ("2 weeks before the meeting") or after another document ("1 month after the
# date on the certificate").
_NOT_A_PROMISE_BEFORE = re.compile(r"\b(?:within|up to|every|once)\s+$", re.IGNORECASE)
_NOT_A_PROMISE_AFTER = re.compile(r"^\s+(?:before|after|ago|old)\b", re.IGNORECASE)
_UNITS = {"day": "days_beginning_with", "week": "weeks_after", "month": "months_after"}


def parse_full_date(day: str, month: str, year: str) -> date | None:
    months = _MONTH_NAMES.split("|")
    try:
        return date(int(year), months.index(month.lower()) + 1, int(day))
    except ValueError:
        return None


def _date_of(match: re.Match[str], first_group: int = 1) -> date | None:
    return parse_full_date(
        match.group(first_group), match.group(first_group + 1), match.group(first_group + 2)
    )


def period_end(start: date, count: int, unit: str) -> date:
    """The last day of ``count`` days/weeks/months given on ``start``, by the clock's
    counting conventions ("15 days beginning with" the letter's date, "6 weeks after",
    "2 months after")."""
    rules = default_rules()
    return apply_period(start, count, _UNITS[unit], rules.conventions, default_calendar())


@dataclass(frozen=True)
class PeriodProblem:
    start: int
    end: int
    text: str
    message: str


def _promises(block: str) -> Iterator[tuple[re.Match[str], int, str, date | None]]:
    for match in _PERIOD.finditer(block):
        before = block[: match.start()]
        after = block[match.end() :]
        if _NOT_A_PROMISE_BEFORE.search(before) or _NOT_A_PROMISE_AFTER.match(after):
            continue
        if re.match(r"\s*working\b", after) or before.rstrip().lower().endswith("working"):
            continue
        raw = match.group("n").lower()
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = match.group("unit").lower().rstrip("s")
        base = _date_of(match, 4) if match.group("from") else None
        yield match, count, unit, base


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """Sentences with where they start: split after . ! ? and at blank lines, so a
    letter's text and the text of its PDF (no blank lines) split the same way."""
    position = 0
    for piece in re.split(r"((?<=[.!?])\s+|\n\s*\n)", text):
        if piece.strip() and not re.fullmatch(r"\s+", piece):
            yield position, piece
        position += len(piece)


def period_problems(text: str, letter_date: date) -> list[PeriodProblem]:
    """Every stated period whose reply date comes before the period ends. The reply
    date is a "by" (or "is") date in the same sentence, else in the sentence before it
    (the box above: "You must appeal by ..."), else in the one after it (easy read puts
    one idea a line: "You have at least 15 days." "Please tell us by ...")."""
    sentences = [
        (
            sentence,
            [
                (found, match, offset)
                for match in _BY_DATE.finditer(sentence)
                if (found := _date_of(match)) is not None
            ],
        )
        for offset, sentence in _sentences(text)
    ]
    problems: list[PeriodProblem] = []
    for index, (sentence, by_dates) in enumerate(sentences):
        before = sentences[index - 1][1] if index > 0 else []
        after = sentences[index + 1][1] if index + 1 < len(sentences) else []
        for match, count, unit, base in _promises(sentence):
            start = max(base, letter_date) if base else letter_date
            last = period_end(start, count, unit)
            for found, by_match, where in by_dates or before or after:
                if found >= last:
                    continue
                given = (found - start).days + (1 if unit == "day" else 0)
                stated = " ".join(match.group(0).split()[:2])
                problems.append(
                    PeriodProblem(
                        where + by_match.start(),
                        where + by_match.end(),
                        by_match.group(0),
                        f"The letter gives {stated} from {full_date(start)}, but "
                        f"{by_match.group(0)} gives only {max(given, 0)} "
                        f"day{'s' if given != 1 else ''}: the date must be "
                        f"{full_date(last)} or later.",
                    )
                )
    unique = {(p.start, p.end, p.message): p for p in problems}
    return list(unique.values())


_LETTER_DATE_LINE = re.compile(rf"^\s*{_DATE_TEXT}\s*$", re.IGNORECASE | re.MULTILINE)


def letter_date_in(text: str) -> date | None:
    """The letter's own date: a line holding only a date, before "Dear ..."."""
    head = re.split(r"^\s*Dear\b", text, maxsplit=1, flags=re.MULTILINE)[0]
    found = [d for m in _LETTER_DATE_LINE.finditer(head) if (d := _date_of(m)) is not None]
    return found[-1] if found else None


# ------------------------------------------------------------------ the appeal date


@lru_cache(maxsize=1)
def _wording() -> dict[str, str]:
    with resource_path("letters", "periods.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return {str(k): str(v) for k, v in data.get("later_because", {}).items()}


def later_because(plain: date, due: date, calendar: WorkingCalendar | None = None) -> str | None:
    """Why the Tribunal's appeal date ``due`` is later than ``plain`` (the date
    2 months gives), in the letter's words; None when it is not later."""
    if due <= plain:
        return None
    calendar = calendar or default_calendar()
    words = _wording()
    reasons: list[str] = []
    day = plain
    while day < due:
        if calendar.tribunal_not_counted(day):
            key = "august" if day.month == 8 else "christmas"
            reasons.append(words[key])
        elif day.weekday() >= 5:
            reasons.append(words["weekend"])
        elif not calendar.is_working_day(day):
            name = calendar.bank_holidays(day.year).get(day, "a bank holiday")
            reasons.append(words["bank_holiday"].format(day=full_date(day), name=name))
        day += timedelta(days=1)
    if not reasons:
        reasons.append(words["certificate"])
    unique = list(dict.fromkeys(reasons))
    # one reason a sentence: the letter's sentences stay short
    return unique[0] + "".join(f". Also, {reason}" for reason in unique[1:])


def appeal_fields(counted_from: date, due: date) -> dict[str, object]:
    """``appeal.*`` of a decision letter: the day the 2 months count from, the date they
    give, and why the appeal date is later (None when it is not)."""
    plain = add_months(counted_from, 2, default_rules().conventions.short_month)
    return {
        "counted_from": counted_from,
        "two_months": plain,
        "later_because": later_because(plain, due),
    }
