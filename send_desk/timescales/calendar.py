"""Working days, Tribunal days and school closures for the statutory clock.

A *working day* is Monday to Friday and not an England and Wales bank holiday. The bank
holidays come from the ``holidays`` package (``country_holidays("GB", subdiv="ENG")``),
corrected by a local list kept as data (``resources/calendar/bank_holidays.toml``) for a
one-off bank holiday announced after the package was released.

A *Tribunal day* (HESC rules r.12, SEN cases) is a working day outside the periods the
Tribunal does not count: by default 25 December to 1 January and the whole of August.

School term dates (``resources/calendar/term_dates.toml``) give the windows in which the
reg 10(4)(a)/(b) closure exception can apply: from 1 week before a closure of at least 4
continuous weeks to 1 week before the school reopens. These periods the law fixes are
data too (``resources/calendar/fixed_periods.toml``, :func:`load_fixed_periods`).

Everything is computed once per calendar year and cached on the calendar object, so a
deadline costs a dictionary look-up and a bisection, not a rebuild of the holiday table.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import holidays

from send_desk.resources import resource_path
from send_desk.rules_file import RulesTable, read_rules, read_rules_file

MonthDay = tuple[int, int]
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class FixedPeriods:
    """The periods the law fixes (``resources/calendar/fixed_periods.toml``)."""

    tribunal_not_counted: tuple[tuple[MonthDay, MonthDay], ...]
    closure_min_days: int
    closure_margin: timedelta


def _month_day(table: RulesTable, key: str, text: object) -> MonthDay:
    match = _MONTH_DAY.match(text) if isinstance(text, str) else None
    if match is None:
        raise table.error(key, f'{text!r} is not a day of the year (write it as "MM-DD")')
    month, day = int(match[1]), int(match[2])
    try:
        date(2024, month, day)  # a leap year: 29 February is a day of the year
    except ValueError:
        raise table.error(key, f"{text!r} is not a day of the year") from None
    return month, day


def load_fixed_periods(path: Path | None = None) -> FixedPeriods:
    """Read and check the fixed periods (default: the bundled file)."""
    top = read_rules("calendar", "fixed_periods.toml") if path is None else read_rules_file(path)
    top.only("tribunal", "school_closure")
    tribunal = top.table("tribunal")
    tribunal.only("not_counted")
    pairs = tribunal.data.get("not_counted")
    if not isinstance(pairs, list) or not all(
        isinstance(pair, list) and len(pair) == 2 for pair in pairs
    ):
        raise tribunal.error("not_counted", 'must list ["MM-DD", "MM-DD"] pairs')
    periods = tuple(
        (_month_day(tribunal, "not_counted", a), _month_day(tribunal, "not_counted", b))
        for a, b in pairs
    )
    closure = top.table("school_closure")
    closure.only("min_days", "window_margin_days")
    return FixedPeriods(
        tribunal_not_counted=periods,
        closure_min_days=closure.integer("min_days", 1),
        closure_margin=timedelta(days=closure.integer("window_margin_days")),
    )


_FIXED = load_fixed_periods()
TRIBUNAL_NOT_COUNTED = _FIXED.tribunal_not_counted
CLOSURE_MIN_DAYS = _FIXED.closure_min_days
CLOSURE_MARGIN = _FIXED.closure_margin


class CalendarError(ValueError):
    """A calendar data file is wrong; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Term:
    """A stretch of days a school is open, first and last day included."""

    first_day: date
    last_day: date


@dataclass(frozen=True, slots=True)
class ClosureWindow:
    """A school closure of 4 weeks or more and the reg 10(4)(a) window around it."""

    closed_from: date
    reopens: date
    window_start: date  # 1 week before the closure starts
    window_end: date  # 1 week before the school reopens

    def contains(self, day: date) -> bool:
        return self.window_start <= day <= self.window_end


def _in_period(day: date, period: tuple[MonthDay, MonthDay]) -> bool:
    (start, end), month_day = period, (day.month, day.day)
    if start <= end:
        return start <= month_day <= end
    return month_day >= start or month_day <= end  # wraps over the new year


