"""`send-desk sample` as a supervisor or a script runs it (the contract's command line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.storage.store import Store
from tests.conftest import PASSWORD
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
