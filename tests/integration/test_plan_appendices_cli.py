"""`send-desk plan render --appendices`: the advice appended to the plan's PDF, refused
for a Word document, and the reports this laptop does not hold named with the command
that fetches them (or given a page with --allow-missing)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.integration.cli_harness import Cli
from tests.integration.test_plan_cli import _sam, cli, write
from tests.unit.backend.plan_advice_files import damaged_pdf, pdf_file, png_file
from tests.unit.backend.plan_case import good_json

__all__ = ["cli"]


def _attach(cli: Cli, sam: str, path: Path, title: str, kind: str) -> str:
    row = cli.json("doc", "attach", "--child", sam, str(path), "--type", "advice",
                   "--title", title, "--received", "2026-09-07", "--advice", kind,
                   "--json")  # fmt: skip
    return str(row["id"])


def _issued(cli: Cli, sam: str, tmp_path: Path) -> None:
    cli.json("plan", "draft", "--child", sam, write(tmp_path, good_json()), "--json")
    cli.json("plan", "issue", "--child", sam, "--date", "2026-10-12", "--json")


def test_render_appends_the_advice_to_the_pdf(cli: Cli, tmp_path: Path) -> None:
    sam = _sam(cli)
    _attach(cli, sam, pdf_file(tmp_path / "ep.pdf", 3), "EP report", "educational_psychology")
    _attach(cli, sam, png_file(tmp_path / "h.png"), "Health letter", "health")
    _issued(cli, sam, tmp_path)
    assert cli("plan", "render", "--child", sam, "--out", str(tmp_path / "plan.pdf"))[0] == 0
    own = len(PdfReader(tmp_path / "plan.pdf").pages)
    code, out, _ = cli("plan", "render", "--child", sam, "--out", str(tmp_path / "full.pdf"),
                       "--appendices")  # fmt: skip
    assert code == 0 and "full.pdf" in out
    # the EP's 3 pages after its heading page (4), the image on a page of its own (1)
    pages = PdfReader(tmp_path / "full.pdf").pages
    assert len(pages) == own + 5
    assert "Appendix 2: Health letter" in (pages[-1].extract_text() or "")


def test_appendices_are_refused_for_a_word_document(cli: Cli, tmp_path: Path) -> None:
    sam = _sam(cli)
    _issued(cli, sam, tmp_path)
    code, _, err = cli("plan", "render", "--child", sam, "--out", str(tmp_path / "plan.docx"),
                       "--appendices")  # fmt: skip
    assert code == 2
    assert "--appendices needs a PDF" in err
    assert not (tmp_path / "plan.docx").exists()


def test_a_damaged_report_is_named_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    sam = _sam(cli)
    _attach(cli, sam, damaged_pdf(tmp_path / "bad.pdf"), "EP report", "educational_psychology")
    _issued(cli, sam, tmp_path)
    out = tmp_path / "full.pdf"
    code, _, err = cli("plan", "render", "--child", sam, "--out", str(out), "--appendices")
    assert code == 2
    assert "Appendix 1, 'EP report' (bad.pdf) is a damaged PDF" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".full")] == []


def test_a_report_not_on_this_laptop_is_named_with_how_to_fetch_it(
    cli: Cli, tmp_path: Path
) -> None:
    import sqlalchemy as sa

    from send_desk.domain.documents import DocumentChunk, DocumentContent
    from send_desk.domain.tables import table_of
    from send_desk.paths import DataPaths
    from send_desk.storage.store import open_store
    from tests.conftest import PASSWORD

    sam = _sam(cli)
    ep = _attach(cli, sam, pdf_file(tmp_path / "ep.pdf", 2), "EP report",
                 "educational_psychology")  # fmt: skip
    _issued(cli, sam, tmp_path)
    # as sync leaves an older report: its row on this laptop, its content on the server
    with open_store(DataPaths(tmp_path / "store"), PASSWORD) as store, store.write() as session:
        session.execute(sa.delete(table_of(DocumentChunk)))
        session.execute(sa.update(table_of(DocumentContent)).values(complete=False))
    out = tmp_path / "full.pdf"
    code, _, err = cli("plan", "render", "--child", sam, "--out", str(out), "--appendices")
    assert code == 2 and not out.exists()
    assert "1 advice report is not on this laptop" in err
    assert f"send-desk doc fetch {ep}   # EP report" in err
    assert "--allow-missing" in err
    code, _, _ = cli("plan", "render", "--child", sam, "--out", str(out), "--appendices",
                     "--allow-missing")  # fmt: skip
    assert code == 0
    assert "it is sent separately" in (PdfReader(out).pages[-1].extract_text() or "")
