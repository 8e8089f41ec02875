"""`send-desk supervision plan-audit ...` and `--subject plan` on `audit moderation` and
`audit report`, as a supervisor or a script runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.storage.store import Store
from tests.constants import PASSWORD
from tests.integration.test_cli_store import Cli
from tests.unit.supervision.builder import SupervisionStore
from tests.unit.supervision.plan_audit_case import HEDGED_F2, issue, plan_json

MANUAL = ("a_sounds_like_family", "b_needs_not_diagnoses", "e_outcomes_ambitious",
          "f_enforceable", "one_story")  # fmt: skip


def _grades(**changed: str) -> list[str]:
    return [x for m in MANUAL for x in ("--grade", f"{m}={changed.get(m, 'good')}")]


PA = ("supervision", "plan-audit")
CHILDREN: dict[str, str] = {}


@pytest.fixture
def cli(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Cli:  # fmt: skip
    sup = SupervisionStore(store)
    issue(sup, content=plan_json("Ben", **HEDGED_F2))
    issue(sup, "Cal", author="sam")
    monkeypatch.setattr(f"{__name__}.CHILDREN", {k: str(v) for k, v in sup.children.items()})
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(store.paths.root, capsys)


def test_plan_audit_form_record_list_and_moderation(cli: Cli) -> None:
    form = cli.json(*PA, "form", "--child", CHILDREN["Ben"], "--json")
    assert form["version"] == 1 and form["subject"] == "plan"
    assert [a["id"] for a in form["automatic"] if a["applies"] and not a["passed"]] == [
        "f_quantified"]  # fmt: skip
    suggested = {m["id"]: m["suggested"] for m in form["manual"]}
    assert suggested["f_enforceable"] == "requires_improvement"
    code, out, _ = cli(*PA, "form", "--child", CHILDREN["Ben"])
    assert code == 0 and "FAIL  F    " in out and "weight 3" in out
    assert "suggested overall: requires_improvement" in out

    first = cli.json(*PA, "record", "--child", CHILDREN["Ben"], "--version", "1",
                     *_grades(), "--comments", "F2 hedges.", "--action", "Quantify F2",
                     "--due", "2026-04-10", "--json")  # fmt: skip
    assert (first["overall"], first["role"], first["action_due"]) == (
        "requires_improvement", "audit", "2026-04-10")  # fmt: skip
    second = cli.json(*PA, "record", "--child", CHILDREN["Ben"],
                      *_grades(f_enforceable="inadequate"), "--moderates",
                      first["audit_id"], "--json")  # fmt: skip
    assert second["role"] == "moderation" and second["moderates_id"] == first["audit_id"]
    cli.json(*PA, "record", "--child", CHILDREN["Cal"], *_grades(), "--json")
    listed = cli.json(*PA, "list", "--json")
    assert len(listed) == 3
    assert len(cli.json(*PA, "list", "--child", CHILDREN["Cal"], "--json")) == 1
    assert cli.json("audit", "list", "--json") == []  # not case-note audits

    report = cli.json("audit", "moderation", "--subject", "plan", "--json")
    # 5 criteria (4 agree) + overall (requires improvement both: agree) = 5 of 6
    assert (report["pairs"], report["items"], report["agreed"]) == (1, 6, 5)
    assert cli.json("audit", "moderation", "--json")["pairs"] == 0


def test_plan_audit_trends_and_bad_input(cli: Cli, tmp_path: Path) -> None:
    cli.json(*PA, "record", "--child", CHILDREN["Cal"], *_grades(), "--json")
    month = cli.json("audit", "report", "--subject", "plan", "--json")["months"][-1]
    trends = cli.json("audit", "report", "--subject", "plan", "--from", month, "--to", month,
                      "--json", "--xlsx", str(tmp_path / "plans.xlsx"))  # fmt: skip
    assert trends["service"]["total"] == 1 and trends["service"]["counts"]["good"] == 1
    assert "subject" not in trends  # the JSON keeps the shape of the note report
    from openpyxl import load_workbook

    about = {r[0]: r[1] for r in load_workbook(tmp_path / "plans.xlsx")["About"].iter_rows(
        values_only=True) if r}  # fmt: skip
    assert about["Report"] == "Plan audits: grades and the criteria most often failed"
    assert "grading of the same plan version" in about["How counted"]
    assert cli.json("audit", "report", "--from", month, "--to", month,
                    "--json")["service"]["total"] == 0  # fmt: skip
    code, out, _ = cli("audit", "report", "--subject", "plan", "--from", month, "--to", month)
    assert code == 0 and out.startswith("Plan audits ")

    code, _, err = cli(*PA, "record", "--child", CHILDREN["Ben"],
                       *_grades(one_story="great"))  # fmt: skip
    assert code == 2 and "'great' is not one of" in err
    code, _, err = cli(*PA, "record", "--child", CHILDREN["Ben"], *_grades(),
                       "--grade", "tone=good")  # fmt: skip
    assert code == 2 and "unknown criteria: tone" in err
    code, _, err = cli(*PA, "form", "--child", CHILDREN["Ann"])
    assert code == 2 and "no issued plan" in err
    code, _, err = cli(*PA, "record", "--child", CHILDREN["Ben"], *_grades(),
                       "--comments", "bad\x1bcomment")  # fmt: skip
    assert code == 2 and "control" in err
    with pytest.raises(SystemExit) as refused:  # argparse refuses it before the store opens
        cli("audit", "report", "--subject", "letter")
    assert refused.value.code == 2
    assert len(cli.json(*PA, "list", "--json")) == 1
