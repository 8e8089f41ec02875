"""Working days, Tribunal days and closure windows, checked against hand-worked dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from send_desk.timescales.calendar import CalendarError, default_calendar, load_calendar

CAL = default_calendar()


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "New Year"),
        (date(2026, 4, 3), "Good Friday"),  # Easter Sunday 2026 is 5 April
        (date(2026, 4, 6), "Easter Monday"),
        (date(2026, 5, 4), "May Day"),  # first Monday of May
        (date(2026, 5, 25), "Spring"),  # last Monday of May
        (date(2026, 8, 31), "Summer"),  # last Monday of August
        (date(2026, 12, 25), "Christmas"),  # a Friday
        # Boxing Day 2026 is a Saturday, so the bank holiday moves to Monday 28 December
        (date(2026, 12, 28), "Boxing Day"),
        # 2027: Christmas on Saturday and Boxing Day on Sunday -> Mon 27 and Tue 28 December
        (date(2027, 12, 27), "Christmas"),
        (date(2027, 12, 28), "Boxing Day"),
        (date(2022, 9, 19), "Funeral"),  # a one-off, already in the holidays package
    ],
)
def test_bank_holidays_of_england_and_wales(day: date, name: str) -> None:
    assert name.lower() in CAL.bank_holidays(day.year)[day].lower()
    assert not CAL.is_working_day(day)


def test_weekends_are_not_working_days_and_plain_weekdays_are() -> None:
    assert not CAL.is_working_day(date(2026, 3, 7))  # Saturday
    assert not CAL.is_working_day(date(2026, 3, 8))  # Sunday
    assert CAL.is_working_day(date(2026, 3, 9))  # Monday
    assert CAL.is_working_day(date(2026, 12, 24))  # Christmas Eve is not a bank holiday
    assert not CAL.is_working_day(date(2026, 12, 26))  # Saturday


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Fri 6 Mar 2026: Mon 9 (1), Tue 10 (2), Wed 11 (3)
        (date(2026, 3, 6), 3, date(2026, 3, 11)),
        # Thu 2 Apr 2026: Good Friday 3, weekend, Easter Monday 6 -> Tue 7 Apr is the 1st
        (date(2026, 4, 2), 1, date(2026, 4, 7)),
        # Thu 24 Dec 2026: 25 (Fri, holiday), 26-27 weekend, 28 (Mon, Boxing Day substitute),
        # Tue 29 (1), Wed 30 (2), Thu 31 (3)
        (date(2026, 12, 24), 3, date(2026, 12, 31)),
        # Thu 31 Dec 2026: Fri 1 Jan 2027 holiday, weekend -> Mon 4 Jan 2027 (across the year)
        (date(2026, 12, 31), 1, date(2027, 1, 4)),
        # a whole year of working days from Wed 31 Dec 2025: 2026 has 261 weekdays less 8
        # bank holidays on weekdays = 253 working days, so the 253rd is Thu 31 Dec 2026
        (date(2025, 12, 31), 253, date(2026, 12, 31)),
    ],
)
def test_working_days_after(start: date, n: int, expected: date) -> None:
    assert CAL.working_days_after(start, n) == expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Thu 30 Jul 2026: Fri 31 Jul (1); August not counted; Tue 1 Sep (2)
        (date(2026, 7, 30), 2, date(2026, 9, 1)),
        # Wed 23 Dec 2026: Thu 24 (1); 25 Dec-1 Jan not counted; 2-3 Jan weekend; Mon 4 Jan (2)
        (date(2026, 12, 23), 2, date(2027, 1, 4)),
    ],
)
def test_tribunal_days_skip_august_and_christmas(start: date, n: int, expected: date) -> None:
    assert CAL.tribunal_days_after(start, n) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 8, 15), date(2026, 9, 1)),  # in August -> first working day after 31 Aug
        (date(2025, 12, 27), date(2026, 1, 2)),  # 25 Dec-1 Jan -> Fri 2 Jan 2026
        (date(2026, 5, 2), date(2026, 5, 5)),  # Sat; Sun 3; Mon 4 May bank holiday -> Tue 5
        (date(2026, 5, 6), date(2026, 5, 6)),  # an ordinary Wednesday stays
    ],
)
def test_tribunal_day_on_or_after(day: date, expected: date) -> None:
    assert CAL.tribunal_day_on_or_after(day) == expected


def test_closure_window_of_the_reference_worked_example() -> None:
    # statutory-timescales.md row 8: a school closes Wed 22 July and reopens Thu 3 Sept;
    # the window is 15 July (22 July - 7 days) to 27 August (3 September - 7 days).
    window = CAL.closure_window_at(date(2026, 8, 1))
    assert window is not None
    assert (window.closed_from, window.reopens) == (date(2026, 7, 22), date(2026, 9, 3))
    assert (window.window_start, window.window_end) == (date(2026, 7, 15), date(2026, 8, 27))
    assert CAL.closure_window_at(date(2026, 7, 14)) is None
    assert CAL.closure_window_at(date(2026, 7, 15)) is window
    assert CAL.closure_window_at(date(2026, 8, 27)) is window
    assert CAL.closure_window_at(date(2026, 8, 28)) is None


def test_half_terms_and_christmas_make_no_closure_window() -> None:
    # Feb half term 2026 (14-22 Feb) and Christmas (20 Dec 2025 - 4 Jan 2026) are < 4 weeks
    assert CAL.closure_window_at(date(2026, 2, 10)) is None
    assert CAL.closure_window_at(date(2025, 12, 22)) is None


def test_local_override_adds_and_removes_bank_holidays(tmp_path: Path) -> None:
    (tmp_path / "bank_holidays.toml").write_text(
        '[[add]]\ndate = 2026-06-15\nname = "One-off"\n[[remove]]\ndate = 2026-05-04\n',
        encoding="utf-8",
    )
    cal = load_calendar(tmp_path)
    assert cal.bank_holidays(2026)[date(2026, 6, 15)] == "One-off"
    assert not cal.is_working_day(date(2026, 6, 15))
    assert cal.is_working_day(date(2026, 5, 4))
    # Fri 12 Jun 2026: Mon 15 is now a holiday -> Tue 16 Jun is the 1st working day
    assert cal.working_days_after(date(2026, 6, 12), 1) == date(2026, 6, 16)
    assert cal.closure_windows == ()  # no term dates in this folder


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("term_dates.toml", "[[term]]\nfirst_day = 2026-09-03\nlast_day = 2026-07-21\n",
         "term_dates.toml: term[0]: last_day 2026-07-21 is before first_day"),
        ("term_dates.toml",
         "[[term]]\nfirst_day = 2026-09-03\nlast_day = 2026-10-23\n"
         "[[term]]\nfirst_day = 2026-10-20\nlast_day = 2026-12-18\n",
         "term_dates.toml: the term starting 2026-10-20 overlaps"),
        ("bank_holidays.toml", '[[add]]\ndate = "2026-06-15"\nname = "x"\n',
         "bank_holidays.toml: add[0]: '2026-06-15' is not a date"),
        ("bank_holidays.toml", "[[add]]\ndate = 2026-06-15\n",
         "bank_holidays.toml: add[0]: needs a date and a name"),
        ("bank_holidays.toml", "[extra]\n", "bank_holidays.toml: unknown section extra"),
        ("term_dates.toml", "[[term]\n", "term_dates.toml: not valid TOML"),
    ],
)  # fmt: skip
def test_bad_calendar_files_are_refused_naming_the_entry(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(CalendarError) as error:
        load_calendar(tmp_path)
    assert message in str(error.value)


def test_default_calendar_is_built_once() -> None:
    assert default_calendar() is default_calendar()
