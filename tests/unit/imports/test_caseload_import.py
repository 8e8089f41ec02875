"""Importing a team's caseload spreadsheet: every bad row named, all rows or none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from send_desk.domain.children import Allocation, Child, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.organisation import Setting
from send_desk.domain.validators import upn_check_letter
from send_desk.imports.caseload_import import ImportResult, import_caseload
from send_desk.storage.store import Store
from tests.unit.imports.caseload import organise, write_csv

TODAY = date(2026, 11, 22)

# Worked by hand: the UPN's characters 2-13 are 8 8 6 2 0 0 0 1 2 3 4 5, weighted 2..13:
# 16 + 24 + 24 + 10 + 0 + 0 + 0 + 9 + 20 + 33 + 48 + 65 = 249; 249 mod 23 = 19, and the
# 20th letter of ABCDEFGHJKLMNPQRTUVWXYZ (no I, O, S) is W.
HAND_UPN = "W886200012345"


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _run(store: Store, path: Path, **options: object) -> ImportResult:
    organise_once(store)
    return import_caseload(store, path, today=TODAY, **options)  # type: ignore[arg-type]


def organise_once(store: Store) -> None:
    if _count(store, Setting) == 0:
        organise(store)


def _row(n: int) -> list[str]:
    """Synthetic child n: a valid UPN (the test is about rows, so the check letter is
    computed here; the hand-worked one is tested on its own)."""
    tail = f"8862000{n:05d}"
    born = date(2012, 1, 1).toordinal() + n * 7
    return [
        f"Child{n} Testperson",
        date.fromordinal(born).strftime("%d/%m/%Y"),
        upn_check_letter(tail) + tail,
        "Hillside Primary" if n % 2 else "Brook Academy",
        "ASD" if n % 3 else "Social, emotional and mental health",
        "01/09/2022",
        "15/09/2025",
        "Sam Carter",
    ]


def test_500_rows_with_3_bad_are_refused_naming_them_then_import_once_fixed(
    store: Store, tmp_path: Path
) -> None:
    rows = [_row(n) for n in range(500)]
    good = {index: list(rows[index]) for index in (40, 212, 377)}
    rows[40][1] = "03/02/2027"  # born in the future (today is 22/11/2026)
    rows[212][2] = "A" + rows[212][2][1:]  # a wrong check letter
    if rows[212][2] == good[212][2]:
        rows[212][2] = "B" + rows[212][2][1:]
    rows[377][2] = rows[10][2]  # the child on row 12 again
    sheet = write_csv(tmp_path / "caseload.csv", rows)

    refused = _run(store, sheet)

    # the sheet's row numbers: the header is row 1, rows[i] is row i + 2
    assert [(p.row, p.column) for p in refused.problems] == [
        (42, "D.O.B."),
        (214, "UPN"),
        (379, "UPN"),
    ]
    assert "03/02/2027 is in the future" in refused.problems[0].message
    assert "check letter does not match" in refused.problems[1].message
    assert "also on row 12" in refused.problems[2].message
    assert not refused.imported
    assert (_count(store, Child), _count(store, CaseEvent), _count(store, Setting)) == (0, 0, 1)

    for index, fixed in good.items():
        rows[index] = fixed
    write_csv(sheet, rows)
    done = _run(store, sheet)

    assert done.problems == [] and done.imported
    assert (done.rows, done.children, done.allocations, done.events) == (500, 500, 500, 1000)
    assert done.settings_created == ["Brook Academy"]
    assert _count(store, Child) == 500
    assert _count(store, Allocation) == 500 and _count(store, Placement) == 500
    assert _count(store, Setting) == 2  # Hillside Primary matched, not made twice
    with store.read() as session:
        child = session.scalar(select(Child).where(Child.first_name == "Child7"))
        assert child is not None
        assert (child.last_name, child.date_of_birth) == ("Testperson", date(2012, 2, 19))
        assert child.primary_need == "ASD"
        events = sorted((e.type, e.date) for e in session.scalars(
            select(CaseEvent).where(CaseEvent.child_id == child.id)))  # fmt: skip
        assert events == [("final_plan_issued", date(2022, 9, 1)),
                          ("review_meeting", date(2025, 9, 15))]  # fmt: skip
        # the clock's cache followed: the next annual review is 12 months after the last
        due = session.scalars(
            select(MilestoneRow.due).where(
                MilestoneRow.child_id == child.id,
                MilestoneRow.milestone == "annual_review",
                MilestoneRow.done.is_(None),  # type: ignore[union-attr]
            )
        ).all()
        assert list(due) == [date(2026, 9, 15)]


def test_the_hand_worked_upn_is_taken_and_a_wrong_letter_is_refused(
    store: Store, tmp_path: Path
) -> None:
    good = ["Amy Example", "14/3/14", HAND_UPN, "", "", "", "", ""]
    wrong = ["Ben Example", "2014-03-15", "X886200012346", "", "", "", "", ""]
    refused = _run(store, write_csv(tmp_path / "a.csv", [good, wrong]))
    assert [(p.row, p.column) for p in refused.problems] == [(3, "UPN")]
    assert _count(store, Child) == 0

    done = _run(store, write_csv(tmp_path / "b.csv", [good]))
    assert done.imported
    with store.read() as session:
        amy = session.scalar(select(Child).where(Child.upn == HAND_UPN))
        assert amy is not None
        assert (amy.first_name, amy.date_of_birth) == ("Amy", date(2014, 3, 14))


def test_the_mapping_used_is_reported_and_can_be_overridden(store: Store, tmp_path: Path) -> None:
    header = ["Surname", "Forename", "Birthday", "Notes"]
    sheet = write_csv(tmp_path / "m.csv", [["Example", "Cara", "2015-06-01", "x"]], header)
    refused = _run(store, sheet)
    assert refused.problems[0].row == 1
    assert "no column for date of birth" in refused.problems[0].message

    done = _run(store, sheet, overrides={"Birthday": "date_of_birth"})
    assert done.imported
    assert [(c.heading, c.field, c.how) for c in done.mapping] == [
        ("Surname", "last_name", "recognised"),
        ("Forename", "first_name", "recognised"),
        ("Birthday", "date_of_birth", "--map"),
        ("Notes", "ignore", "not recognised"),
    ]


def test_a_dry_run_reports_what_would_be_created_and_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    rows = [["Dan Example", "01/02/2013", "", "Meadow School", "SLCN", "", "", "scarter"]]
    result = _run(store, write_csv(tmp_path / "d.csv", rows), dry_run=True)
    assert result.problems == [] and not result.imported
    assert (result.children, result.allocations, result.settings_created) == (
        1, 1, ["Meadow School"])  # fmt: skip
    assert (_count(store, Child), _count(store, Setting), _count(store, Allocation)) == (0, 1, 0)


def test_a_child_already_in_the_store_is_left_as_it_is_and_reported(
    store: Store, tmp_path: Path
) -> None:
    first = [["Eve Example", "01/02/2013", HAND_UPN, "", "MLD", "", "", ""]]
    _run(store, write_csv(tmp_path / "e1.csv", first))
    again = [["Eve Renamed", "01/02/2013", HAND_UPN, "", "SLD", "", "", ""],
             ["Fay Example", "02/02/2013", "", "", "", "", "", ""]]  # fmt: skip
    result = _run(store, write_csv(tmp_path / "e2.csv", again))
    assert result.imported and result.children == 1
    assert [(e["row"], e["upn"]) for e in result.existing] == [(2, HAND_UPN)]
    with store.read() as session:
        eve = session.scalar(select(Child).where(Child.upn == HAND_UPN))
        assert eve is not None and (eve.first_name, eve.primary_need) == ("Eve", "MLD")
    # the same sheet again: Fay has no UPN, so her names and birth date find her
    third = _run(store, write_csv(tmp_path / "e2.csv", again))
    assert third.imported and third.children == 0
    assert [e["row"] for e in third.existing] == [2, 3]
    assert _count(store, Child) == 2


def test_unknown_caseworker_need_and_team_rules_are_named(store: Store, tmp_path: Path) -> None:
    rows = [
        ["Gus Example", "01/02/2013", "", "", "Dyslexia", "", "", "Nobody Here"],
        ["Hal Example", "01/02/2013", "", "", "Wobbly", "", "", ""],
        ["Ivy Example", "01/02/2013", "", "", "", "", "", "Jo Patel"],
        ["Jon Example", "01/02/2013", "", "", "", "31/02/2020", "", ""],
        ["Kit Example", "01/02/2013", "", "", "", "01/09/2022", "01/08/2022", ""],
    ]
    result = _run(store, write_csv(tmp_path / "c.csv", rows), team="North")
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "Case officer"),
        (3, "Primary need"),
        (4, "Case officer"),
        (5, "EHCP issued"),
        (6, "Last annual review"),
    ]
    messages = [p.message for p in result.problems]
    assert "no user called 'Nobody Here'" in messages[0]
    assert "Jo Patel is not in North" in messages[2]
    assert "no such day" in messages[3]
    assert "before the plan date" in messages[4]
    assert _count(store, Child) == 0
