"""`send-desk sen2 check` and `sen2 export` on the hand-built SEN2 caseload."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from send_desk.paths import DataPaths
from send_desk.sen2.schema import schema_errors
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.sen2.caseload import build

# --today: the clock's cached deadlines (phase transfers) as on the caseload's day
OFFICERS = ("--dmo", "Y", "--dco", "Y", "--dsco", "N", "--today", "2027-02-01")



@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        build(store)
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def test_check_lists_each_problem_as_json_and_fails_on_errors(cli: Cli) -> None:
    code, out, _err = cli("sen2", "check", "--census", "2027-01-21", "--la", "886", *OFFICERS,
                          "--json")  # fmt: skip
    assert code == 1  # errors: COLLECT would refuse the file
    report: dict[str, Any] = json.loads(out)
    assert report["census"] == "2027-01-21"
    assert report["period"] == ["2026-01-01", "2027-01-21"]
    assert report["counts"]["persons"] == 5
    assert (report["errors"], report["queries"]) == (6, 1)
    cease = [p for p in report["problems"] if p["rule"] == "cease-reason"]
    assert len(cease) == 1
    assert set(cease[0]) == {"rule", "severity", "child_id", "module", "message"}
    assert cease[0]["severity"] == "error" and cease[0]["module"] == "named_plan"
    assert cease[0]["message"].startswith("Eve Test (born 30/06/2010): the plan ceased 15/10/2026")
    _code, children, _ = cli("child", "list", "--json")
    eve = [c for c in json.loads(children) if c["name"] == "Eve Test"]
    assert cease[0]["child_id"] == eve[0]["id"]


def test_export_writes_a_valid_file_and_prints_counts_and_problems(
    cli: Cli, tmp_path: Path
) -> None:
    out_file = tmp_path / "sen2_2027.xml"
    code, out, err = cli("sen2", "export", "--census", "2027-01-21", "--la", "886", *OFFICERS,
                         "--out", str(out_file))  # fmt: skip
    assert code == 0, err
    assert f"Wrote {out_file}" in out
    assert re.search(r"plans active at census +2\n", out)
    assert "6 error(s), 1 query(ies)" in out
    assert "Eve Test (born 30/06/2010): the plan ceased 15/10/2026" in out
    tree = etree.parse(str(out_file))
    assert schema_errors(tree) == []
    assert tree.findtext("Header/Source/LEA") == "886"
    ben = tree.xpath("/Message/Persons/Person[Forename='Ben']/Requests/ActivePlans")
    assert isinstance(ben, list) and len(ben) == 1 and isinstance(ben[0], etree._Element)
    assert ben[0].findtext("PhaseTransferDueDate") == "2026-02-15"
    assert len(tree.findall("Persons/Person")) == 5


def test_export_json_names_the_file(cli: Cli, tmp_path: Path) -> None:
    out_file = tmp_path / "sen2.xml"
    code, out, _ = cli("sen2", "export", "--census", "2027-01-21", "--out", str(out_file),
                       "--today", "2027-02-01", "--json")  # fmt: skip
    assert code == 0
    report = json.loads(out)
    assert report["file"] == str(out_file)
    assert report["counts"]["named_plans"] == 3
    # no --la or officers: the header's gaps are errors, the file still written
    assert {p["rule"] for p in report["problems"] if p["child_id"] is None} == {
        "header-la", "header-officers",
    }  # fmt: skip
    assert out_file.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--census", "21/01/2027"), "--census"),
        (("--census", "2027-01-21", "--la", "88"), "is not an LA number"),
        (("--census", "2027-01-21", "--la", "ABC"), "is not an LA number"),
    ],
)
def test_bad_options_get_a_clear_error(cli: Cli, args: tuple[str, ...], message: str) -> None:
    code, _out, err = cli("sen2", "check", *args)
    assert code == 2
    assert message in err


def test_export_to_a_missing_folder_is_refused_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "sen2.xml"
    code, _out, err = cli("sen2", "export", "--census", "2027-01-21", "--out", str(target))
    assert code == 2
    assert "does not exist" in err
    assert not target.parent.exists()
