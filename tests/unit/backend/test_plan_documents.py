"""The plan as DOCX and PDF (read back with python-docx and pypdf), and the letters that
take their dates and the amendment's changes from the plan's versions."""

from __future__ import annotations

import dataclasses
import io
import uuid
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader
from sqlmodel import select

from send_desk.backend import Backend
from send_desk.domain.organisation import User
from send_desk.plans import SECTION_ORDER, SECTION_TITLES
from send_desk.services import letters as letters_service
from send_desk.services.family import add_family_member
from tests.unit.backend.plan_case import TODAY, case, good_plan

__all__ = ["case"]

Case = tuple[Backend, uuid.UUID]
HEADINGS = [f"Section {code}: {SECTION_TITLES[code]}" for code in SECTION_ORDER]
# 15 days beginning with Monday 12 October 2026 (reg. 13(1))
COMMENT_BY = "DRAFT: comments by Monday 26 October 2026"


def _issue(backend: Backend, sam: uuid.UUID) -> None:
    backend.plans.save_draft(sam, good_plan())
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)


def _docx(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def test_the_docx_has_heading_styles_the_f_table_and_draft_on_every_page(case: Case) -> None:
    backend, sam = case
    _issue(backend, sam)
    document = _docx(backend.plans.render(sam, "docx"))
    styled = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Education, health and care plan") in styled
    assert [text for style, text in styled if style == "Heading 2"] == HEADINGS
    assert ("Heading 3", "b1: Autistic spectrum disorder (primary need)") in styled
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    facts = dict((row[0], row[1]) for row in tables[0])
    assert facts["Date of this plan"] == "12 October 2026"
    assert facts["Date of birth"] == "10 May 2012"
    assert facts["Last day to comment"] == "Monday 26 October 2026"
    outcomes, provision = tables[1], tables[2]
    assert outcomes[0] == ["Ref", "Outcome", "By", "For needs"]
    assert outcomes[1][2] == "16 July 2027" and outcomes[3][2] == "14 July 2028"
    assert provision == [
        ["Ref", "What", "Who", "How often", "How long", "Group", "Review"],
        ["f1", "Teaching of strategies to manage change, using a visual timetable",
         "specialist autism teacher (qualified teacher of autistic pupils)",
         "1 session a week", "45 minutes", "1:1", "every half term"],
        ["f2", "Therapy on phrases that do not mean what they say",
         "speech and language therapist", "2 sessions a week", "30 minutes", "group of 3",
         "each term"],
    ]  # fmt: skip
    section = document.sections[0]
    # the header repeats on every page: the draft mark with the last day to comment
    assert section.header.paragraphs[0].text == COMMENT_BY
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert 'w:val="en-GB"' in document.styles.element.xml


def test_the_pdf_says_draft_on_every_page_and_lists_the_sections(case: Case) -> None:
    backend, sam = case
    _issue(backend, sam)
    reader = PdfReader(io.BytesIO(backend.plans.render(sam, "pdf")))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert COMMENT_BY in text
        assert f"Page {number} of {len(pages)}" in text
    text = "\n".join(pages)
    assert "16 July 2027" in text and "every half term" in text
    # the outline: the title, with the sections under it (and their parts under them)
    title, sections = reader.outline[0], reader.outline[1]
    assert title.title == "Education, health and care plan"
    assert [item.title for item in sections if not isinstance(item, list)] == HEADINGS
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_a_final_plan_is_not_marked_and_names_the_school(case: Case) -> None:
    backend, sam = case
    _issue(backend, sam)
    backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=False)
    reader = PdfReader(io.BytesIO(backend.plans.render(sam, "pdf")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "DRAFT" not in text
    assert "Name: Hillside Academy" in text and "Final plan (version 2)" in text
    draft = "\n".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(backend.plans.render(sam, "pdf", version=1))).pages
    )
    assert COMMENT_BY in draft and "Hillside Academy" not in draft


def test_a_working_draft_renders_as_not_yet_issued(case: Case) -> None:
    backend, sam = case
    backend.plans.start_draft(sam)
    document = _docx(backend.plans.render(sam, "docx", draft=True))
    assert document.sections[0].header.paragraphs[0].text == "DRAFT: not yet issued"


def test_the_letters_take_their_dates_and_changes_from_the_versions(case: Case) -> None:
    backend, sam = case
    _issue(backend, sam)
    backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=False)
    in_force = backend.plans.version(sam).plan
    f2 = dataclasses.replace(in_force.sections.F.items[1], frequency="3 sessions a week")
    sections = dataclasses.replace(
        in_force.sections,
        F=dataclasses.replace(in_force.sections.F, items=(in_force.sections.F.items[0], f2)),
        K=(*in_force.sections.K, "speech_and_language_therapy"),
    )
    amended = dataclasses.replace(in_force, sections=sections)
    backend.plans.amend(sam, date(2026, 12, 1), "Annual review", plan=amended, accept_failed=True)
    # the proposed plan lists its changes first, then the plan as it would be
    document = _docx(backend.plans.render(sam, "docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["What this amendment changes", *HEADINGS]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Added: Speech and language therapy" in bullets
    assert any(b.startswith("Taken out: f2: ") and "2 sessions a week" in b for b in bullets)
    assert document.sections[0].header.paragraphs[0].text == (
        "PROPOSED AMENDMENT: comments by Tuesday 15 December 2026"
    )  # 15 days beginning with Tuesday 1 December
    assert backend.plans.version_letter(sam, "draft_plan_cover").letter_date == date(2026, 10, 12)
    assert backend.plans.version_letter(sam, "final_plan").letter_date == date(2026, 11, 2)
    notice = backend.plans.version_letter(sam, "amendment_notice")
    assert (notice.letter_date, notice.version) == (date(2026, 12, 1), 3)
    assert notice.amendments == (
        "Section F (special educational provision): f2: Therapy on phrases that do not mean "
        "what they say; by speech and language therapist; how often 3 sessions a week; how "
        "long 30 minutes; group group of 3; review each term (it said: Therapy on phrases "
        "that do not mean what they say; by speech and language therapist; how often 2 "
        "sessions a week; how long 30 minutes; group group of 3; review each term)",
        "Section K (advice and information): we add Speech and language therapy",
    )
    # fed to the amendment notice template, the letter lists them
    store = backend._store
    with store.write() as session:
        add_family_member(
            session,
            {"child_id": sam, "name": "Alex Test", "relationship": "mother",
             "main_contact": True, "preferred_contact": "letter", "address": "1 High Street"},
        )  # fmt: skip
        for user in session.exec(select(User)).all():
            user.phone, user.email = "01632 960000", "casework@example.org"
    with store.read() as session:
        prepared = letters_service.prepare_letter(
            session, sam, "amendment_notice",
            {"amendments": list(notice.amendments), "evidence": ["Annual review report"]},
            today=TODAY, letter_date=notice.letter_date,
        )  # fmt: skip
    text = "\n".join("".join(run.text for run in block.runs) for block in prepared.letter.blocks)
    assert "how often 3 sessions a week" in text
    assert "we add Speech and language therapy" in text
    assert prepared.letter.letter_date == date(2026, 12, 1)


def test_a_letter_that_does_not_go_with_a_plan_is_refused(case: Case) -> None:
    from send_desk.backend import NotFound, Refused

    backend, sam = case
    with pytest.raises(Refused, match="not a letter that goes with a plan"):
        backend.plans.version_letter(sam, "decision_to_assess")
    with pytest.raises(NotFound, match="no version"):
        backend.plans.version_letter(sam, "final_plan")
