"""`send-desk timeline`: the contract's input and output, through the real command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from send_desk.cli import main

CONTRACT_EXAMPLE = {
    "today": "2026-03-01",
    "child": {"date_of_birth": "2015-03-02", "looked_after": False},
    "events": [
        {"type": "request_received", "date": "2026-01-05"},
        {"type": "advice_requested", "date": "2026-02-02", "from": "educational_psychology"},
        {"type": "exception_recorded", "date": "2026-02-10", "reason": "absence_from_area",
         "milestone": "final_plan", "evidence": "Family abroad 10/02-20/03"},
    ],
}  # fmt: skip


def write(tmp_path: Path, document: Any) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document) if not isinstance(document, str) else document)
    return str(path)


def run_json(
    capsys: pytest.CaptureFixture[str], path: str, *options: str
) -> tuple[int, dict[str, Any]]:
    code = main(["timeline", path, "--json", *options])
    out = capsys.readouterr().out
    return code, json.loads(out)


def brief(output: dict[str, Any]) -> list[tuple[str, str, str | None, str]]:
    return [(m["id"], m["due"], m["done"], m["status"]) for m in output["milestones"]]


def test_contract_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run_json(capsys, write(tmp_path, CONTRACT_EXAMPLE))
    assert code == 0
    assert brief(output) == [
        # born 2 Mar 2015 -> Year 6 in 2025/26, but only a request: no plan to amend
        # under reg 18, so no phase transfer is proposed.
        # 5 Jan 2026 + 42 days = 16 Feb 2026, no decision recorded by 1 Mar
        ("decide_to_assess", "2026-02-16", None, "overdue"),
        # 2 Feb 2026 + 42 days = 16 Mar 2026
        ("advice_due:educational_psychology", "2026-03-16", None, "pending"),
    ]
    second, third = output["milestones"]
    assert not any(m.get("proposed") for m in output["milestones"])
    assert second["source"] == "SEND Regulations 2014 reg 4(1)"
    assert (second["days_left"], third["days_left"]) == (-13, 15)
    assert third["next_step"].startswith("Get the advice from educational psychology")
    assert "by 16/03/2026" in third["next_step"]
    # the 20-week milestone has not started (no decision to assess): the exception waits
    assert output["warnings"] == [
        {
            "event_index": 2,
            "code": "exception",
            "message": "Exception to a time limit recorded on 10/02/2026 is for 'final_plan', "
            "which does not apply to this case as the events stand: not applied.",
        }
    ]


def test_today_option_overrides_the_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = {
        "today": "2026-03-01",
        "events": [{"type": "request_received", "date": "2026-01-05"}],
    }
    code, output = run_json(capsys, write(tmp_path, document), "--today", "2026-02-01")
    assert code == 0
    assert output["today"] == "2026-02-01"
    assert brief(output) == [("decide_to_assess", "2026-02-16", None, "pending")]


def test_today_defaults_to_london_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    monkeypatch.setattr("send_desk.timeutil.london_today", lambda: date(2026, 2, 20))
    code, output = run_json(
        capsys, write(tmp_path, {"events": [{"type": "request_received", "date": "2026-01-05"}]})
    )
    assert code == 0
    assert output["today"] == "2026-02-20"
    assert brief(output) == [("decide_to_assess", "2026-02-16", None, "overdue")]


def test_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = {"today": "2026-06-01", "events": [
        {"type": "request_received", "date": "2026-01-05"},
        {"type": "assessment_decision", "date": "2026-02-10", "outcome": "assess"},
        {"type": "exception_recorded", "date": "2026-04-01", "reason": "absence_from_area",
         "milestone": "final_plan", "evidence": "Family abroad 01/04-30/05"},
    ]}  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(document)))
    code, output = run_json(capsys, "-")
    assert code == 0
    assert brief(output) == [
        ("decide_to_assess", "2026-02-16", "2026-02-10", "met"),
        ("decide_to_issue", "2026-04-27", None, "overdue"),  # 5 Jan + 112 days
        ("final_plan", "2026-05-25", None, "exception"),  # 5 Jan + 140 days, not moved
    ]
    assert output["milestones"][2]["exception"]["reason"] == "absence_from_area"


def test_readable_table_uses_uk_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", write(tmp_path, CONTRACT_EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Statutory timeline on 01/03/2026" in out
    assert "16/02/2026  decide_to_assess" in out
    assert "phase_transfer_plan" not in out
    assert "[SEND Regulations 2014 reg 8(1)]" in out
    assert "Warnings:\n  events[2]: " in out
    assert "2026-02-16" not in out


def test_local_targets_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = {"today": "2026-03-01", "events": [
        {"type": "request_received", "date": "2026-01-05"},
        {"type": "assessment_decision", "date": "2026-02-10", "outcome": "assess"},
    ]}  # fmt: skip
    _, plain = run_json(capsys, write(tmp_path, document))
    _, local = run_json(capsys, write(tmp_path, document), "--local")
    assert "draft_plan_target" not in {m["id"] for m in plain["milestones"]}
    # 5 Jan + 98 days = 13 Apr 2026
    assert ("draft_plan_target", "2026-04-13", None, "pending") in brief(local)


def test_unknown_top_level_and_child_fields_are_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = {"case": "A1", "today": "2026-02-01", "child": {"name": "Sam"},
                "events": [{"type": "request_received", "date": "2026-01-05"}]}  # fmt: skip
    code, output = run_json(capsys, write(tmp_path, document))
    assert code == 0
    assert output["warnings"][0]["message"] == "not used: 'case', 'child.name'"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"today": "2026-03-01", "events": [
            {"type": "request_received", "date": "2026-01-05"},
            {"type": "advice_requested", "date": "2026-02-02", "from": "health"},
            {"type": "final_plan", "date": "2026-05-01"}]},
         "send-desk: events[2]: 'final_plan' is not a known event type (known: request_received"),
        ({"events": [{"type": "request_received", "date": "2026-02-30"}]},
         "send-desk: events[0]: 'request_received' date '2026-02-30' is not a real date"),
        ({"events": [{"type": "request_received", "date": "05/01/2026"}]},
         "send-desk: events[0]: 'request_received' date '05/01/2026' is not a date in the form "
         "YYYY-MM-DD"),
        ({"events": [{"type": "request_received"}]},
         "send-desk: events[0]: 'request_received' has no 'date'"),
        ({"events": [{"date": "2026-01-05"}]}, "send-desk: events[0]: has no 'type'"),
        ({"events": [{"type": "assessment_decision", "date": "2026-02-10"}]},
         "send-desk: events[0]: 'assessment_decision': Outcome is needed"),
        ({"events": [{"type": "assessment_decision", "date": "2026-02-10", "outcome": "maybe"}]},
         "send-desk: events[0]: 'assessment_decision': Outcome must be one of: assess, not_assess"),
        ({"events": [{"type": "phase_transfer", "date": "2026-02-10", "kind": "school",
                      "transfer_date": "2026-09-31"}]},
         "send-desk: events[0]: 'phase_transfer' transfer_date '2026-09-31' is not a real date"),
        ({"events": [{"type": "request_received", "date": "2026-01-05", "note": "x"}]},
         "send-desk: events[0]: 'request_received': 'request_received' events have no field note"),
        ({"events": [{"type": "exception_recorded", "date": "2026-02-10",
                      "reason": "absence_from_area", "milestone": "final_plan"}]},
         "send-desk: events[0]: 'exception_recorded': Evidence is needed"),
        ({"events": ["request_received"]},
         "send-desk: events[0]: an event must be an object with a type and a date"),
        ({"events": {"type": "request_received"}},
         "send-desk: 'events' must be a list of events"),
        ({"today": "2026-13-01", "events": []},
         "send-desk: today: '2026-13-01' is not a real date"),
        ({"child": {"date_of_birth": "2015-02-29"}, "events": []},
         "send-desk: child.date_of_birth '2015-02-29' is not a real date"),
        ({"child": {"looked_after": "no"}, "events": []},
         "send-desk: child.looked_after must be true or false"),
        ({"child": "Sam", "events": []}, "send-desk: child must be an object"),
        ({"today": "2026-03-01"}, "send-desk: the document has no 'events'"),
        ([{"type": "request_received", "date": "2026-01-05"}],
         "send-desk: the document must be a JSON object"),
        ('{"events": [', "send-desk: "),
    ],
)  # fmt: skip
def test_bad_documents_exit_2_with_a_message_and_nothing_on_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any, message: str
) -> None:
    code = main(["timeline", write(tmp_path, document), "--json"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith(message)
    assert captured.err.count("\n") == 1


def test_invalid_json_names_the_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, '{"events": [')
    assert main(["timeline", path, "--json"]) == 2
    assert capsys.readouterr().err.startswith(f"send-desk: {path} is not valid JSON:")


def test_bad_today_option_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", write(tmp_path, {"events": []}), "--today", "2026-02-30"]) == 2
    assert capsys.readouterr().err == "send-desk: --today: '2026-02-30' is not a real date\n"
    assert main(["timeline", str(tmp_path / "nope.json")]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"send-desk: {tmp_path / 'nope.json'}: no such file\n",
    )


def test_as_a_separate_process_from_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "send_desk", "timeline", "-", "--json"],
        input=json.dumps(CONTRACT_EXAMPLE),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)["milestones"]] == [
        "decide_to_assess",
        "advice_due:educational_psychology",
    ]
    bad = subprocess.run(
        [sys.executable, "-m", "send_desk", "timeline", "-", "--json"],
        input='{"events": [{"type": "final_plan", "date": "2026-01-05"}]}',
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr.startswith("send-desk: events[0]: 'final_plan' is not a known event type")
