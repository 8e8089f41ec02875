"""`send-desk note ...`, `search` and `chronology` as a caseworker or a script meets them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.constants import PASSWORD
from tests.integration.test_cli_store import Cli
from tests.unit.quality.test_checker import GOOD, note


@pytest.fixture
def demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Cli, str]:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    cli = Cli(tmp_path / "store", capsys)
    cli.json("demo", "--children", "20", "--seed", "4", "--today", "2026-11-22", "--json")
    child = cli.json("child", "list", "--json")[0]["id"]
    return cli, child


def write(tmp_path: Path, data: Any, name: str = "note.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_add_search_amend_show(demo: tuple[Cli, str], tmp_path: Path) -> None:
    cli, child = demo
    body = "Mae Siôn yn hoffi’r trampolîn. Zażółć gęślą jaźń. بچہ خوش ہے 😀"
    saved = cli.json("note", "add", "--child", child, write(tmp_path, note(body=body)), "--json")
    assert saved["version"] == 1 and saved["child_id"].replace("-", "") == child.replace("-", "")
    assert saved["checklist"]["criteria"][0]["id"] == "when"

    found = cli.json("search", "trampolin", "--child", child, "--json")
    assert found["count"] == 1
    (hit,) = found["results"]
    assert hit["note_id"] == saved["note_id"] and "«trampolîn»" in hit["snippet"]
    assert cli.json("search", '"(" AND * NEAR', "--json")["count"] == 0

    amended = write(tmp_path, note(body=body + " Mum rang back."), "amended.json")
    second = cli.json("note", "amend", saved["note_id"][-12:], amended, "--reason", "Mum rang",
                      "--json")  # fmt: skip
    assert second["version"] == 2
    versions = cli.json("note", "show", saved["note_id"], "--json")
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["note"]["body"] == body  # the first version is kept as it was
    shown = cli.json("child", "show", child, "--json")
    assert [n["note_id"] for n in shown["notes"] if n["note_id"] == saved["note_id"]]
    listed = cli.json("note", "list", "--child", child, "--json")
    assert saved["note_id"] in [n["note_id"] for n in listed]


def test_bad_notes_exit_2_and_nothing_is_saved(demo: tuple[Cli, str], tmp_path: Path) -> None:
    cli, child = demo
    before = len(cli.json("note", "list", "--child", child, "--json"))
    code, out, err = cli("note", "add", "--child", child,
                         write(tmp_path, note(occurred_at="2026-02-30T10:00")))  # fmt: skip
    assert code == 2 and "occurred_at" in err and out == ""
    code, _out, err = cli("note", "add", "--child", child, "--require-pass",
                          write(tmp_path, note(purpose="")))  # fmt: skip
    assert code == 2 and "not met" in err
    code, _out, err = cli("note", "add", "--child", child,
                          write(tmp_path, note(body="x" * 5_000_000)))  # fmt: skip
    assert code == 2 and "at most 100,000" in err
    assert len(cli.json("note", "list", "--child", child, "--json")) == before


def test_chronology_command(demo: tuple[Cli, str], tmp_path: Path) -> None:
    from pypdf import PdfReader

    cli, child = demo
    cli.json("note", "add", "--child", child, write(tmp_path, GOOD), "--json")
    target = tmp_path / "out" / "chronology.pdf"
    result = cli.json("chronology", "--child", child, "--out", str(target), "--json")
    assert result["path"] == str(target) and result["entries"] >= 1
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "Chronology of" in text and "Generated on" in text
