"""`send-desk check-note`: the contract's output through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from send_desk.cli import main
from tests.unit.quality.test_checker import GOOD, note


def write(tmp_path: Path, document: Any) -> str:
    path = tmp_path / "note.json"
    path.write_text(
        document if isinstance(document, str) else json.dumps(document), encoding="utf-8"
    )
    return str(path)


def test_json_output_is_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = note(attendees=[{"name": "", "role": "parent"}])
    assert main(["check-note", write(tmp_path, data), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["criteria", "passed", "applicable"]
    who = next(item for item in out["criteria"] if item["id"] == "who_present")
    assert list(who) == ["id", "applies", "passed", "message"]
    assert who["applies"] is True and who["passed"] is False
    assert who["message"].startswith("Say who was there and in what role.")
    assert (out["passed"], out["applicable"]) == (10, 11)  # no interpreter now


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-note", write(tmp_path, GOOD)]) == 0
    assert "12 of 12 applicable criteria met" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ('{"kind": "visit", ', "not valid JSON"),
        (note(occurred_at="2026-02-29T10:00"), "occurred_at: '2026-02-29T10:00'"),
        (note(actions=[{"what": "x", "owner": "y", "due": "2026-06-31"}]), "actions[0].due"),
        ([1, 2], "a note is a JSON object"),
    ],
)
def test_bad_documents_exit_2_naming_the_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any, named: str
) -> None:
    assert main(["check-note", write(tmp_path, document), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert named in captured.err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check-note", str(tmp_path / "nope.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_standard_input_in_a_subprocess(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "send_desk", "check-note", "-", "--json"],
        input=json.dumps(note(kind="email", body="Mae Siôn yn hapus 😀")),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    who = next(item for item in out["criteria"] if item["id"] == "who_present")
    assert who["applies"] is False
