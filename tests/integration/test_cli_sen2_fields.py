"""``child update --set`` takes the SEN2 person details, and ``event add --set`` the cease
reason and the transferring council, with the same checks as the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.constants import PASSWORD
from tests.integration.test_cli_store import Cli


@pytest.fixture
def small_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    cli = Cli(tmp_path / "store", capsys)
    cli.json("demo", "--children", "4", "--seed", "5", "--today", "2026-11-22", "--json")
    return cli


def test_child_update_sets_and_checks_the_sen2_person_details(small_cli: Cli) -> None:
    child = small_cli.json("child", "list", "--json")[0]
    sets = ["upn=", "ethnicity=mwbc", "uln=9876543210", "upn_unknown_reason=UN2"]
    small_cli.json("child", "update", child["id"], *[f"--set={s}" for s in sets], "--json")
    shown = small_cli.json("child", "show", child["id"], "--json")
    assert (shown["ethnicity"], shown["uln"], shown["upn_unknown_reason"]) == (
        "MWBC", "9876543210", "UN2",
    )  # fmt: skip
    code, out, err = small_cli("child", "update", child["id"], "--set", "ethnicity=ZZZZ")
    assert code == 2 and out == ""
    assert "Ethnicity: 'ZZZZ' is not one of the SEN2 codes" in err
    assert small_cli.json("child", "show", child["id"], "--json")["ethnicity"] == "MWBC"


def test_event_add_records_where_a_transferred_plan_came_from(small_cli: Cli) -> None:
    child = small_cli.json("child", "list", "--json")[1]
    code, _, err = small_cli("event", "add", "--child", child["id"], "--type",
                             "plan_transferred_in", "--date", "2026-11-02", "--set",
                             "from_la=Kent", "--today", "2026-11-22")  # fmt: skip
    assert code == 2 and "3-digit DfE LA number" in err
