"""`send-desk caseload import`: the mapping shown, every problem named, --dry-run, --json."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.imports.caseload import organise, write_csv

TODAY = ("--today", "2026-11-22")
GOOD = ["Uma Example", "14/3/14", "W886200012345", "Brook Academy", "autism", "1/9/22", "",
        "Sam Carter"]  # fmt: skip
BAD = ["Vic Example", "14/3/2030", "", "", "", "", "", "Nobody"]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        organise(store)
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def test_problems_are_listed_by_row_and_nothing_is_imported(cli: Cli, tmp_path: Path) -> None:
    old = ["Xan Example", "14/3/30", "", "", "", "", "", "Nobody"]
    sheet = write_csv(tmp_path / "team.csv", [GOOD, BAD, old])
    code, out, _err = cli("caseload", "import", str(sheet), *TODAY)
    assert code == 2
    assert "D.O.B.                       -> date_of_birth   recognised" in out
    assert "4 problem(s); nothing was imported:" in out
    assert "row 3, column 'D.O.B.': 14/03/2030 is in the future" in out
    assert "row 3, column 'Case officer': there is no user called 'Nobody'" in out
    # a two-digit year is never read as the future: 1930, which is too old for a plan
    assert "row 4, column 'D.O.B.': Date of birth 14/03/1930 makes this person over 26" in out
    assert "row 4, column 'Case officer': there is no user called 'Nobody'" in out
    assert cli.json("child", "list", "--json") == []


def test_dry_run_then_import_with_json(cli: Cli, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "team.csv", [GOOD])
    code, out, _err = cli("caseload", "import", str(sheet), "--dry-run", *TODAY)
    assert code == 0
    assert "Would create 1 children, 1 allocation(s) and 1 case event(s) from 1 row(s); " in out
    assert "settings: 1 new, 0 already recorded" in out and "Dry run: nothing was changed" in out
    assert cli.json("child", "list", "--json") == []

    report = cli.json("caseload", "import", str(sheet), "--team", "North", "--json", *TODAY)
    assert report["imported"] is True and report["problems"] == []
    assert {"column": "Case officer", "field": "caseworker", "how": "recognised"} in report[
        "mapping"
    ]
    assert (report["children"], report["allocations"], report["events"]) == (1, 1, 1)
    children = cli.json("child", "list", "--json")
    assert [(c["name"], c["caseworker"], c["stage"]) for c in children] == [
        ("Uma Example", "Sam Carter", "plan")
    ]


def test_map_option_and_a_bad_map_are_explained(cli: Cli, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "t.csv", [["Wyn Example", "2014-01-02"]], ["Pupil", "Geboren"])
    code, out, _err = cli("caseload", "import", str(sheet), "--map", "Geboren=dob", *TODAY)
    assert code == 2 and "'dob' is not a field" in out
    report = cli.json("caseload", "import", str(sheet), "--map", "Geboren=date_of_birth",
                      "--json", *TODAY)  # fmt: skip
    assert report["imported"] and report["children"] == 1


def test_a_linked_caseworker_is_told_which_row_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlmodel import select

    from send_desk.domain.organisation import User
    from send_desk.sync.state import SyncState, save_state

    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        organise(store)
        with store.write() as session:  # as after `send-desk login` as Sam Carter
            save_state(session, SyncState(server_url="https://central.example.invalid"))
            sam = session.exec(select(User).where(User.username == "scarter")).one()
        store.set_user(sam.id)
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    cli = Cli(paths.root, capsys)
    known = ["Ada Example", "01/02/2013", "", "Hillside Primary", "ASD", "", "", "Sam Carter"]
    sheet = write_csv(tmp_path / "team.csv", [known, GOOD])
    left_out = (
        "Left out, row 3, column 'School': Brook Academy is not in the list of schools and "
        "settings: only an administrator can add one, and it would not reach other laptops. "
        "Ask an administrator to add it, or correct the name."
    )
    code, out, _err = cli("caseload", "import", str(sheet), "--dry-run", *TODAY)
    assert code == 0 and left_out in out
    assert "Would create 1 children" in out and "settings: 0 new, 1 already recorded" in out
    assert "1 row was left out (see above); the others would be imported" in out
    assert cli.json("child", "list", "--json") == []

    code, out, _err = cli("caseload", "import", str(sheet), *TODAY)
    assert code == 0 and left_out in out
    assert "1 row was left out (see above); the others were imported" in out
    assert [c["name"] for c in cli.json("child", "list", "--json")] == ["Ada Example"]
