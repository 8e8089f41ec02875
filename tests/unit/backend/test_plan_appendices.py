"""The plan as a PDF with the advice appended: a PDF report page by page, an image on a
page of its own, a Word document as a page saying it is attached separately; each
appendix headed, the page numbers running on; bad reports refused by name."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from send_desk.backend import Backend
from send_desk.backend.documents_models import NewDocument
from send_desk.backend.errors import ValidationFailed
from send_desk.services.plan_appendices import AdviceNotHere
from tests.unit.backend.plan_advice_files import damaged_pdf, encrypted_pdf, pdf_file
from tests.unit.backend.plan_case import case, good_plan
from tests.unit.backend.test_plan_section_k import attach_reports

__all__ = ["case"]

Case = tuple[Backend, uuid.UUID]


def _pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(
        io.BytesIO(data)).pages]  # fmt: skip


def _issued(backend: Backend, sam: uuid.UUID) -> None:
    backend.plans.save_draft(sam, good_plan())
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)


def test_the_reports_follow_the_plan_with_headings_and_running_page_numbers(
    case: Case, tmp_path: Path
) -> None:
    backend, sam = case
    attach_reports(backend, sam, tmp_path)
    _issued(backend, sam)
    plan_only = len(_pages(backend.plans.render(sam, "pdf")))
    data = backend.plans.render(sam, "pdf", appendices=True)
    pages = _pages(data)
    # appendix 1, the EP's PDF of 2 pages: a heading page and its 2 pages (3); appendix 2,
    # the health PNG: 1 page; appendix 3, the school's Word document: 1 page (5 in all)
    total = plan_only + 5
    assert len(pages) == total
    first = plan_only  # index of appendix 1's heading page
    assert f"Page {plan_only} of {total}" in pages[first - 1]  # the plan's last page
    assert pages[first].count("Appendix 1: Report on Sam") == 1
    assert "Written by: Dr A. Example" in pages[first]
    assert "Received: 3 August 2026" in pages[first]
    assert f"(pages {plan_only + 2} to {plan_only + 3})" in pages[first]
    assert f"Page {plan_only + 1} of {total}" in pages[first]
    # the report's own pages, stamped with the appendix and the running number
    for n in (1, 2):
        page = pages[first + n]
        assert f"Advice page {n}" in page
        assert "Appendix 1: Report on Sam" in page
        assert f"Page {plan_only + 1 + n} of {total}" in page
    assert "Appendix 2: Paediatric letter" in pages[first + 3]
    assert f"Page {plan_only + 4} of {total}" in pages[first + 3]
    assert "Appendix 3: What the school says" in pages[first + 4]
    assert "This report is a Word document: it cannot be printed inside the plan" in (
        pages[first + 4]
    )
    assert f"Page {total} of {total}" in pages[-1]
    # a reader jumps to each appendix by the PDF's bookmarks, after the plan's own
    reader = PdfReader(io.BytesIO(data))
    marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline
             if not isinstance(m, list)]  # fmt: skip
    assert marks[1:] == [
        ("Appendix 1: Report on Sam", first),
        ("Appendix 2: Paediatric letter", first + 3),
        ("Appendix 3: What the school says", first + 4),
    ]
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    # the draft's mark still heads the appendix pages it made
    assert "DRAFT: comments by Monday 26 October 2026" in pages[first]


def test_a_word_document_cannot_carry_appendices(case: Case) -> None:
    backend, sam = case
    _issued(backend, sam)
    with pytest.raises(ValidationFailed, match=r"appended only to a PDF"):
        backend.plans.render(sam, "docx", appendices=True)


@pytest.mark.parametrize(
    ("make", "said"),
    [(damaged_pdf, "is a damaged PDF"), (encrypted_pdf, "is a password-protected PDF")],
)
def test_a_report_that_cannot_be_read_is_named(
    case: Case, tmp_path: Path, make, said: str  # type: ignore[no-untyped-def]
) -> None:
    backend, sam = case
    backend.documents.attach(sam, NewDocument(pdf_file(tmp_path / "ep.pdf", 1), "advice",
                                              "EP report", None, date(2026, 8, 3),
                                              "educational_psychology"))  # fmt: skip
    backend.documents.attach(sam, NewDocument(make(tmp_path / "bad.pdf"), "advice",
                                              "Health report", None, date(2026, 8, 10),
                                              "health"))  # fmt: skip
    _issued(backend, sam)
    with pytest.raises(ValidationFailed) as raised:
        backend.plans.render(sam, "pdf", appendices=True)
    assert raised.value.message.startswith(f"Appendix 2, 'Health report' (bad.pdf) {said}")


def test_a_report_not_on_this_laptop_is_named_or_given_a_page(
    case: Case, tmp_path: Path
) -> None:
    backend, sam = case
    row = backend.documents.attach(sam, NewDocument(pdf_file(tmp_path / "ep.pdf", 3), "advice",
                                                    "EP report", "Dr A. Example",
                                                    date(2026, 8, 3),
                                                    "educational_psychology"))  # fmt: skip
    _issued(backend, sam)
    _forget_content(backend, row.content_sha256)
    with pytest.raises(AdviceNotHere) as raised:
        backend.plans.render(sam, "pdf", appendices=True)
    assert raised.value.message.startswith(
        f"1 advice report is not on this laptop (only recent documents are kept offline): "
        f"'EP report' ({row.id})."
    )
    plan_only = len(_pages(backend.plans.render(sam, "pdf")))
    pages = _pages(backend.plans.render(sam, "pdf", appendices=True, allow_missing=True))
    # a placeholder page instead of the report's 3 pages
    assert len(pages) == plan_only + 1
    assert "Appendix 1: EP report" in pages[-1]
    assert "it is sent separately" in pages[-1]


def _forget_content(backend: Backend, sha256: str) -> None:
    """As sync leaves an older document: its row here, its content on the server only."""
    import sqlalchemy as sa

    from send_desk.domain.documents import DocumentChunk, DocumentContent
    from send_desk.domain.tables import table_of

    with backend._store.write() as session:
        session.execute(sa.delete(table_of(DocumentChunk)).where(
            table_of(DocumentChunk).c.content_sha256 == sha256))  # fmt: skip
        content = session.get(DocumentContent, sha256)
        assert content is not None
        content.complete = False
        session.add(content)


def test_a_landscape_and_a_turned_page_are_stamped_where_they_are_read(
    case: Case, tmp_path: Path
) -> None:
    from fpdf import FPDF
    from pypdf import PdfWriter

    backend, sam = case
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_font("helvetica", size=14)
    pdf.add_page()
    pdf.cell(0, 10, "Landscape advice")
    writer = PdfWriter(clone_from=io.BytesIO(bytes(pdf.output())))
    portrait = PdfReader(pdf_file(tmp_path / "p.pdf", 1, "Turned advice")).pages[0]
    writer.add_page(portrait).rotate(90)  # shown turned a quarter, as scanners save them
    out = io.BytesIO()
    writer.write(out)
    (tmp_path / "mixed.pdf").write_bytes(out.getvalue())
    backend.documents.attach(sam, NewDocument(tmp_path / "mixed.pdf", "advice", "SALT report",
                                              None, date(2026, 8, 3), "other"))  # fmt: skip
    _issued(backend, sam)
    plan_only = len(_pages(backend.plans.render(sam, "pdf")))
    data = backend.plans.render(sam, "pdf", appendices=True)
    reader = PdfReader(io.BytesIO(data))
    total = plan_only + 3
    assert len(reader.pages) == total
    landscape, turned = reader.pages[-2], reader.pages[-1]
    # A4 landscape is 842 x 595 points; the turned page keeps its look, upright stamps
    assert (round(float(landscape.mediabox.width)), round(float(landscape.mediabox.height))) == (
        842, 595,
    )  # fmt: skip
    for page, number in ((landscape, total - 1), (turned, total)):
        text = " ".join((page.extract_text() or "").split())
        assert "Appendix 1: SALT report" in text
        assert f"Page {number} of {total}" in text
    assert "Turned advice 1" in (turned.extract_text() or "")
