"""`send-desk plan issue|finalise` and the statutory clock: what the clock asks the
caseworker to check is printed after the version issued (and kept in --json's
"warnings"); a draft with no decision to issue on the case is issued as the command
is written, the missing decision printed first among the checks; --require-order
refuses it instead, saying so.

Sam's case: request 1 June 2026 (the week-14 draft target 7 September, the 16-week
decision 21 September, the 20-week final plan 19 October), assessed, no decision yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.conftest import PASSWORD
from tests.integration.cli_harness import Cli
from tests.integration.test_plan_cli import _sam, write
from tests.unit.backend.plan_case import TODAY, good_json
from tests.unit.services.builder import Caseload

NO_DECISION = (
    "The case records no decision to issue a plan: a draft plan follows the council's "
    "decision to issue one (SEND Regulations 2014 reg 10). The clock still records the "
    "draft, and the decision whether to issue (due 21/09/2026) stays open."
)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, TODAY)
        c.child("Sam", dob="2012-05-10", primary_need="ASD", secondary_need="SLCN")
        c.event("Sam", "request_received", "2026-06-01")
        c.event("Sam", "assessment_decision", "2026-07-13", outcome="assess")
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def test_a_draft_with_no_decision_is_issued_with_what_to_check_or_refused_on_request(
    cli: Cli, tmp_path: Path
) -> None:
    sam = _sam(cli)
    cli.json("plan", "draft", "--child", sam, write(tmp_path, good_json()), "--json")
    code, out, err = cli("plan", "issue", "--child", sam, "--date", "2026-10-12",
                         "--require-order")  # fmt: skip
    assert code == 2 and out == ""
    assert err.strip().endswith(
        NO_DECISION + " Record the decision first, or issue it without --require-order."
    )
    assert cli.json("plan", "show", "--child", sam, "--draft", "--json")["plan"]  # kept
    # as the contract writes it: issued, and the missing decision said first
    code, out, _ = cli("plan", "issue", "--child", sam, "--date", "2026-10-12")
    assert code == 0
    checks = [line for line in out.splitlines() if line.startswith("  check: ")]
    assert checks == [
        f"  check: {NO_DECISION}",
        "  check: Draft plan (local target: week 14): due 07/09/2026, done 35 days late (a "
        "local target, not a statutory time limit).",
        "  check: The family's time to comment on the draft ends on 26/10/2026, after the "
        "20-week limit for the final plan (19/10/2026): the final plan will be late unless "
        "an exception applies.",
    ]
    final = cli.json("plan", "finalise", "--child", sam, "--date", "2026-11-02", "--school",
                     "Hillside Academy", "--json")  # fmt: skip
    assert final["warnings"] == [
        "Issue the final EHC plan (20 weeks): due 19/10/2026, done 14 days late."
    ]
