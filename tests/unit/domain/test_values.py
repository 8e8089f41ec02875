"""Single-value rules and derived values, with answers worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.domain.codes import Stage
from send_desk.domain.school_year import nc_year, nc_year_label
from send_desk.domain.stage import derive_stage
from send_desk.domain.validators import clean_postcode, clean_upn, upn_check_letter


def test_upn_check_letter_worked_by_hand() -> None:
    # Characters 2-13 "820200100501": digits x weights 2..13:
    # 8*2 + 2*3 + 0*4 + 2*5 + 0*6 + 0*7 + 1*8 + 0*9 + 0*10 + 5*11 + 0*12 + 1*13
    # = 16 + 6 + 10 + 8 + 55 + 13 = 108; 108 mod 23 = 16 -> 17th letter of
    # ABCDEFGHJKLMNPQRTUVWXYZ = T
    assert upn_check_letter("820200100501") == "T"
    assert clean_upn("t820200100501") == "T820200100501"


def test_upn_with_a_wrong_check_letter_is_refused() -> None:
    with pytest.raises(ValueError, match="check letter"):
        clean_upn("A820200100501")
    with pytest.raises(ValueError, match="13 characters"):
        clean_upn("T8202")


def test_postcode_is_normalised_and_checked() -> None:
    assert clean_postcode("ls14ap") == "LS1 4AP"
    assert clean_postcode(" SW1A 1AA ") == "SW1A 1AA"
    with pytest.raises(ValueError, match="not a UK postcode"):
        clean_postcode("12345")


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        # On 22/11/2026 the school year began 1/9/2026. Born 31/08/2015: cohort 2015,
        # Reception from Sept 2019, so 2026 - 2019 = Year 7.
        (date(2015, 8, 31), 7),
        # Born 01/09/2015: cohort 2016, Reception Sept 2020 -> Year 6.
        (date(2015, 9, 1), 6),
        # Born 15/03/2022: cohort 2022, Reception Sept 2026 -> Reception (0).
        (date(2022, 3, 15), 0),
        # Born 10/10/2022: cohort 2023, Reception Sept 2027 -> Nursery (-1).
        (date(2022, 10, 10), -1),
    ],
)
def test_national_curriculum_year_uses_the_31_august_cut_off(born: date, expected: int) -> None:
    assert nc_year(born, date(2026, 11, 22)) == expected


def test_year_labels() -> None:
    assert [nc_year_label(y) for y in (-2, -1, 0, 6, 15)] == [
        "Pre-school",
        "Nursery",
        "Reception",
        "Year 6",
        "Post-19",
    ]


def test_stage_follows_the_process_and_same_day_events_in_process_order() -> None:
    events = [
        ("final_plan_issued", date(2025, 5, 1), {}),
        ("request_received", date(2024, 12, 1), {}),
        ("assessment_decision", date(2025, 1, 10), {"outcome": "assess"}),
        # a meeting and its decision on the same day: the decision comes after
        ("review_decision", date(2026, 5, 1), {"outcome": "amend"}),
        ("review_meeting", date(2026, 5, 1), {}),
    ]
    assert derive_stage(events) == Stage.AMENDMENT
    assert derive_stage(events[:3]) == Stage.PLAN
    assert derive_stage([]) == Stage.NONE
    assert (
        derive_stage([("assessment_decision", date(2025, 1, 1), {"outcome": "not_assess"})])
        == Stage.NOT_ASSESSED
    )


def test_dates_on_the_command_line_are_strict_iso() -> None:
    from send_desk.timeutil import parse_iso_date

    assert parse_iso_date(" 2026-01-05 ") == date(2026, 1, 5)
    for bad in ("20260105", "2026-W02", "05/01/2026", "2026-02-30"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            parse_iso_date(bad)


def test_month_start_counts_back_across_years() -> None:
    from datetime import date

    from send_desk.timeutil import month_start

    assert month_start(date(2026, 11, 22)) == date(2026, 11, 1)
    assert month_start(date(2026, 3, 31), 5) == date(2025, 10, 1)
    assert month_start(date(2026, 1, 15), 1) == date(2025, 12, 1)
    assert month_start(date(2026, 1, 15), 25) == date(2023, 12, 1)
