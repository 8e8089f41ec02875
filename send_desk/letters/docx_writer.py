"""A letter as a Word document (python-docx): editable, styled, right-to-left aware.

Made as Word users expect: the title and section headings use Word's own Heading
styles (the navigation pane and screen readers find them), the language is British
English, the footer numbers the pages "Page X of Y" (Word fields), and the document's
properties name the letter, the council as author and the letter's date (none of the
template's own dates are left behind).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from send_desk.letters.document import Letter, LetterBlock, Run, direction_runs, is_rtl_text
from send_desk.letters.layout import Layout, layout_for
from send_desk.letters.recognise import marker
from send_desk.textsafe import strip_control

FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
LANGUAGE = "en-GB"
TITLE_STYLE = "Heading 1"
HEADING_STYLE = "Heading 2"


def _set_rtl_paragraph(paragraph: Paragraph) -> None:
    props = paragraph._p.get_or_add_pPr()
    bidi = OxmlElement("w:bidi")
    props.append(bidi)


def _add_text(paragraph: Paragraph, text: str, *, bold: bool, size: float) -> None:
    for piece, rtl in direction_runs(strip_control(text)):
        run = paragraph.add_run(piece)
        run.bold = bold
        run.font.size = Pt(size)
        run.font.name = FONT
        props = run._r.get_or_add_rPr()
        fonts = props.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            props.insert(0, fonts)
        fonts.set(qn("w:cs"), FONT)
        if rtl:
            props.append(OxmlElement("w:rtl"))
            size_cs = OxmlElement("w:szCs")
            size_cs.set(qn("w:val"), str(int(size * 2)))
            props.append(size_cs)
            if bold:
                props.append(OxmlElement("w:bCs"))


def _paragraph(
    container: DocxDocument | _Cell,
    runs: tuple[Run, ...] | list[Run],
    layout: Layout,
    *,
    size: float | None = None,
    bold: bool = False,
    style: str | None = None,
    space_after: float | None = None,
) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph(style=style)
    size = size or layout.body_pt
    for run in runs:
        _add_text(paragraph, run.text, bold=bold or run.bold, size=size)
    fmt = paragraph.paragraph_format
    fmt.line_spacing = layout.line_spacing
    fmt.space_after = Pt(layout.paragraph_space_pt if space_after is None else space_after)
    text = "".join(run.text for run in runs)
    if is_rtl_text(text):
        _set_rtl_paragraph(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def _shade(paragraph: Paragraph, fill: str) -> None:
    props = paragraph._p.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "12" if side == "left" else "4")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "1F3A5F")
        borders.append(edge)
    props.append(borders)


def _block(document: DocxDocument, block: LetterBlock, layout: Layout) -> None:
    if block.kind == "title":
        p = _paragraph(
            document, block.runs, layout, size=layout.title_pt, bold=True, style=TITLE_STYLE
        )
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.keep_with_next = True
        for run in p.runs:
            run.font.color.rgb = ACCENT
    elif block.kind == "heading":
        p = _paragraph(
            document,
            block.runs,
            layout,
            size=layout.heading_pt,
            bold=True,
            space_after=4,
            style=HEADING_STYLE,
        )
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(layout.paragraph_space_pt)
        for run in p.runs:
            run.font.color.rgb = ACCENT
    elif block.kind == "keybox":
        p = _paragraph(document, block.runs, layout, bold=True)
        _shade(p, "E8F0FA")
    elif block.kind == "bullet":
        _paragraph(document, block.runs, layout, style="List Bullet", space_after=3)
    else:
        _paragraph(document, block.runs, layout)


def _field(paragraph: Paragraph, code: str, shown: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES): Word and LibreOffice fill in the number."""

    def run_with(element: Any) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run.font.name = FONT
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    run_with(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    shown_run = paragraph.add_run(shown)
    shown_run.font.size = Pt(size)
    shown_run.font.name = FONT
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _language(document: DocxDocument) -> None:
    """British English for the whole document (spelling, and what a screen reader speaks)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    props = run_defaults.find(qn("w:rPr"))
    if props is None:
        props = OxmlElement("w:rPr")
        run_defaults.append(props)
    for old in props.findall(qn("w:lang")):
        props.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    props.append(lang)
    for name in ("Normal", TITLE_STYLE, HEADING_STYLE, "List Bullet"):
        style_props = document.styles[name].element.get_or_add_rPr()
        for old in style_props.findall(qn("w:lang")):
            style_props.remove(old)
        style_lang = OxmlElement("w:lang")
        style_lang.set(qn("w:val"), LANGUAGE)
        style_props.append(style_lang)


def _properties(document: DocxDocument, letter: Letter) -> None:
    """Title, the council as author, the letter's date: no date of python-docx's own
    template (2013) is left in the file."""
    council = letter.council
    name = strip_control(str(council.get("name", "")), multiline=False)
    dated = datetime.combine(letter.letter_date, time(9, 0), tzinfo=UTC)
    core = document.core_properties
    core.title = strip_control(letter.title, multiline=False)
    core.author = name
    core.last_modified_by = name
    core.subject = f"{name}: {core.title}"
    core.keywords = strip_control(marker(letter.template, letter.reference), multiline=False)
    core.comments = ""
    core.language = LANGUAGE
    core.created = dated
    core.modified = dated
    core.last_printed = dated
    core.revision = 1


def write_docx(letter: Letter) -> bytes:
    """The letter as a .docx file's bytes."""
    layout = layout_for(letter.variant)
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(layout.body_pt)
    _language(document)
    council = letter.council
    _properties(document, letter)

    # Letterhead: the council on the left, the caseworker and reference on the right.
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _add_text(left.paragraphs[0], str(council.get("name", "")), bold=True, size=layout.heading_pt)
    for run in left.paragraphs[0].runs:
        run.font.color.rgb = ACCENT
    lines = [str(council.get("service", "")), *[str(x) for x in council.get("address_lines", [])]]
    _paragraph(
        left, [Run("\n".join(x for x in lines if x))], layout, size=layout.small_pt, space_after=0
    )
    right.paragraphs[0].text = ""
    _add_text(right.paragraphs[0], "Your caseworker", bold=True, size=layout.small_pt)
    contact = [
        letter.caseworker_name,
        f"Phone: {letter.caseworker_phone}",
        f"Email: {letter.caseworker_email}",
        f"Our reference: {letter.reference}",
    ]
    _paragraph(right, [Run("\n".join(contact))], layout, size=layout.small_pt, space_after=0)
    document.add_paragraph()

    address = [letter.recipient_name, *letter.recipient_address]
    _paragraph(document, [Run("\n".join(address))], layout, space_after=layout.body_pt)
    _paragraph(document, [Run(letter.date_text)], layout, space_after=layout.body_pt)
    _paragraph(document, [Run(letter.salutation)], layout)
    for index, block in enumerate(letter.blocks):
        _block(document, block, layout)
        following = letter.blocks[index + 1] if index + 1 < len(letter.blocks) else None
        if block.kind == "bullet" and (following is None or following.kind != "bullet"):
            document.paragraphs[-1].paragraph_format.space_after = Pt(layout.paragraph_space_pt)
    _paragraph(document, [Run(letter.signoff)], layout, space_after=layout.body_pt * 2)
    signature = [
        letter.caseworker_name,
        letter.caseworker_role,
        f"Phone: {letter.caseworker_phone}",
        f"Email: {letter.caseworker_email}",
    ]
    _paragraph(document, [Run("\n".join(signature))], layout)

    footer = section.footer.paragraphs[0]
    footer.text = ""
    footer_text = " · ".join(
        str(x) for x in (council.get("name"), council.get("phone"), council.get("website")) if x
    )
    _add_text(footer, footer_text, bold=False, size=layout.small_pt)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    numbers = section.footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_text(numbers, "Page ", bold=False, size=layout.small_pt)
    _field(numbers, "PAGE", "1", layout.small_pt)
    _add_text(numbers, " of ", bold=False, size=layout.small_pt)
    _field(numbers, "NUMPAGES", "1", layout.small_pt)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
