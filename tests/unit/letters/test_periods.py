# ruff: noqa: E501  (the letters are written as a family would get them, one paragraph a line)
"""The plain-English check refuses a letter whose reply date is shorter than the period
it states, counted from the letter's date; and the appeal date's explanation."""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.letters.periods import later_because, letter_date_in
from send_desk.letters.plain_english import check_letter_text

# The letter of the issue: dated Sunday 22 November 2026, "at least 15 days", reply by
# Monday 23 November: one day. 15 days beginning with 22 November end on 6 December.
DRAFT_COVER = """Northtown Council
Special educational needs team

Alex Test
1 High Street

Sunday 22 November 2026

Dear Alex Test,

Here is Sam's draft plan. Please tell us what you think by {date}.

You have at least 15 days to tell us what you think. Please reply by {date}. Tell us if anything is wrong or missing.

Yours sincerely,
"""


def _period_issues(text: str, **kwargs: object) -> list[str]:
    check = check_letter_text(text, appealable=False, **kwargs)  # type: ignore[arg-type]
    return [i.message for i in check.issues if i.kind == "period"]


def test_a_reply_date_one_day_after_the_letter_is_refused() -> None:
    text = DRAFT_COVER.format(date="Monday 23 November 2026")
    check = check_letter_text(text, appealable=False)
    problems = [i for i in check.issues if i.kind == "period"]
    assert not check.passed
    assert len(problems) == 1
    assert "Sunday 6 December 2026 or later" in problems[0].message
    assert text[problems[0].start : problems[0].end] == "by Monday 23 November 2026"


def test_the_whole_15_days_pass_and_one_day_less_does_not() -> None:
    assert _period_issues(DRAFT_COVER.format(date="Sunday 6 December 2026")) == []
    assert len(_period_issues(DRAFT_COVER.format(date="Saturday 5 December 2026"))) == 1


def test_the_letter_date_given_by_the_caller_wins_over_the_text() -> None:
    text = DRAFT_COVER.format(date="Sunday 6 December 2026")
    assert len(_period_issues(text, letter_date=date(2026, 11, 25))) == 1


def test_the_letter_date_is_the_date_line_above_dear() -> None:
    assert letter_date_in(DRAFT_COVER.format(date="x")) == date(2026, 11, 22)
    assert letter_date_in("Dear Sam,\n\nMonday 23 November 2026\n") is None


APPEAL = """Thursday 12 March 2026

Dear Alex Test,

We have decided not to assess Sam's needs now.

> You must appeal by {date}.

This is 2 months from the date of this letter. If you get a mediation certificate, you can also appeal up to 1 month after the date on the certificate, if that is later.

The adviser will send you a certificate within 3 working days. We will set up the meeting within 30 days. Contact them by {date}.
"""


def test_an_appeal_date_short_of_2_months_is_refused_from_the_box_above() -> None:
    # 2 months from 12 March 2026 is Tuesday 12 May 2026
    assert _period_issues(APPEAL.format(date="Tuesday 12 May 2026")) == []
    problems = _period_issues(APPEAL.format(date="Monday 11 May 2026"))
    assert len(problems) == 1
    assert "Tuesday 12 May 2026 or later" in problems[0]


def test_periods_counted_from_a_named_day_use_that_day() -> None:
    text = (
        "Thursday 12 March 2026\n\nDear Alex,\n\n> You must appeal by Tuesday 1 September 2026.\n\n"
        "You have 2 months from Friday 12 June 2026 to appeal.\n"
    )
    assert _period_issues(text) == []
    short = text.replace("Friday 12 June 2026", "Monday 6 July 2026")
    assert len(_period_issues(short)) == 1


@pytest.mark.parametrize(
    ("plain", "due", "reason"),
    [
        (date(2026, 8, 12), date(2026, 9, 1), "the Tribunal does not count the days in August"),
        (
            date(2026, 12, 27),
            date(2027, 1, 4),
            "the Tribunal does not count the days from 25 December to 1 January. Also, the "
            "Tribunal's office is closed at weekends",
        ),
        (date(2026, 5, 10), date(2026, 5, 11), "the Tribunal's office is closed at weekends"),
        (
            date(2026, 5, 25),
            date(2026, 5, 26),
            "Monday 25 May 2026 is a bank holiday (Spring Bank Holiday), when the Tribunal's office is closed",
        ),
        (date(2026, 5, 12), date(2026, 5, 12), None),
    ],
)
def test_why_the_appeal_date_is_later(plain: date, due: date, reason: str | None) -> None:
    assert later_because(plain, due) == reason


def test_our_mediation_adviser_is_refused() -> None:
    text = "Dear Alex,\n\nBefore you appeal, contact our mediation adviser.\n"
    check = check_letter_text(text, appealable=False)
    assert [i.text for i in check.issues if i.kind == "avoid"] == ["our mediation adviser"]


def test_an_easy_read_last_day_counts_as_the_reply_date() -> None:
    text = (
        "Thursday 12 March 2026\n\nDear Alex,\n\n> The last day to appeal is {date}.\n\n"
        "That is 2 months from the date of this letter.\n"
    )
    assert _period_issues(text.format(date="Tuesday 12 May 2026")) == []
    assert len(_period_issues(text.format(date="Friday 8 May 2026"))) == 1


def test_a_pdf_text_without_blank_lines_pairs_a_period_with_its_own_sentences() -> None:
    # the draft plan is late: the final plan was due before the 15 days end; that date
    # is a council deadline three sentences away, not the reply date
    text = (
        "Sunday 22 November 2026\nDear Alex Test,\nTell us what you think\n"
        "You have at least 15 days to tell us what you think. Please reply by Sunday 6\n"
        "December 2026. Tell us if anything is wrong. What happens next\n"
        "We will send you the final plan soon. We are sorry it is late: it was due by\n"
        "Monday 19 October 2026.\n"
    )
    assert _period_issues(text) == []
    assert len(_period_issues(text.replace("Sunday 6\nDecember", "Friday 4\nDecember"))) == 1
