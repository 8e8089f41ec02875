"""A plan as a Word document, in the letters' house style (send_desk.letters.docx_writer).

Word's own Heading styles carry the structure (Heading 1 the title, Heading 2 each
section A to K, Heading 3 the parts of a section) so the navigation pane and screen
readers find them; tables repeat their header row on each page; the footer numbers the
pages "Page X of Y" and a draft's header says DRAFT, with the last day to comment, on
every page. British English throughout.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell

from send_desk.letters.docx_writer import ACCENT, FONT, LANGUAGE, _field, _language
from send_desk.plans.document import Part, PlanDocument, Table
from send_desk.textsafe import strip_control

TITLE_STYLE = "Heading 1"
SECTION_STYLE = "Heading 2"
PART_STYLE = "Heading 3"
BODY_PT = 11
SMALL_PT = 9
MARK_RED = RGBColor(0xB0, 0x1E, 0x1E)
FILL = "E8F0FA"  # the letters' key box colour
USABLE_CM = 21.0 - 2 * 2.0


def _text(value: str) -> str:
    return strip_control(value)


def _styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _language(document)
    for name, size in ((TITLE_STYLE, 18), (SECTION_STYLE, 14), (PART_STYLE, 11.5)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = ACCENT
        fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if fonts is not None:  # the theme's heading font would win over Arial
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attribute), None)
            fonts.set(qn("w:ascii"), FONT)
            fonts.set(qn("w:hAnsi"), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), LANGUAGE)
        style.element.get_or_add_rPr().append(lang)


def _repeat_header(table: DocxTable) -> None:
    props = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _fill(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _set_widths(table: DocxTable, widths: list[Length]) -> None:
    # Word reads the cells' widths, LibreOffice the grid's: both are set
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _table(document: DocxDocument, data: Table) -> None:
    table = document.add_table(rows=1, cols=len(data.headers))
    table.style = document.styles["Table Grid"]
    for cell, header in zip(table.rows[0].cells, data.headers, strict=True):
        run = cell.paragraphs[0].add_run(header)
        run.bold = True
        run.font.size = Pt(SMALL_PT + 0.5)
        _fill(cell, FILL)
    _repeat_header(table)
    for values in data.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            run = cell.paragraphs[0].add_run(_text(value))
            run.font.size = Pt(SMALL_PT + 0.5)
    total = sum(data.widths)
    _set_widths(table, [Cm(USABLE_CM * w / total) for w in data.widths])
    document.add_paragraph()


def _part(document: DocxDocument, part: Part) -> None:
    if part.kind == "subheading":
        document.add_paragraph(_text(part.text), style=PART_STYLE)
    elif part.kind == "bullet":
        document.add_paragraph(_text(part.text), style="List Bullet")
    elif part.kind == "table" and part.table is not None:
        _table(document, part.table)
    else:
        document.add_paragraph(_text(part.text))


def _header_and_footer(document: DocxDocument, plan: PlanDocument) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark = plan.page_mark
    if mark:
        run = header.add_run(_text(mark))
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = MARK_RED
    else:
        run = header.add_run(_text(f"{plan.council}: {plan.title}"))
        run.font.size = Pt(SMALL_PT)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lead = footer.add_run(_text(f"{plan.child_name}: {plan.status}  ·  Page "))
    lead.font.size = Pt(SMALL_PT)
    _field(footer, "PAGE", "1", SMALL_PT)
    of = footer.add_run(" of ")
    of.font.size = Pt(SMALL_PT)
    _field(footer, "NUMPAGES", "1", SMALL_PT)


def _properties(document: DocxDocument, plan: PlanDocument) -> None:
    core = document.core_properties
    core.title = _text(f"{plan.title}: {plan.child_name}")
    core.author = _text(plan.council)
    core.last_modified_by = _text(plan.council)
    core.subject = _text(plan.status)
    core.comments = ""
    core.keywords = ""
    core.language = LANGUAGE
    if plan.plan_date is not None:
        dated = datetime.combine(plan.plan_date, time(9, 0), tzinfo=UTC)
        core.created = core.modified = core.last_printed = dated
    core.revision = 1


def write_plan_docx(plan: PlanDocument) -> bytes:
    """The plan as a .docx file's bytes."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    _styles(document)
    _properties(document, plan)
    _header_and_footer(document, plan)
    council = document.add_paragraph()
    run = council.add_run(_text(plan.council))
    run.bold = True
    run.font.color.rgb = ACCENT
    document.add_paragraph(_text(plan.title), style=TITLE_STYLE)
    facts = document.add_table(rows=0, cols=2)
    facts.style = document.styles["Table Grid"]
    for label, value in plan.facts:
        left, right = facts.add_row().cells
        left.paragraphs[0].add_run(_text(label)).bold = True
        _fill(left, FILL)
        right.paragraphs[0].add_run(_text(value))
    _set_widths(facts, [Cm(5), Cm(USABLE_CM - 5)])
    document.add_paragraph()
    for plan_section in plan.sections:
        heading = document.add_paragraph(_text(plan_section.heading), style=SECTION_STYLE)
        heading.paragraph_format.keep_with_next = True
        for part in plan_section.parts:
            _part(document, part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
