"""`send-desk plan draft|show|issue|finalise|amend`: Sam's plan through the real commands,
and the bad inputs (nothing saved half-way)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from send_desk.paths import DataPaths
from send_desk.plans import parse_plan
from send_desk.storage.store import create_store
from tests.conftest import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.backend.plan_case import ADVICE, TODAY, good_json
from tests.unit.services.builder import Caseload


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Sam's case as in tests/unit/backend/plan_case.py: advice from four, decision to issue."""
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        c = Caseload(store, TODAY)
        c.child("Sam", dob="2012-05-10", primary_need="ASD", secondary_need="SLCN")
        c.event("Sam", "request_received", "2026-06-01")
        c.event("Sam", "assessment_decision", "2026-07-13", outcome="assess")
        for kind in ADVICE:
            c.event("Sam", "advice_requested", "2026-07-14", **{"from": kind})
            c.event("Sam", "advice_received", "2026-09-07", **{"from": kind})
        c.event("Sam", "issue_decision", "2026-10-05", outcome="issue")
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def write(tmp_path: Path, document: Any, name: str = "plan.json") -> str:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), "utf-8")
    return str(path)


def _sam(cli: Cli) -> str:
    rows = cli.json("child", "list", "--json")
    return str(next(row["id"] for row in rows if row["name"].startswith("Sam")))


def _events(cli: Cli, child: str, kind: str) -> list[str]:
    events = cli.json("child", "show", child, "--json")["events"]
    return [str(e["date"]) for e in events if e["type"] == kind]


def test_draft_issue_finalise_and_amend(cli: Cli, tmp_path: Path) -> None:
    sam = _sam(cli)
    saved = cli.json("plan", "draft", "--child", sam, write(tmp_path, good_json()), "--json")
    assert (saved["checklist"]["passed"], saved["checklist"]["applicable"]) == (15, 15)
    shown = cli.json("plan", "show", "--child", sam, "--draft", "--json")
    assert shown["plan"]["sections"]["F"][1]["who"] == "speech and language therapist"

    issued = cli.json("plan", "issue", "--child", sam, "--date", "2026-10-12", "--json")
    assert (issued["version"], issued["kind"], issued["issued_on"]) == (1, "draft", "2026-10-12")
    assert issued["failed_items"] == [] and issued["event_id"]
    assert _events(cli, sam, "draft_plan_issued") == ["2026-10-12"]

    final = cli.json(
        "plan", "finalise", "--child", sam, "--date", "2026-11-02",
        "--school", "Hillside Academy", "--json",
    )  # fmt: skip
    assert (final["version"], final["kind"], final["school"]) == (2, "final", "Hillside Academy")
    assert final["changed_sections"][0]["section"] == "I"
    assert _events(cli, sam, "final_plan_issued") == ["2026-11-02"]

    amended = good_json()
    amended["sections"]["I"]["name"] = "Hillside Academy"
    amended["sections"]["F"][1]["frequency"] = "3 sessions a week"
    proposed = cli.json(
        "plan", "amend", "--child", sam, write(tmp_path, amended, "amended.json"),
        "--reason", "Annual review: more therapy", "--date", "2026-12-01", "--json",
    )  # fmt: skip
    assert (proposed["version"], proposed["kind"]) == (3, "amendment")
    assert proposed["amendment_reason"] == "Annual review: more therapy"
    detail = cli.json("plan", "show", "--child", sam, "--json")
    assert detail["version"] == 3
    [change] = detail["changes"]
    assert change["section"] == "F"
    assert [line.split(";")[2] for line in change["removed"]] == [" how often 2 sessions a week"]
    assert [line.split(";")[2] for line in change["added"]] == [" how often 3 sessions a week"]
    first = cli.json("plan", "show", "--child", sam, "--version", "1", "--json")
    assert first["kind"] == "draft" and "changes" not in first
    assert first["plan"]["sections"]["I"]["name"] is None
    code, out, _ = cli("plan", "show", "--child", sam)
    assert code == 0
    assert "  - f2: Therapy on phrases" in out and "how often 3 sessions a week" in out


def test_a_draft_with_criteria_not_met_is_issued_with_them_recorded_as_notes_are(
    cli: Cli, tmp_path: Path
) -> None:
    sam = _sam(cli)
    weak = good_json()
    weak["sections"]["F"][1]["frequency"] = "regular support"
    cli.json("plan", "draft", "--child", sam, write(tmp_path, weak), "--json")
    code, out, err = cli("plan", "issue", "--child", sam, "--date", "2026-10-12",
                         "--require-pass")  # fmt: skip
    assert code == 2 and out == ""
    assert "1 criterion of the plan standard not met: f_quantified" in err
    assert "without --require-pass" in err
    assert cli("plan", "show", "--child", sam)[2].strip().endswith("the child has no issued plan")
    issued = cli.json("plan", "issue", "--child", sam, "--date", "2026-10-12", "--json")
    assert [item["id"] for item in issued["failed_items"]] == ["f_quantified"]
    assert (issued["checklist"]["passed"], issued["checklist"]["applicable"]) == (14, 15)


def test_a_draft_naming_a_school_is_refused(cli: Cli, tmp_path: Path) -> None:
    sam = _sam(cli)
    named = good_json()
    named["sections"]["I"]["name"] = "Hillside Academy"
    cli.json("plan", "draft", "--child", sam, write(tmp_path, named), "--json")
    code, _, err = cli("plan", "issue", "--child", sam, "--date", "2026-10-12")
    assert code == 2 and "A draft plan names no school" in err
    assert _events(cli, sam, "draft_plan_issued") == []


