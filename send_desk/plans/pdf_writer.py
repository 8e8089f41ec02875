"""A plan as a PDF (fpdf2), with the letters' fonts (send_desk.letters.pdf_writer).

Each section A to K is a heading and an entry in the PDF's outline (the bookmarks a
reader jumps by); tables repeat their heading row on a new page; every page of a draft
carries DRAFT across it and, at the top, the last day to comment; the footer numbers
the pages "Page X of Y". The document's language is en-GB.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from send_desk.letters.pdf_writer import ACCENT, BOX_FILL, MAIN_FONT, PT_TO_MM, fonts_dir
from send_desk.plans.document import Part, PlanDocument, Table
from send_desk.textsafe import strip_control

BODY_PT = 10.5
SMALL_PT = 8.5
MARK_GREY = (225, 225, 225)
MARK_RED = (0xB0, 0x1E, 0x1E)
MARK_WIDTH = 190  # mm along the diagonal of an A4 page, clear of the corners


def _text(value: str) -> str:
    return strip_control(value)


class _PlanPdf(FPDF):
    def __init__(self, plan: PlanDocument, total_pages: int | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.plan = plan
        # "of Y" counts the appendices too when they follow (send_desk.plans.appendices)
        self.total = "{nb}" if total_pages is None else str(total_pages)
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(True, margin=20)
        folder = fonts_dir()
        self.add_font(MAIN_FONT, "", str(folder / "DejaVuSans.ttf"))
        self.add_font(MAIN_FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
        self.set_title(_text(f"{plan.title}: {plan.child_name}"))
        self.set_author(_text(plan.council))
        self.set_subject(_text(plan.status))
        self.set_creator("SEND Desk")
        self.set_lang("en-GB")

    def header(self) -> None:
        mark = self.plan.mark
        if mark:
            # across the page, behind what follows
            size = 96
            self.set_font(MAIN_FONT, "B", size)
            # as large as fits across the page's diagonal
            while size > 24 and self.get_string_width(mark) > MARK_WIDTH:
                size -= 4
                self.set_font(MAIN_FONT, "B", size)
            self.set_text_color(*MARK_GREY)
            width = self.get_string_width(mark)
            with self.rotation(45, self.w / 2, self.h / 2):
                self.text(self.w / 2 - width / 2, self.h / 2 + 12, mark)
            self.set_text_color(*MARK_RED)
            self.set_font(MAIN_FONT, "B", 12)
            self.set_y(9)
            self.cell(0, 6, _text(self.plan.page_mark or mark), align="C")
        else:
            self.set_text_color(90, 90, 90)
            self.set_font(MAIN_FONT, "", SMALL_PT)
            self.set_y(10)
            self.cell(0, 5, _text(f"{self.plan.council}: {self.plan.title}"), align="C")
        self.set_text_color(0, 0, 0)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_text_color(90, 90, 90)
        self.set_font(MAIN_FONT, "", SMALL_PT)
        self.cell(0, 5, _text(self.footer_text(self.page_no())), align="C")
        self.set_text_color(0, 0, 0)

    def footer_text(self, number: int) -> str:
        return f"{self.plan.child_name}: {self.plan.status}  ·  Page {number} of {self.total}"

    def paragraph(self, text: str, *, size: float = BODY_PT, bold: bool = False,
                  indent: float = 0.0, bullet: bool = False) -> None:  # fmt: skip
        self.set_font(MAIN_FONT, "B" if bold else "", size)
        left = self.l_margin
        if bullet:  # a hanging bullet: the text's lines align after it
            self.set_x(left + indent)
            self.cell(5, size * PT_TO_MM * 1.35, "•")
            indent += 5
        self.set_left_margin(left + indent)
        self.set_x(left + indent)
        self.multi_cell(
            0, size * PT_TO_MM * 1.35, _text(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_left_margin(left)
        self.set_x(left)
        self.ln(size * PT_TO_MM * 0.5)

    def heading(self, text: str, size: float, level: int, keep: float = 0.0) -> None:
        # a heading never ends a page: it goes with ``keep`` mm of what follows
        if self.will_page_break(size * PT_TO_MM * 3 + max(keep, 12.0)):
            self.add_page()
        self.start_section(_text(text), level=level)
        self.set_text_color(*ACCENT)
        self.paragraph(text, size=size, bold=True)
        self.set_text_color(0, 0, 0)

    def table_of(self, data: Table) -> None:
        self.set_font(MAIN_FONT, "", SMALL_PT)
        with self.table(
            col_widths=data.widths,
            headings_style=FontFace(emphasis="BOLD", fill_color=BOX_FILL),
            line_height=SMALL_PT * PT_TO_MM * 1.35,
            repeat_headings=1,
            cell_fill_mode=TableCellFillMode.NONE,
            text_align="LEFT",
        ) as table:
            table.row([_text(h) for h in data.headers])
            for values in data.rows:
                table.row([_text(v) for v in values])
        self.ln(3)


def _part(pdf: _PlanPdf, part: Part) -> None:
    if part.kind == "subheading":
        pdf.heading(part.text, BODY_PT + 0.5, 2)
    elif part.kind == "bullet":
        pdf.paragraph(part.text, indent=4, bullet=True)
    elif part.kind == "table" and part.table is not None:
        pdf.table_of(part.table)
    else:
        pdf.paragraph(part.text)


def write_plan_pdf(plan: PlanDocument, *, total_pages: int | None = None) -> bytes:
    """The plan as a PDF file's bytes; ``total_pages``: the "of Y" of the page numbers
    when appendices follow (the plan's own count otherwise)."""
    pdf = _PlanPdf(plan, total_pages)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_text_color(*ACCENT)
    pdf.paragraph(plan.council, bold=True)
    pdf.set_text_color(0, 0, 0)
    pdf.heading(plan.title, 18, 0)
    pdf.set_font(MAIN_FONT, "", BODY_PT)
    with pdf.table(
        col_widths=(1, 3),
        first_row_as_headings=False,
        line_height=BODY_PT * PT_TO_MM * 1.4,
        text_align="LEFT",
    ) as table:
        for label, value in plan.facts:
            row = table.row()
            row.cell(_text(label), style=FontFace(emphasis="BOLD", fill_color=BOX_FILL))
            row.cell(_text(value))
    pdf.ln(4)
    for section in plan.sections:
        starts_with_table = bool(section.parts) and section.parts[0].kind == "table"
        # a table's heading row and first row (about 30 mm) go with the section heading
        pdf.heading(section.heading, 13, 1, keep=30.0 if starts_with_table else 12.0)
        for part in section.parts:
            _part(pdf, part)
    return bytes(pdf.output())
