"""`send-desk deadlines`, `send-desk report` and `send-desk event add` over a store."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.services.builder import Caseload

TODAY = date(2026, 3, 2)



@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A store with three children: Ava overdue, Ben (looked after) due today, Cara soon;
    its milestone cache not yet built (the first command builds it)."""
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, TODAY)
        c.child("Ava")
        c.event("Ava", "request_received", "2026-01-05")  # + 42 days = 16 Feb
        c.child("Ben", worker="sam", looked_after=True, placing_authority="Leeds City Council")
        c.event("Ben", "request_received", "2026-01-19")  # + 42 days = 2 Mar
        c.child("Cara")
        c.event("Cara", "request_received", "2026-01-26")  # + 42 days = 9 Mar
        store.set_meta("clock_fingerprint", "")  # as if the rules had changed since
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def test_deadlines_as_json(cli: Cli) -> None:
    output = cli.json("deadlines", "--today", "2026-03-02", "--json")
    assert output["today"] == "2026-03-02"
    assert output["up_to"] == "2026-03-16"  # the 10th working day after Mon 2 Mar
    rows = output["deadlines"]
    assert [
        (r["child_name"], r["due"], r["status"], r["days_left"], r["section"]) for r in rows
    ] == [
        ("Ava Test", "2026-02-16", "overdue", -14, "overdue"),
        ("Ben Test", "2026-03-02", "pending", 0, "today"),
        ("Cara Test", "2026-03-09", "pending", 7, "soon"),
    ]
    ben = rows[1]
    assert ben["priority_reasons"] == ["looked after"]
    assert (ben["caseworker"], ben["team"], ben["milestone"]) == (
        "Sam Green",
        "South",
        "decide_to_assess",
    )
    assert ben["title"] == "Decide whether to assess"
    assert ben["source"] == "SEND Regulations 2014 reg 4(1)"
    assert ben["next_step"].endswith("by 02/03/2026 (today).")
    assert set(rows[0]) >= {"child_id", "caseworker", "team", "next_step", "priority_reasons"}


def test_deadlines_for_one_caseworker_or_team_as_text(cli: Cli) -> None:
    code, out, err = cli("deadlines", "--today", "2026-03-02", "--caseworker", "sgreen")
    assert code == 0, err
    assert "Statutory deadlines on 02/03/2026 (up to 16/03/2026)" in out
    assert "Due today (1)" in out and "Ben Test" in out and "Ava Test" not in out
    assert "First: looked after" in out
    assert "2026-03" not in out  # UK dates only
    code, out, _ = cli("deadlines", "--today", "2026-03-02", "--team", "North", "--within", "0")
    assert code == 0
    assert "Ava Test" in out and "Cara Test" not in out
    code, _, err = cli("deadlines", "--caseworker", "Nobody Here")
    assert code == 2 and "no user called 'Nobody Here'" in err
    code, _, err = cli("deadlines", "--today", "2026-02-30")
    assert code == 2 and "--today" in err


def test_deadlines_as_text_say_each_status_as_the_app_does(cli: Cli) -> None:
    code, out, err = cli("deadlines", "--today", "2026-03-02")
    assert code == 0, err
    # each deadline: due date, days left, status, then the child
    line = re.compile(r"\s+(\S+)\s+(-?\d+)\s+(\S+(?: \S+)*)\s{2,}(\w+) Test \(")
    found = [match.groups() for match in map(line.match, out.splitlines()) if match]
    assert found == [
        ("16/02/2026", "-14", "Overdue", "Ava"),
        ("02/03/2026", "0", "Due", "Ben"),
        ("09/03/2026", "7", "Due", "Cara"),
    ]
    assert "pending" not in out and "overdue " not in out


