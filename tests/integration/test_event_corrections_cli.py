"""`send-desk event correct` and `event withdraw`: an event recorded by mistake is fixed
without deleting anything, and the clock follows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.services.builder import Caseload

TODAY = date(2026, 11, 2)



@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Ava's request was typed as 10 Sep 2026; it came on 1 Sep."""
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, TODAY)
        c.child("Ava")
        c.event("Ava", "request_received", "2026-09-10")
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def _ava(cli: Cli) -> dict[str, Any]:
    children = cli.json("child", "list", "--json")
    return dict(cli.json("child", "show", children[0]["id"], "--json"))


def _decision_due(cli: Cli) -> list[str]:
    rows = cli.json("deadlines", "--today", TODAY.isoformat(), "--all", "--json")["deadlines"]
    return [r["due"] for r in rows if r["milestone"] == "decide_to_assess"]


def test_a_correction_is_a_new_version_with_its_reason_and_the_clock_follows(cli: Cli) -> None:
    # 10 Sep + 6 weeks (42 days) = 22 Oct; 1 Sep + 42 days = 13 Oct
    assert _decision_due(cli) == ["2026-10-22"]
    event = _ava(cli)["events"][0]
    out = cli.json(
        "event", "correct", event["id"][-12:], "--set", "date=2026-09-01",
        "--reason", "date typed from the wrong form", "--today", TODAY.isoformat(), "--json",
    )  # fmt: skip
    assert out["version"] == 2 and out["withdrawn"] is False
    assert _decision_due(cli) == ["2026-10-13"]

    shown = _ava(cli)["events"][0]
    assert (shown["id"], shown["date"], shown["version"], shown["withdrawn"]) == (
        event["id"],
        "2026-09-01",
        2,
        False,
    )
    assert [(v["version"], v["date"], v["reason"]) for v in shown["versions"]] == [
        (1, "2026-09-10", None),
        (2, "2026-09-01", "date typed from the wrong form"),
    ]


def test_a_withdrawn_event_stays_on_the_record_and_no_longer_counts(cli: Cli) -> None:
    event = _ava(cli)["events"][0]
    code, out, err = cli(
        "event", "withdraw", event["id"], "--reason", "recorded on the wrong child",
        "--today", TODAY.isoformat(),
    )  # fmt: skip
    assert code == 0, err
    assert "withdrawn" in out.lower()
    ava = _ava(cli)
    assert [(e["id"], e["withdrawn"], e["withdrawn_reason"]) for e in ava["events"]] == [
        (event["id"], True, "recorded on the wrong child")
    ]
    assert ava["stage"] == "none"
    assert _decision_due(cli) == []
    # the journal holds the withdrawal: who and when, as for any change
    changes = [h for h in ava["history"] if h["field"] == "withdrawn"]
    assert [(h["old_value"], h["new_value"]) for h in changes] == [("false", "true")]
    # the request can now be recorded again, with the right date
    code, _out, err = cli(
        "event", "add", "--child", ava["id"], "--type", "request_received",
        "--date", "2026-09-01", "--today", TODAY.isoformat(),
    )  # fmt: skip
    assert code == 0, err
    assert _decision_due(cli) == ["2026-10-13"]


def test_corrections_are_refused_plainly(cli: Cli) -> None:
    event = _ava(cli)["events"][0]
    cases = [
        (["--set", "date=2026-09-01", "--reason", "  "], "give the reason"),
        (["--set", "date=2026-12-25", "--reason", "typo"], "after today"),
        (["--set", "date=2026-09-10", "--reason", "typo"], "nothing to correct"),
        (["--set", "type=assessment_decision", "--reason", "typo"], "withdraw it"),
        (["--set", "colour=blue", "--reason", "typo"], "no field colour"),
    ]
    for extra, message in cases:
        code, _out, err = cli(
            "event", "correct", event["id"], *extra, "--today", TODAY.isoformat()
        )
        assert code == 2, (extra, err)
        assert message in err, (extra, err)
    code, _out, err = cli("event", "withdraw", "0000000000000", "--reason", "x")
    assert code == 2 and "no event" in err
    # nothing was changed by any of these
    assert _ava(cli)["events"][0]["version"] == 1


def test_a_withdrawn_event_cannot_be_corrected(cli: Cli) -> None:
    event = _ava(cli)["events"][0]
    cli("event", "withdraw", event["id"], "--reason", "duplicate", "--today", TODAY.isoformat())
    code, _out, err = cli(
        "event", "correct", event["id"], "--set", "date=2026-09-01", "--reason", "typo",
        "--today", TODAY.isoformat(),
    )  # fmt: skip
    assert code == 2
    assert "withdrawn (duplicate)" in err
