"""The service standards file: loaded, its dates worked out by hand, mistakes refused
with a message naming the file and the entry."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from send_desk.resources import resource_path
from send_desk.services.standards import (
    StandardsError,
    default_standards,
    load_standards,
    parse_standards,
    standards_for,
)


def _data() -> dict[str, Any]:
    with resource_path("standards", "service_standards.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_bundled_standards_load() -> None:
    standards = default_standards()
    assert [c.respond_within for c in standards.channels.values()] == [10, 10, 2, 5]
    assert [s.id for s in standards.stages] == ["stage1", "stage2"]
    assert list(standards.root_causes.values()) == [
        "Policy and procedure",
        "Service quality",
        "Communication",
        "Service failure",
        "Staff conduct",
    ]
    assert standards.callbacks.slot_minutes == 15
    assert standards.next_stage("stage1") is not None
    assert standards.next_stage("stage2") is None


def test_response_due_dates_count_working_days() -> None:
    standards = default_standards()
    # an email on Monday 2 November 2026: 10 working days -> Monday 16 November
    assert standards.response_due("email", date(2026, 11, 2)) == date(2026, 11, 16)
    # a call on Friday 6 November: 2 working days -> Mon 9 (1), Tue 10 (2)
    assert standards.response_due("call", date(2026, 11, 6)) == date(2026, 11, 10)
    # a portal message on Saturday 7 November: Mon 9 is the 1st, Fri 13 the 5th
    assert standards.response_due("portal", date(2026, 11, 7)) == date(2026, 11, 13)
    # over Christmas: 25 Dec (Fri), 28 Dec (Mon, for Boxing Day on a Saturday) and 1 Jan
    # are bank holidays. From Mon 21 Dec: 22, 23, 24 (3), 29, 30, 31 (6), 4, 5, 6, 7 Jan
    assert standards.response_due("email", date(2026, 12, 21)) == date(2027, 1, 7)
    # a complaint on Thursday 1 October: acknowledge by Tue 6 Oct (3), answer by Thu 15
    assert standards.stage_dates("stage1", date(2026, 10, 1)) == (
        date(2026, 10, 6),
        date(2026, 10, 15),
    )
    # stage 2 asked for on Mon 19 Oct: 20 working days -> Mon 16 Nov
    assert standards.stage_dates("stage2", date(2026, 10, 19))[1] == date(2026, 11, 16)


def test_a_council_copy_in_the_data_folder_wins(tmp_path: Path) -> None:
    text = resource_path("standards", "service_standards.toml").read_text(encoding="utf-8")
    folder = tmp_path / "standards"
    folder.mkdir()
    (folder / "service_standards.toml").write_text(
        text.replace("respond_within_working_days = 2\n", "respond_within_working_days = 1\n"),
        encoding="utf-8",
    )
    assert standards_for(tmp_path).channels["call"].respond_within == 1
    assert standards_for(tmp_path / "nowhere").channels["call"].respond_within == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["correspondence"]["channels"].pop("portal"),
            "[correspondence.channels.portal] is missing",
        ),
        (
            lambda d: d["correspondence"]["channels"].__setitem__(
                "fax", {"label": "Fax", "respond_within_working_days": 3}
            ),
            "[correspondence.channels.fax] is not a channel SEND Desk knows",
        ),
        (
            lambda d: d["correspondence"]["channels"]["email"].__setitem__(
                "respond_within_working_days", "ten"
            ),
            "[correspondence.channels.email]: 'respond_within_working_days' must be a whole",
        ),
        (
            lambda d: d["correspondence"]["channels"]["call"].__setitem__(
                "respond_within_working_days", 0
            ),
            "'respond_within_working_days' is 0; it must be between 1 and 260",
        ),
        (
            lambda d: d["callbacks"].__setitem__("day_ends", "08:00"),
            "[callbacks]: 'day_ends' must be later than 'day_starts'",
        ),
        (
            lambda d: d["callbacks"].__setitem__("day_starts", "half nine"),
            "[callbacks]: 'day_starts' must be a time like",
        ),
        (
            lambda d: d["complaints"]["root_causes"].pop("staff_conduct"),
            "'staff_conduct' is missing",
        ),
        (
            lambda d: d["complaints"]["stages"][1].__setitem__("id", "stage1"),
            "complaints.stages[2]: the id 'stage1' is used twice",
        ),
        (
            lambda d: d["complaints"]["stages"][0].__setitem__(
                "acknowledge_within_working_days", 30
            ),
            "acknowledging (30 working days) cannot take longer than responding (10)",
        ),
        (
            lambda d: d["complaints"]["stages"][1].__setitem__("escalate_within_working_days", 20),
            "the last stage has no next stage",
        ),
        (lambda d: d.pop("complaints"), "[complaints] is missing"),
    ],
)
def test_mistakes_are_refused_with_the_entry_named(change: Any, message: str) -> None:
    data = _data()
    change(data)
    with pytest.raises(StandardsError) as raised:
        parse_standards(data, "service_standards.toml")
    assert message in str(raised.value)
    assert str(raised.value).startswith("service_standards.toml")


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "service_standards.toml"
    bad.write_text("[correspondence\n", encoding="utf-8")
    with pytest.raises(StandardsError, match=r"service_standards\.toml: not valid TOML"):
        load_standards(bad)
