"""`send-desk sample` as a supervisor or a script runs it (the contract's command line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.storage.store import Store
from tests.constants import PASSWORD
from tests.integration.test_cli_store import Cli
from tests.unit.supervision.builder import SupervisionStore


@pytest.fixture
def cli(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Cli:  # fmt: skip
    SupervisionStore(store)
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(store.paths.root, capsys)


def test_sample_json_contract(cli: Cli) -> None:
    args = ("sample", "--period", "2026-03", "--per-caseworker", "3", "--seed", "7",
            "--team", "North", "--json")  # fmt: skip
    first = cli.json(*args)
    assert first["seed"] == 7 and first["period"] == "2026-03" and first["team"] == "North"
    assert len(first["notes"]) == 5  # Pat 3, Kim 2 (all she has)
    for item in first["notes"]:
        assert {"note_id", "caseworker", "kind", "why"} <= set(item)
    assert first["shortfall"][0]["caseworker"] == "Kim Blue"
    second = cli.json(*args)
    assert [n["note_id"] for n in second["notes"]] == [n["note_id"] for n in first["notes"]]
    assert second["sample_id"] != first["sample_id"]  # each draw is saved with its seed
    redrawn = cli.json("sample", "--redraw", first["sample_id"], "--json")
    assert redrawn["notes"] == first["notes"]


def test_sample_text_and_bad_input(cli: Cli) -> None:
    code, out, err = cli("sample", "--period", "2026-03", "--seed", "7", "--team", "South")
    assert code == 0 and "Sam Green" in out and "one caseworker" in err
    code, out, err = cli("sample", "--period", "2025-01", "--seed", "1", "--json", "--dry-run")
    assert code == 0 and '"notes": []' in out and "no case notes" in out
    code, out, err = cli("sample", "--period", "2026-3", "--json")
    assert code == 2 and out == "" and "YYYY-MM" in err
    code, out, err = cli("sample", "--period", "2026-03", "--team", "Nowhere", "--json")
    assert code == 2 and "no team called" in err


def test_audit_commands(cli: Cli) -> None:
    sample = cli.json("sample", "--period", "2026-03", "--seed", "3", "--team", "South", "--json")
    (item,) = sample["notes"]
    form = cli.json("audit", "form", item["note_id"], "--json")
    assert form["caseworker"] == "Sam Green" and form["automatic"][0]["id"] == "when"
    grades = [x for g in ("facts_opinion", "analysis", "respectful_language",
                          "colleague_could_act") for x in ("--grade", f"{g}=good")]  # fmt: skip
    first = cli.json("audit", "record", item["note_id"], *grades, "--sample",
                     sample["sample_id"], "--action", "Add the school's view", "--due",
                     "2026-12-01", "--json")  # fmt: skip
    assert first["overall"] in ("good", "requires_improvement")
    second = cli.json("audit", "record", item["note_id"], *grades, "--moderates",
                      first["audit_id"], "--json")  # fmt: skip
    assert second["role"] == "moderation"
    report = cli.json("audit", "moderation", "--json")
    assert report["pairs"] == 1 and report["rate"] == 1.0
    assert len(cli.json("audit", "list", "--caseworker", "sgreen", "--json")) == 2
    acked = cli.json("audit", "ack", first["audit_id"], "--comment", "ok", "--json")
    assert acked["acknowledged"]
    code, _, err = cli("audit", "record", item["note_id"], "--grade", "analysis=great")
    assert code == 2 and err
    # the note is not drawn again now it is audited
    again = cli.json("sample", "--period", "2026-03", "--seed", "3", "--team", "South", "--json")
    assert again["notes"] == [] and again["shortfall"][0]["reason"].endswith("0 of 3 drawn")