def test_child_show_lists_events_in_words(cli: Cli) -> None:
    ava = _id(cli, "Ava")
    code, out, err = cli("event", "add", "--child", ava, "--type", "assessment_decision",
                         "--date", "2026-02-20", "--set", "outcome=not_assess",
                         "--today", "2026-03-02")  # fmt: skip
    assert (code, out) == (0, "Recorded Decision whether to assess on 20/02/2026\n"), err
    code, out, err = cli("child", "show", ava)
    assert code == 0, err
    dated = re.compile(r"\s+\d\d/\d\d/\d{4}  ")
    events = [line.strip() for line in out.splitlines() if dated.match(line)]
    assert events == [
        "05/01/2026  Request for assessment received",
        "20/02/2026  Decision whether to assess — Outcome: Not to assess",
    ]


def test_report_as_json_and_text(cli: Cli) -> None:
    cli("event", "add", "--child", _id(cli, "Ava"), "--type", "assessment_decision",
        "--date", "2026-02-20", "--set", "outcome=assess", "--today", "2026-03-02")  # fmt: skip
    report = cli.json(
        "report", "--from", "2026-01-01", "--to", "2026-03-31", "--today", "2026-03-02", "--json"
    )
    figure = report["figures"]["decisions_to_assess_within_6_weeks"]
    # Ava's decision on 20 Feb came 4 days after 16 Feb
    assert (figure["numerator"], figure["denominator"], figure["percent"]) == (0, 1, 0.0)
    assert report["as_of"] == "2026-03-02"
    code, out, _ = cli("report", "--from", "2026-01-01", "--to", "2026-03-31")
    assert code == 0
    assert "Compliance from 01/01/2026 to 31/03/2026" in out
    assert "0 of 1" in out and "Decisions whether to assess within 6 weeks" in out
    code, _, err = cli("report", "--from", "2026-04-01", "--to", "2026-03-01")
    assert code == 2 and "--to is before --from" in err


def _id(cli: Cli, first: str) -> str:
    rows = cli.json("child", "list", "--json")
    return next(r["id"] for r in rows if r["name"].startswith(first))


def test_event_add_refuses_what_the_clock_refuses(cli: Cli) -> None:
    ava = _id(cli, "Ava")
    today = ("--today", "2026-03-02")
    # out of order: a decision dated before the request
    code, out, err = cli("event", "add", "--child", ava, "--type", "assessment_decision",
                         "--date", "2026-01-02", "--set", "outcome=assess", *today)  # fmt: skip
    assert (code, out) == (2, "")
    assert "Decision whether to assess on 02/01/2026 is dated before the first request for " \
        "assessment received (05/01/2026): check the dates." in err  # fmt: skip
    assert "Traceback" not in err
    # confirmed: recorded, and the warning printed
    code, out, err = cli("event", "add", "--child", ava, "--type", "assessment_decision",
                         "--date", "2026-01-02", "--set", "outcome=assess", "--confirm-dates",
                         *today)  # fmt: skip
    assert code == 0, err
    assert "Recorded Decision whether to assess on 02/01/2026" in out
    assert "Check: Decision whether to assess on 02/01/2026 is dated before" in out
    # the same again: a duplicate
    code, _, err = cli("event", "add", "--child", ava, "--type", "request_received",
                       "--date", "2026-01-05", *today)  # fmt: skip
    assert code == 2 and "This event is already recorded" in err
    # an exception with no evidence
    code, _, err = cli("event", "add", "--child", ava, "--type", "exception_recorded",
                       "--date", "2026-01-20", "--set", "reason=absence_from_area",
                       "--set", "milestone=final_plan", *today)  # fmt: skip
    assert code == 2 and "Evidence is needed" in err


def test_event_add_json_carries_the_warnings(cli: Cli) -> None:
    output = cli.json("event", "add", "--child", _id(cli, "Cara"), "--type", "advice_received",
                      "--date", "2026-02-20", "--set", "from=health", "--today", "2026-03-02",
                      "--json")  # fmt: skip
    assert output["warnings"] == [
        "Advice received on 20/02/2026 does not complete any open deadline (it can complete "
        "advice_due; check its date and the events before it)."
    ]