def test_bad_documents_are_refused_and_nothing_is_saved(cli: Cli, tmp_path: Path) -> None:
    sam = _sam(cli)
    cli.json("plan", "draft", "--child", sam, write(tmp_path, good_json()), "--json")
    wrong = good_json()
    wrong["sections"]["E"][0]["needs"] = ["b9"]
    code, out, err = cli("plan", "draft", "--child", sam, write(tmp_path, wrong, "wrong.json"))
    assert code == 2 and out == ""
    assert "b9" in err
    controlled = good_json()
    controlled["sections"]["A"]["child_views"] = "I like computers\u001b[2J"
    code, _, err = cli("plan", "draft", "--child", sam, write(tmp_path, controlled, "c.json"))
    assert code == 2 and "sections.A.child_views holds a control character" in err
    code, _, err = cli("plan", "draft", "--child", sam, write(tmp_path, "{not json", "x.json"))
    assert code == 2 and "is not valid JSON" in err
    # the draft saved first is what is kept
    kept = cli.json("plan", "show", "--child", sam, "--draft", "--json")
    assert kept["plan"] == json.loads(json.dumps(parse_plan(good_json()).to_json()))
    code, _, err = cli("plan", "issue", "--child", sam, "--date", "13/10/2026")
    assert code == 2 and "13/10/2026" in err


def test_render_writes_docx_and_pdf_and_refuses_other_endings(cli: Cli, tmp_path: Path) -> None:
    import io

    from docx import Document
    from pypdf import PdfReader

    sam = _sam(cli)
    cli.json("plan", "draft", "--child", sam, write(tmp_path, good_json()), "--json")
    code, out, _ = cli("plan", "render", "--child", sam, "--draft", "--out",
                       str(tmp_path / "working.pdf"))  # fmt: skip
    assert code == 0 and "working.pdf" in out
    first = PdfReader(tmp_path / "working.pdf").pages[0].extract_text()
    assert "DRAFT: not yet issued" in first
    cli.json("plan", "issue", "--child", sam, "--date", "2026-10-12", "--json")
    assert cli("plan", "render", "--child", sam, "--out", str(tmp_path / "plan.docx"))[0] == 0
    document = Document(io.BytesIO((tmp_path / "plan.docx").read_bytes()))
    assert document.sections[0].header.paragraphs[0].text == (
        "DRAFT: comments by Monday 26 October 2026"
    )
    code, _, err = cli("plan", "render", "--child", sam, "--out", str(tmp_path / "plan.txt"))
    assert code == 2 and "must end in .docx or .pdf" in err
    code, _, err = cli("plan", "render", "--child", sam, "--version", "7", "--out",
                       str(tmp_path / "v7.pdf"))  # fmt: skip
    assert code == 2 and "no version 7" in err
    assert not (tmp_path / "v7.pdf").exists()


def test_the_draft_cover_letter_is_dated_the_day_the_draft_was_issued(
    cli: Cli, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from send_desk.domain.organisation import User
    from send_desk.services.children import resolve_child_id
    from send_desk.services.family import add_family_member
    from send_desk.storage.store import open_store

    sam = _sam(cli)
    with open_store(DataPaths(cli.data_dir), PASSWORD) as store, store.write() as session:
        add_family_member(
            session,
            {"child_id": resolve_child_id(session, sam), "name": "Alex Test",
             "relationship": "mother", "main_contact": True, "preferred_contact": "letter",
             "address": "1 High Street"},
        )  # fmt: skip
        for user in session.exec(select(User)).all():
            user.phone, user.email = "01632 960000", "casework@example.org"
    code, _, err = cli("plan", "letter", "--child", sam, "--template", "draft_plan_cover",
                       "--out", str(tmp_path / "cover.pdf"))  # fmt: skip
    assert code == 2 and "no version" in err
    cli.json("plan", "draft", "--child", sam, write(tmp_path, good_json()), "--json")
    cli.json("plan", "issue", "--child", sam, "--date", "2026-10-12", "--json")
    code, out, err = cli("plan", "letter", "--child", sam, "--template", "draft_plan_cover",
                         "--out", str(tmp_path / "cover.pdf"))  # fmt: skip
    assert code == 0, err
    assert "dated 12/10/2026" in out
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "cover.pdf").pages)
    assert "12 October 2026" in text
    # 15 days from the letter, which is the day the draft was issued
    assert "Monday 26 October 2026" in text


def test_a_plan_written_for_another_child_is_refused(cli: Cli, tmp_path: Path) -> None:
    """A plan file names its child: saved on the wrong record it would put Aled's needs,
    views and provision in front of Sam's family. Refused, nothing saved; the name the
    child uses, in any case, is accepted."""
    sam = _sam(cli)
    other = good_json()
    other["child"]["first_name"] = "Aled"
    code, _out, err = cli("plan", "draft", "--child", sam, write(tmp_path, other))
    assert code == 2
    assert "Aled" in err and "Sam" in err
    code, _out, _err = cli("plan", "show", "--child", sam, "--draft", "--json")
    assert code != 0  # no working draft was saved
    same = good_json()
    same["child"]["first_name"] = " sam "
    assert cli("plan", "draft", "--child", sam, write(tmp_path, same, "same.json"))[0] == 0
