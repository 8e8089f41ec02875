"""`send-desk doc attach|list|export|withdraw`: documents on a child's case, encrypted in
the store, refused by content and by size with a clear message that saves nothing."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from send_desk.paths import DataPaths
from send_desk.storage.store import create_store
from tests.constants import DEMO_TODAY as TODAY
from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli
from tests.unit.services.builder import Caseload


def pdf(size: int, seed: int = 3) -> bytes:
    head = b"%PDF-1.7\n1 0 obj\n<< /Length " + str(size).encode() + b" >>\nstream\n"
    return head + random.Random(seed).randbytes(size) + b"\nendstream\nendobj\n%%EOF\n"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    paths = DataPaths(tmp_path / "store")
    with create_store(paths, PASSWORD) as store:
        Caseload(store, TODAY).child("Ava")
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(paths.root, capsys)


def _child(cli: Cli) -> str:
    return str(cli.json("child", "list", "--json")[0]["id"])


def test_attach_list_export_and_withdraw_a_document(cli: Cli, tmp_path: Path) -> None:
    child = _child(cli)
    data = pdf(1_500_000)
    source = tmp_path / "ep advice.pdf"
    source.write_bytes(data)
    code, out, err = cli(
        "doc", "attach", "--child", child, str(source), "--type", "advice",
        "--title", "EP advice", "--author", "Dr A Example", "--received", "2026-11-02",
        "--advice", "educational_psychology", "--today", TODAY.isoformat(), "--json",
    )  # fmt: skip
    assert code == 0, err
    # asked, not silent: the case has no advice received from the EP yet
    assert "no 'advice received' from educational_psychology" in err
    listed = cli.json("doc", "list", "--child", child, "--json")
    assert listed == [
        {
            "id": listed[0]["id"],
            "child_id": child,
            "type": "advice",
            "title": "EP advice",
            "author": "Dr A Example",
            "received": "2026-11-02",
            "advice": "educational_psychology",
            "file_name": "ep advice.pdf",
            "size": len(data),
            "media_type": "application/pdf",
            "sha256": hashlib.sha256(data).hexdigest(),
            "available": True,
            "withdrawn": False,
            "withdrawn_reason": None,
        }
    ]
    # the store holds it encrypted: the file's bytes appear nowhere in the store's files
    for stored in (tmp_path / "store").glob("caseload.db*"):
        assert data[1000:1064] not in stored.read_bytes()

    out_file = tmp_path / "copy.pdf"
    code, out, err = cli("doc", "export", listed[0]["id"][:12], "--out", str(out_file))
    assert code == 0, err
    assert out.startswith("Wrote EP advice to ")
    assert out_file.read_bytes() == data
    assert (out_file.stat().st_mode & 0o777) == 0o600
    code, _out, err = cli("doc", "export", listed[0]["id"], "--out", str(out_file))
    assert code == 2 and "already exists" in err

    code, _out, err = cli("doc", "remove", listed[0]["id"], "--reason", "wrong child", "--json")
    assert code == 0, err
    again = cli.json("doc", "list", "--child", child, "--json")
    assert (again[0]["withdrawn"], again[0]["withdrawn_reason"]) == (True, "wrong child")


def test_recording_the_advice_when_asked(cli: Cli, tmp_path: Path) -> None:
    child = _child(cli)
    source = tmp_path / "health.pdf"
    source.write_bytes(pdf(2000))
    code, _out, err = cli(
        "doc", "attach", "--child", child, str(source), "--type", "advice",
        "--received", "2026-11-05", "--advice", "health", "--record-advice",
        "--today", TODAY.isoformat(),
    )  # fmt: skip
    assert code == 0, err
    # told in words, as the Events tab shows it, not the stored code and ISO date
    assert "Recorded advice received from Health on 05/11/2026" in err
    events = cli.json("child", "show", child, "--json")["events"]
    assert [(e["type"], e["date"], e["details"]) for e in events] == [
        ("advice_received", "2026-11-05", {"from": "health"})
    ]


def test_a_program_named_pdf_and_a_500_mb_file_are_refused_and_nothing_is_saved(
    cli: Cli, tmp_path: Path
) -> None:
    child = _child(cli)
    program = tmp_path / "advice.pdf"
    program.write_bytes(b"MZ\x90\x00\x03" + b"\x00" * 200)
    code, out, err = cli("doc", "attach", "--child", child, str(program), "--type", "advice")
    assert code == 2 and out == ""
    assert "advice.pdf is a Windows program, not a document" in err

    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    code, out, err = cli("doc", "attach", "--child", child, str(huge), "--type", "other")
    assert code == 2 and out == ""
    assert "scan.pdf is 500.0 MB (524,288,000 bytes): a document may be at most 25.0 MB" in err
    assert cli.json("doc", "list", "--child", child, "--json") == []


def test_a_store_export_lists_its_documents_and_imports_again(
    cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole-store export (a subject access request) names every document held; the
    content itself is exported a document at a time (doc export)."""
    child = _child(cli)
    source = tmp_path / "request.txt"
    source.write_bytes(b"We ask the council to assess our son.\n")
    attached = cli.json(
        "doc", "attach", "--child", child, str(source), "--type", "request", "--json"
    )
    exported = tmp_path / "export.json"
    cli.json("export", "--json", str(exported))
    target = Cli(tmp_path / "other", capsys)
    cli_code, _out, err = target("init")
    assert cli_code == 0, err
    result = target.json("import", str(exported), "--by", "pwhite", "--json")
    assert result["rows"]["document"] == 1
    [listed] = target.json("doc", "list", "--child", child, "--json")
    assert {key: listed[key] for key in ("id", "type", "title", "sha256", "size")} == {
        key: attached[key] for key in ("id", "type", "title", "sha256", "size")
    }
    assert listed["available"] is False  # the content is not in a JSON export
