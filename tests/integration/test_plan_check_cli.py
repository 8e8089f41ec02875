"""`send-desk plan check`: the contract's output through the real command, --child on a
store with advice events, and the bad inputs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from send_desk.cli import main
from send_desk.domain.events import CaseEvent
from send_desk.paths import DataPaths
from send_desk.services.event_corrections import withdraw_event
from send_desk.storage.store import create_store
from tests.constants import DEMO_TODAY as TODAY
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.plans.plan_data import FIXTURES, good
from tests.unit.services.builder import Caseload


def write(tmp_path: Path, document: Any, name: str = "plan.json") -> str:
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return str(path)


def by_id(output: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in output["criteria"]}


def test_json_output_is_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = good()
    data["sections"]["F"][1]["frequency"] = "regular support"
    assert main(["plan", "check", write(tmp_path, data), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["criteria", "passed", "applicable"]
    quantified = by_id(out)["f_quantified"]
    assert quantified == {
        "id": "f_quantified",
        "applies": True,
        "passed": False,
        "section": "F",
        "items": ["f2"],
        "message": quantified["message"],
    }
    assert quantified["message"].startswith("Say how often and for how long")
    assert "f2: 'regular' in frequency is not enforceable." in quantified["message"]
    assert (out["passed"], out["applicable"]) == (14, 15)


def test_the_standards_example_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "check", str(FIXTURES / "standard_example.json")]) == 0
    out = capsys.readouterr().out
    assert "FAIL  E  Preparing for adulthood [e_preparing_for_adulthood]" in out
    assert "n/a   J  Personal budget [j_personal_budget]" in out
    assert out.rstrip().endswith("12 of 13 applicable criteria met")


def test_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(good())))
    assert main(["plan", "check", "-", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["passed"], out["applicable"]) == (15, 15)


def test_an_outcome_dated_before_the_plan_fails_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = good()
    data["sections"]["E"][2]["by"] = "2026-09-01"
    assert main(["plan", "check", write(tmp_path, data), "--json"]) == 0
    smart = by_id(json.loads(capsys.readouterr().out))["e_outcomes_smart"]
    assert (smart["passed"], smart["items"]) == (False, ["e3"])
    assert "e3: its date 2026-09-01 is not after the plan's date 2026-12-01" in smart["message"]


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ('{"status": "draft", ', "is not valid JSON"),
        ([1, 2], "a plan is a JSON object"),
        ({"status": "draft", "sections": {"F": "1:1 support"}}, "sections.F: must be a list"),
        ({"status": "draft", "sections": {"B": [{"id": "b1"}],
                                          "F": [{"id": "f1", "needs": ["b1"]},
                                                {"id": "f2", "needs": ["b9"]}]}},
         'sections.F[1].needs[0]: no need "b9" in section B'),
        ({"status": "draft", "sections": {"E": [{"id": "e1", "by": "2027-13-01"}]}},
         'sections.E[0].by: "2027-13-01" is not a real date'),
        ({"status": "draft", "sections": {"B": [{"id": "b1"}, {"id": "b1"}]}},
         'sections.B[1].id: "b1" is already the id of sections.B[0]'),
        ({"sections": {}}, "status: is needed"),
        ("[" * 100_000, "is nested too deeply to be a plan"),
    ],
)  # fmt: skip
def test_bad_documents_exit_2_naming_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any, named: str
) -> None:
    assert main(["plan", "check", write(tmp_path, document), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert named in captured.err
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1  # one line


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "check", str(tmp_path / "nowhere.json")]) == 2
    assert "nowhere.json: no such file" in capsys.readouterr().err


@pytest.fixture
def store_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    """Ava's case: advice asked of four; received from the EP, health and school (by the
    names a caseworker types), social care's recorded by mistake and withdrawn."""
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, TODAY)
        c.child("Ava")
        c.event("Ava", "request_received", "2026-06-01")
        c.event("Ava", "assessment_decision", "2026-07-06", outcome="assess")
        for who in ("Educational Psychologist", "Health", "school", "social care"):
            c.event("Ava", "advice_requested", "2026-07-08", **{"from": who})
        c.event("Ava", "advice_received", "2026-08-10", **{"from": "Educational Psychologist"})
        c.event("Ava", "advice_received", "2026-08-12", **{"from": "Health"})
        c.event("Ava", "advice_received", "2026-08-14", **{"from": "school"})
        c.event("Ava", "advice_received", "2026-08-20", **{"from": "social care"})
        with store.write() as session:
            wrong = session.exec(select(CaseEvent).where(CaseEvent.date == date(2026, 8, 20))).one()
            withdraw_event(session, wrong.id, reason="entered on the wrong child", today=TODAY)
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def _child_id(cli: Cli) -> str:
    rows = cli.json("child", "list", "--json")
    return str(next(row["id"] for row in rows if row["name"].startswith("Ava")))


def test_child_takes_the_advice_from_the_case(store_cli: Cli, tmp_path: Path) -> None:
    data = good()
    data["advice_received"] = []  # what the document says is replaced by the case's
    data["sections"]["K"] = ["educational_psychology", "health"]
    path = write(tmp_path, data)
    without = by_id(store_cli.json("plan", "check", path, "--json"))["k_all_advice_listed"]
    assert (without["passed"], without["items"]) == (True, [])
    child = _child_id(store_cli)
    output = store_cli.json("plan", "check", path, "--child", child, "--json")
    k = by_id(output)["k_all_advice_listed"]
    # the EP and health are listed; school is not; social care's was withdrawn
    assert (k["applies"], k["passed"], k["items"]) == (True, False, ["school"])
    data["sections"]["K"].append("school")
    output = store_cli.json("plan", "check", write(tmp_path, data), "--child", child, "--json")
    assert by_id(output)["k_all_advice_listed"]["passed"] is True


def test_child_that_does_not_exist(store_cli: Cli, tmp_path: Path) -> None:
    code, out, err = store_cli("plan", "check", write(tmp_path, good()), "--child", "nobody")
    assert code == 2 and out == ""
    assert "nobody" in err and "Traceback" not in err


def test_as_a_separate_process_from_standard_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "send_desk", "plan", "check", "-", "--json"],
        input=json.dumps(good()),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["applicable"] == 15
