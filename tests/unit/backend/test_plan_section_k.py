"""Section K of the rendered plan lists the advice reports attached to the case (title,
author, date received, appendix number), read back from the DOCX and the PDF."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

from docx import Document
from pypdf import PdfReader

from send_desk.backend import Backend
from send_desk.backend.documents_models import NewDocument
from tests.unit.backend.plan_advice_files import docx_file, pdf_file, png_file
from tests.unit.backend.plan_case import case, good_plan

__all__ = ["case"]

Case = tuple[Backend, uuid.UUID]
EP = ("Educational psychology advice: Report on Sam, by Dr A. Example, "
      "received 3 August 2026 (Appendix 1)")  # fmt: skip
HEALTH = ("Health advice: Paediatric letter, by Dr B. Sample, received 10 August 2026 "
          "(Appendix 2)")  # fmt: skip
SCHOOL = "School advice: What the school says, received 7 September 2026 (Appendix 3)"


def attach_reports(backend: Backend, sam: uuid.UUID, folder: Path) -> None:
    docs = backend.documents
    docs.attach(
        sam,
        NewDocument(
            pdf_file(folder / "ep.pdf", 2),
            "advice",
            "Report on Sam",
            "Dr A. Example",
            date(2026, 8, 3),
            "educational_psychology",
        ),
    )
    docs.attach(
        sam,
        NewDocument(
            png_file(folder / "health.png"),
            "advice",
            "Paediatric letter",
            "Dr B. Sample",
            date(2026, 8, 10),
            "health",
        ),
    )
    docs.attach(
        sam,
        NewDocument(
            docx_file(folder / "school.docx"),
            "advice",
            "What the school says",
            None,
            date(2026, 9, 7),
            "school",
        ),
    )
    # not advice, withdrawn, or received after the draft was issued: never in K
    docs.attach(
        sam,
        NewDocument(
            pdf_file(folder / "letter.pdf", 1),
            "correspondence",
            "Letter from Mum",
            None,
            date(2026, 8, 4),
        ),
    )
    wrong = docs.attach(
        sam,
        NewDocument(
            pdf_file(folder / "wrong.pdf", 1),
            "advice",
            "Another child's report",
            None,
            date(2026, 8, 5),
            "health",
        ),
    )
    docs.withdraw(wrong.id, "attached to the wrong child")
    docs.attach(sam, NewDocument(pdf_file(folder / "late.pdf", 1), "advice", "Late SALT note",
                                 None, date(2026, 11, 2), "other"))  # fmt: skip


def _k_docx(data: bytes) -> list[str]:
    paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    start = paragraphs.index("Section K: Advice and information")
    return paragraphs[start + 1 :]


def test_the_draft_lists_each_kinds_reports_received_by_its_date(
    case: Case, tmp_path: Path
) -> None:
    backend, sam = case
    attach_reports(backend, sam, tmp_path)
    backend.plans.save_draft(sam, good_plan())
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)
    # social care has no report attached: listed as before, without an appendix
    assert _k_docx(backend.plans.render(sam, "docx")) == [
        "The advice and information gathered for this plan:",
        EP, HEALTH, "Social care", SCHOOL,
    ]  # fmt: skip
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        backend.plans.render(sam, "pdf"))).pages)  # fmt: skip
    flat = " ".join(text.split())
    for line in (EP, HEALTH, SCHOOL):
        assert line in flat
    assert "Late SALT note" not in flat and "Another child" not in flat
    assert "Letter from Mum" not in flat


def test_the_working_draft_lists_a_report_kind_k_does_not_name_after_the_others(
    case: Case, tmp_path: Path
) -> None:
    backend, sam = case
    attach_reports(backend, sam, tmp_path)
    backend.plans.save_draft(sam, good_plan())
    assert _k_docx(backend.plans.render(sam, "docx", draft=True)) == [
        "The advice and information gathered for this plan:",
        EP, HEALTH, "Social care", SCHOOL,
        "Other advice attached to the case:",
        "Other advice: Late SALT note, received 2 November 2026 (Appendix 4)",
    ]  # fmt: skip


def test_with_no_reports_attached_k_lists_the_kinds_as_before(case: Case) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    assert _k_docx(backend.plans.render(sam, "docx", draft=True)) == [
        "The advice and information gathered for this plan:",
        "Educational psychology", "Health", "Social care", "School",
    ]  # fmt: skip
