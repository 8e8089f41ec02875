"""`send-desk report`'s plans in force on its --to day: a hand-worked store, and on the
demo the SEN2 return's plans active at census equal the report's plans in force that day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from send_desk.domain.events import CaseEvent
from send_desk.paths import DataPaths
from send_desk.reports.plans_in_force import plans_in_force
from send_desk.services.event_corrections import withdraw_event
from send_desk.storage.store import Store
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.services.builder import Caseload

TODAY = date(2027, 2, 1)


def _four(store: Store) -> Caseload:
    """Plans starting and ceasing around the end of 2026."""
    c = Caseload(store, TODAY)
    # Amy: a plan since 2025, never ceased: in force throughout
    c.child("Amy", dob="2014-02-02")
    c.event("Amy", "final_plan_issued", "2025-03-01")
    # Bo: ceased at a review on 1 June 2026: not in force from that day
    c.child("Bo", dob="2013-03-03")
    c.event("Bo", "final_plan_issued", "2024-05-01")
    c.event("Bo", "review_meeting", "2026-05-20")
    c.event("Bo", "review_decision", "2026-06-01", outcome="cease", cease_reason="needs_met")
    # Cy: transferred in on 31 December 2026 itself: in force that day
    c.child("Cy", dob="2012-04-04")
    c.event("Cy", "plan_transferred_in", "2026-12-31", from_la="202")
    # Di: ceased on 5 January 2027: in force on 31 December, not on 10 January
    c.child("Di", dob="2011-05-05")
    c.event("Di", "final_plan_issued", "2025-01-10")
    c.event("Di", "review_meeting", "2026-12-20")
    c.event("Di", "review_decision", "2027-01-05", outcome="cease", cease_reason="moved_la",
            to_la="202")  # fmt: skip
    # Gil: a plan recorded by mistake and withdrawn: never in force
    c.child("Gil", dob="2015-06-06")
    c.event("Gil", "final_plan_issued", "2026-02-02")
    with store.write() as session:
        event = session.exec(select(CaseEvent).where(col(CaseEvent.child_id) == c.ids["Gil"])).one()
        withdraw_event(session, event.id, reason="recorded on the wrong child", today=TODAY)
    return c


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 5, 31), 3),  # Amy, Bo, Di
        (date(2026, 6, 1), 2),  # Bo ceased that day: Amy, Di
        (date(2026, 12, 30), 2),  # Amy, Di
        (date(2026, 12, 31), 3),  # Cy transferred in: Amy, Cy, Di
        (date(2027, 1, 10), 2),  # Di ceased on the 5th: Amy, Cy
    ],
)
def test_plans_in_force_on_a_day_hand_worked(store: Store, day: date, expected: int) -> None:
    _four(store)
    with store.read() as session:
        assert plans_in_force(session, day) == expected


def _cli(root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(root, capsys)


def test_report_adds_the_plans_in_force_on_its_last_day(
    store: Store,
    data_paths: DataPaths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _four(store)
    store.close()
    cli = _cli(data_paths.root, capsys, monkeypatch)
    report = cli.json("report", "--from", "2026-12-01", "--to", "2026-12-31",
                      "--today", "2027-02-01", "--json")  # fmt: skip
    assert report["plans_in_force"] == {"on": "2026-12-31", "count": 3}
    # nothing else went: the figures and the service figures are all still there
    assert {"from", "to", "as_of", "figures", "teams", "caseworkers", "correspondence",
            "complaints", "callbacks"} <= set(report)  # fmt: skip
    code, out, _err = cli("report", "--from", "2026-12-01", "--to", "2026-12-31",
                          "--today", "2027-02-01")  # fmt: skip
    assert code == 0
    assert "  Plans in force on 31/12/2026: 3\n" in out


def test_on_the_demo_the_returns_active_plans_equal_the_reports_plans_in_force(
    demo_store: Store,
    data_paths: DataPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demo_store.close()
    cli = _cli(data_paths.root, capsys, monkeypatch)
    census = "2026-01-15"  # the 2026 return's census day (sen2.md section 1)
    report = cli.json("report", "--from", "2025-01-01", "--to", census, "--json")
    code, out, err = cli("sen2", "export", "--census", census, "--la", "886", "--dmo", "Y",
                         "--dco", "Y", "--dsco", "N", "--out", str(tmp_path / "sen2.xml"),
                         "--json")  # fmt: skip
    assert code == 0, err
    exported = json.loads(out)
    assert exported["counts"]["plans_active_at_census"] > 10  # the demo has plans to count
    assert report["plans_in_force"] == {
        "on": census,
        "count": exported["counts"]["plans_active_at_census"],
    }