class WorkingCalendar:
    """Working-day and Tribunal-day arithmetic with per-year caches."""

    def __init__(
        self,
        extra_holidays: Mapping[date, str] | None = None,
        not_holidays: Iterable[date] = (),
        terms: Sequence[Term] = (),
        tribunal_not_counted: Sequence[tuple[MonthDay, MonthDay]] = TRIBUNAL_NOT_COUNTED,
    ) -> None:
        self._extra = dict(extra_holidays or {})
        self._not_holidays = frozenset(not_holidays)
        self._tribunal_not_counted = tuple(tribunal_not_counted)
        self._holidays: dict[int, dict[date, str]] = {}
        self._working: dict[int, list[int]] = {}
        self._working_set: dict[int, frozenset[int]] = {}
        self._tribunal: dict[int, list[int]] = {}
        self._tribunal_set: dict[int, frozenset[int]] = {}
        self.terms = tuple(sorted(terms, key=lambda term: term.first_day))
        self.closure_windows = _closure_windows(self.terms)

    # -- bank holidays ---------------------------------------------------------------

    def bank_holidays(self, year: int) -> dict[date, str]:
        """England and Wales bank holidays of one year, local corrections applied."""
        cached = self._holidays.get(year)
        if cached is None:
            found = holidays.country_holidays("GB", subdiv="ENG", years=year)
            cached = {day: str(name) for day, name in found.items() if day.year == year}
            cached.update((day, name) for day, name in self._extra.items() if day.year == year)
            for day in self._not_holidays:
                cached.pop(day, None)
            self._holidays[year] = cached
        return cached

    def _build_year(self, year: int) -> None:
        bank = self.bank_holidays(year)
        working: list[int] = []
        tribunal: list[int] = []
        day = date(year, 1, 1)
        one = timedelta(days=1)
        while day.year == year:
            if day.weekday() < 5 and day not in bank:
                working.append(day.toordinal())
                if not any(_in_period(day, p) for p in self._tribunal_not_counted):
                    tribunal.append(day.toordinal())
            day += one
        self._working[year], self._tribunal[year] = working, tribunal
        self._working_set[year] = frozenset(working)
        self._tribunal_set[year] = frozenset(tribunal)

    def _days(self, tribunal: bool, year: int) -> list[int]:
        table = self._tribunal if tribunal else self._working
        days = table.get(year)
        if days is None:
            self._build_year(year)
            days = table[year]
        return days

    # -- questions about one day -------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        if day.year not in self._working_set:
            self._build_year(day.year)
        return day.toordinal() in self._working_set[day.year]

    def is_tribunal_day(self, day: date) -> bool:
        if day.year not in self._tribunal_set:
            self._build_year(day.year)
        return day.toordinal() in self._tribunal_set[day.year]

    def tribunal_not_counted(self, day: date) -> bool:
        """True in a period the Tribunal does not count (25 Dec–1 Jan, August)."""
        return any(_in_period(day, p) for p in self._tribunal_not_counted)

    # -- counting ------------------------------------------------------------------------

    def _nth_after(self, tribunal: bool, start: date, n: int) -> date:
        """The ``n``-th counted day after ``start`` (``start`` itself never counts)."""
        if n < 1:
            raise ValueError("count working days from 1")
        year, after = start.year, start.toordinal()
        while True:
            days = self._days(tribunal, year)
            i = bisect_right(days, after)
            if i + n - 1 < len(days):
                return date.fromordinal(days[i + n - 1])
            n -= len(days) - i
            year += 1

    def working_days_after(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start``."""
        return self._nth_after(False, start, n)

    def tribunal_days_after(self, start: date, n: int) -> date:
        """The ``n``-th Tribunal working day after ``start``."""
        return self._nth_after(True, start, n)

    def working_day_on_or_after(self, day: date) -> date:
        return day if self.is_working_day(day) else self._nth_after(False, day, 1)

    def tribunal_day_on_or_after(self, day: date) -> date:
        """Where a Tribunal deadline lands: the day itself if it is a working day outside
        August and 25 December–1 January, otherwise the first such day after it."""
        return day if self.is_tribunal_day(day) else self._nth_after(True, day, 1)

    # -- school closures -----------------------------------------------------------------

    def closure_window_at(self, day: date) -> ClosureWindow | None:
        """The reg 10(4)(a) closure window that ``day`` falls in, if any."""
        for window in self.closure_windows:
            if window.contains(day):
                return window
        return None


def _closure_windows(terms: Sequence[Term]) -> tuple[ClosureWindow, ...]:
    windows = []
    for before, after in itertools.pairwise(terms):
        closed_from = before.last_day + timedelta(days=1)
        if (after.first_day - closed_from).days >= CLOSURE_MIN_DAYS:
            windows.append(
                ClosureWindow(
                    closed_from=closed_from,
                    reopens=after.first_day,
                    window_start=closed_from - CLOSURE_MARGIN,
                    window_end=after.first_day - CLOSURE_MARGIN,
                )
            )
    return tuple(windows)


# -- loading the calendar data ---------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise CalendarError(f"{path.name}: not valid TOML: {error}") from None


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    raise CalendarError(f"{where}: {value!r} is not a date (write it as 2026-05-04, no quotes)")


def load_calendar(
    folder: Path | None = None,
    tribunal_not_counted: Sequence[tuple[MonthDay, MonthDay]] = TRIBUNAL_NOT_COUNTED,
) -> WorkingCalendar:
    """Build a calendar from ``bank_holidays.toml`` and ``term_dates.toml`` in ``folder``
    (default: the bundled ``resources/calendar``). Either file may be missing."""
    folder = folder if folder is not None else resource_path("calendar")
    extra: dict[date, str] = {}
    removed: list[date] = []
    terms: list[Term] = []

    bank_file = folder / "bank_holidays.toml"
    if bank_file.is_file():
        data = _read_toml(bank_file)
        unknown = sorted(set(data) - {"add", "remove"})
        if unknown:
            raise CalendarError(f"{bank_file.name}: unknown section {', '.join(unknown)}")
        for i, entry in enumerate(data.get("add", [])):
            where = f"{bank_file.name}: add[{i}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise CalendarError(f"{where}: needs a date and a name")
            extra[_as_date(entry.get("date"), where)] = entry["name"]
        for i, entry in enumerate(data.get("remove", [])):
            where = f"{bank_file.name}: remove[{i}]"
            if not isinstance(entry, dict):
                raise CalendarError(f"{where}: needs a date")
            removed.append(_as_date(entry.get("date"), where))

    term_file = folder / "term_dates.toml"
    if term_file.is_file():
        data = _read_toml(term_file)
        unknown = sorted(set(data) - {"term"})
        if unknown:
            raise CalendarError(f"{term_file.name}: unknown section {', '.join(unknown)}")
        for i, entry in enumerate(data.get("term", [])):
            where = f"{term_file.name}: term[{i}]"
            if not isinstance(entry, dict):
                raise CalendarError(f"{where}: needs first_day and last_day")
            first = _as_date(entry.get("first_day"), where)
            last = _as_date(entry.get("last_day"), where)
            if last < first:
                raise CalendarError(f"{where}: last_day {last} is before first_day {first}")
            terms.append(Term(first, last))
        ordered = sorted(terms, key=lambda term: term.first_day)
        for before, after in itertools.pairwise(ordered):
            if after.first_day <= before.last_day:
                raise CalendarError(
                    f"{term_file.name}: the term starting {after.first_day} overlaps the "
                    f"term ending {before.last_day}"
                )

    return WorkingCalendar(extra, removed, terms, tribunal_not_counted)


@lru_cache(maxsize=8)
def default_calendar(
    tribunal_not_counted: tuple[tuple[MonthDay, MonthDay], ...] = TRIBUNAL_NOT_COUNTED,
) -> WorkingCalendar:
    """The bundled calendar, built once per process."""
    return load_calendar(None, tribunal_not_counted)
