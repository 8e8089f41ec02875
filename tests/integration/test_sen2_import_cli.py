"""`send-desk sen2 import`: the hand-built caseload's return into an empty store, a dry
run first; a refused file (exit 1) and one that cannot be read (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.sen2.caseload import ADA_UPN, build

OPTIONS = ("--la", "886", "--dmo", "Y", "--dco", "Y", "--dsco", "N", "--today", "2027-02-01")


@pytest.fixture
def clis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Cli, Cli]:
    """The hand-built caseload's store, and an empty one."""
    full, empty = DataPaths(tmp_path / "full"), DataPaths(tmp_path / "empty")
    with create_store(full, PASSWORD) as store:
        build(store)
    with create_store(empty, PASSWORD):
        pass
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(full.root, capsys), Cli(empty.root, capsys)


def test_a_dry_run_then_the_import(clis: tuple[Cli, Cli], tmp_path: Path) -> None:
    full, empty = clis
    xml = tmp_path / "sen2.xml"
    full.json("sen2", "export", "--census", "2027-01-21", *OPTIONS, "--out", str(xml), "--json")
    dry = empty.json("sen2", "import", str(xml), "--dry-run", "--today", "2027-02-01", "--json")
    assert set(dry) == {"file", "dry_run", "imported", "persons", "created", "matched",
                        "problems", "notes"}  # fmt: skip
    assert (dry["dry_run"], dry["imported"], dry["persons"]) == (True, False, 5)
    # Ada, Ben, Cal, Eve and Finn (Dee is outside the 2027 return); Oak Primary and
    # Riverside Academy by URN, and the nursery with no URN as an early years provider
    assert dry["created"]["children"] == 5 and dry["created"]["settings"] == 3
    assert dry["problems"] == [] and dry["matched"] == []
    assert empty.json("child", "list", "--json") == []
    done = empty.json("sen2", "import", str(xml), "--today", "2027-02-01", "--json")
    assert (done["dry_run"], done["imported"]) == (False, True)
    assert done["created"] == dry["created"]
    names = sorted(c["name"] for c in empty.json("child", "list", "--json"))
    assert names == ["Ada Test", "Ben Test", "Cal Test", "Eve Test", "Finn Test"]
    # again: every child is matched (Ada by her UPN, the others by names and date of
    # birth) and left as it is
    again = empty.json("sen2", "import", str(xml), "--today", "2027-02-01", "--json")
    assert again["created"]["children"] == 0 and len(again["matched"]) == 5
    assert [m["upn"] for m in again["matched"]].count(ADA_UPN) == 1
    code, out, _err = empty("sen2", "import", str(xml), "--dry-run", "--today", "2027-02-01")
    assert code == 0
    assert "5 already in the store (left as they are):" in out
    assert f"UPN {ADA_UPN}" in out
    assert len(empty.json("child", "list", "--json")) == 5


def test_a_file_with_problems_is_refused_with_exit_1(clis: tuple[Cli, Cli], tmp_path: Path) -> None:
    _full, empty = clis
    bad = tmp_path / "bad.xml"
    bad.write_text("<Message><Header><CollectionDetails><Collection>SEN2</Collection>\n"
                   "<Year>2027</Year></CollectionDetails></Header><Persons><Person>\n"
                   "<Surname>Test</Surname><Forename>Gus</Forename>\n"
                   "<PersonBirthDate>2030-01-01</PersonBirthDate>\n", encoding="utf-8")  # fmt: skip
    code, out, _err = empty("sen2", "import", str(bad), "--today", "2027-02-01", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["imported"] is False
    [problem] = report["problems"]
    assert (problem["line"], problem["element"]) == (5, "Person")  # the end of the file
    assert "the file ends too soon" in problem["message"]
    code, out, _err = empty("sen2", "import", str(bad), "--today", "2027-02-01")
    assert code == 1
    assert out.startswith("1 problem(s); nothing was imported:\n  line 5, <Person>: not well")


def test_a_file_that_cannot_be_read_is_exit_2(clis: tuple[Cli, Cli], tmp_path: Path) -> None:
    _full, empty = clis
    code, _out, err = empty("sen2", "import", str(tmp_path / "absent.xml"))
    assert code == 2
    assert "there is no file" in err
    code, _out, err = empty("sen2", "import", str(tmp_path))
    assert code == 2
