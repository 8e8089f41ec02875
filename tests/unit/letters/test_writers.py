# ruff: noqa: E501  (the letters are written as a family would get them, one paragraph a line)
"""DOCX and PDF as their readers expect: Word's Heading styles, British English, page
numbers as fields, the letter's own properties; the PDF keeps the signature with the
letter and a bullet with its text; check-letter recognises the template of a file."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from send_desk.cli import main
from send_desk.letters.document import Letter, parse_markup
from send_desk.letters.docx_writer import write_docx
from send_desk.letters.pdf_writer import write_pdf

COUNCIL = {
    "name": "Northtown Council",
    "service": "Special educational needs team",
    "address_lines": ["Town Hall", "Northtown NT1 1AA"],
    "phone": "01632 960000",
    "website": "www.northtown.example.org",
}


def _letter(
    markup: str, *, variant: str = "standard", template: str = "draft_plan_cover"
) -> Letter:
    return Letter(
        template=template,
        title="Sam’s draft plan",
        variant=variant,
        letter_date=date(2026, 11, 23),
        reference="SD-0000ABCD",
        recipient_name="Alex Test",
        recipient_address=("1 High Street", "Northtown NT1 1AB"),
        salutation="Dear Alex Test,",
        blocks=tuple(parse_markup(markup)),
        signoff="Yours sincerely,",
        caseworker_name="Pat White",
        caseworker_role="Caseworker, special educational needs team",
        caseworker_phone="01632 960001",
        caseworker_email="pat.white@example.org",
        council=dict(COUNCIL),
    )


DRAFT = """# Sam’s draft plan
> Here is Sam’s draft plan. Please tell us what you think by **Monday 7 December 2026**.

We have written a draft plan for Sam Test.

##[comment_period] Tell us what you think
You have at least 15 days to tell us what you think. Please reply by Monday 7 December 2026.

##[school_request] Asking for a school or college
You can ask us to name a school or college in the plan. Tell us by Monday 7 December 2026.

##[meeting] Meeting us
You can ask to meet us to talk about the draft.

##[sendiass] Free, independent advice
You can get free advice from the special educational needs and disabilities information, advice and support service (SENDIASS).
"""


def test_the_docx_uses_word_heading_styles_british_english_and_page_fields() -> None:
    data = write_docx(_letter(DRAFT))
    document = Document(io.BytesIO(data))
    styled = {p.text: p.style.name for p in document.paragraphs if p.text}
    assert styled["Sam’s draft plan"] == "Heading 1"
    assert styled["Tell us what you think"] == "Heading 2"
    assert styled["Meeting us"] == "Heading 2"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
        footer = "".join(
            package.read(name).decode() for name in package.namelist() if "footer" in name
        )
    assert 'w:lang w:val="en-GB"' in styles
    assert "Page " in footer and " PAGE " in footer and " NUMPAGES " in footer
    assert footer.index(" PAGE ") < footer.index(" of ") < footer.index(" NUMPAGES ")


def test_the_docx_properties_are_the_letters_own() -> None:
    core = Document(io.BytesIO(write_docx(_letter(DRAFT)))).core_properties
    assert core.title == "Sam’s draft plan"
    assert core.author == "Northtown Council"
    assert core.created is not None and core.created.date() == date(2026, 11, 23)
    assert core.modified is not None and core.modified.date() == date(2026, 11, 23)
    assert core.language == "en-GB"
    assert "python-docx" not in f"{core.author} {core.comments} {core.last_modified_by}"


def _page_texts(data: bytes) -> list[str]:
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [line for line in (page.extract_text() or "").splitlines() if line.strip()]
        pages.append("\n".join(line for line in lines if "page " not in line.lower()))
    return pages


@pytest.mark.parametrize("paragraphs", range(16, 24))
def test_the_signature_never_stands_alone_on_a_page(paragraphs: int) -> None:
    markup = "# A letter\n\n" + "\n\n".join(
        f"Paragraph {n}: we looked at the reports from the school and from health."
        for n in range(paragraphs)
    )
    pages = _page_texts(write_pdf(_letter(markup)))
    last = pages[-1]
    assert "Pat White" in last
    assert f"Paragraph {paragraphs - 1}:" in last, (len(pages), last)


@pytest.mark.parametrize("bullets", range(16, 24))
def test_no_page_holds_only_a_bullet_in_easy_read(bullets: int) -> None:
    markup = "# A letter\n\n## What we found\n" + "\n".join(
        f"- Point {n}: the school helps with reading every day." for n in range(bullets)
    )
    for number, text in enumerate(_page_texts(write_pdf(_letter(markup, variant="easy_read")))):
        for line in text.splitlines():
            assert line.strip() != "•", (number, text)


def test_control_characters_never_reach_the_files() -> None:
    letter = _letter("# A letter\n\nSam\x1b[31m reads well.\x07")
    letter = Letter(**{**letter.__dict__, "recipient_name": "Alex\x00 Test"})
    pdf_text = " ".join(_page_texts(write_pdf(letter)))
    assert "\x1b" not in pdf_text and "\x07" not in pdf_text and "Sam[31m reads well." in pdf_text
    docx = Document(io.BytesIO(write_docx(letter)))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "\x1b" not in text and "\x00" not in text and "Alex Test" in text


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_check_letter_recognises_the_template_and_its_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    # the draft plan cover without its offer of a meeting
    without_meeting = DRAFT.replace(
        "##[meeting] Meeting us\nYou can ask to meet us to talk about the draft.\n\n", ""
    )
    letter = _letter(without_meeting)
    path = tmp_path / f"letter{suffix}"
    path.write_bytes(write_docx(letter) if suffix == ".docx" else write_pdf(letter))
    main(["check-letter", str(path), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["template"] == "draft_plan_cover"
    assert result["sections"]["missing"] == ["meeting"]
    assert not result["passed"]


def test_check_letter_recognises_a_text_letter_by_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(_letter(DRAFT, template="x").plain_text(), encoding="utf-8")
    main(["check-letter", str(path)])
    out = capsys.readouterr().out
    assert "Recognised as the letter template 'draft_plan_cover'" in out
    assert ": No problems to fix. Reading age about 8: meets the aim of 9." in out


def test_the_marker_survives_another_program_saving_the_letter() -> None:
    from send_desk.letters.manifest import default_manifest
    from send_desk.letters.recognise import template_from_keywords

    manifest = default_manifest()
    assert template_from_keywords("SEND Desk; final_plan; SD-1", manifest) == "final_plan"
    assert template_from_keywords("SEND, Desk, final_plan, SD-1", manifest) == "final_plan"
    assert template_from_keywords("Desk; final_plan", manifest) is None
