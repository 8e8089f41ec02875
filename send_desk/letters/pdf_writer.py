"""A letter as a PDF (fpdf2): bundled Unicode fonts, HarfBuzz text shaping.

DejaVu Sans is the main font; Noto fonts for Arabic script (Urdu, Arabic, Sorani),
Bengali, Gurmukhi, Gujarati and Ethiopic are fallbacks for characters DejaVu lacks.
Text shaping (uharfbuzz) joins Arabic letters and lays out right-to-left text, so a
family's name in Urdu prints as they write it.

The signature block is kept with the letter's last paragraph (it never stands alone on
a page), and a bullet moves to the next page with its text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from send_desk.letters.document import Letter, LetterBlock, Run, is_rtl_text
from send_desk.letters.layout import Layout, layout_for
from send_desk.letters.recognise import marker
from send_desk.resources import resource_path
from send_desk.textsafe import strip_control

MAIN_FONT = "DejaVu"
_FALLBACKS = (
    ("NotoArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    ("NotoBengali", "NotoSansBengali-Regular.ttf", None),
    ("NotoGurmukhi", "NotoSansGurmukhi-Regular.ttf", None),
    ("NotoGujarati", "NotoSansGujarati-Regular.ttf", None),
    ("NotoEthiopic", "NotoSansEthiopic-Regular.ttf", None),
)
ACCENT = (0x1F, 0x3A, 0x5F)
BOX_FILL = (0xE8, 0xF0, 0xFA)
PT_TO_MM = 25.4 / 72


def fonts_dir() -> Path:
    return resource_path("fonts")


class _LetterPdf(FPDF):
    def __init__(self, letter: Letter, layout: Layout) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.letter = letter
        self.layout = layout
        self.set_margins(22, 18, 22)
        self.set_auto_page_break(True, margin=20)
        folder = fonts_dir()
        self.add_font(MAIN_FONT, "", str(folder / "DejaVuSans.ttf"))
        self.add_font(MAIN_FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
        names = []
        for name, regular, bold in _FALLBACKS:
            self.add_font(name, "", str(folder / regular))
            if bold:
                self.add_font(name, "B", str(folder / bold))
            names.append(name)
        self.set_fallback_fonts(names, exact_match=False)
        self.set_text_shaping(True)
        council = letter.council
        self.set_title(letter.title)
        self.set_author(letter.caseworker_name)
        self.set_subject(f"{council.get('name', '')}: {letter.title}")
        self.set_creator("SEND Desk")
        self.set_keywords(marker(letter.template, letter.reference))
        self.set_lang("en-GB")

    def footer(self) -> None:
        # two lines: the council's details (smaller when they would not fit, as in
        # large print) and "Page X of Y"
        self.set_y(-16)
        size = self.layout.small_pt
        self.set_text_color(90, 90, 90)
        council = self.letter.council
        text = " · ".join(
            str(x) for x in (council.get("name"), council.get("phone"), council.get("website")) if x
        )
        width = self.w - self.l_margin - self.r_margin
        self.set_font(MAIN_FONT, "", size)
        while size > 7 and self.get_string_width(text) > width:
            size -= 0.5
            self.set_font(MAIN_FONT, "", size)
        self.cell(0, 4.5, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(MAIN_FONT, "", self.layout.small_pt)
        self.cell(0, 4.5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    # -- text

    def line_height(self, size: float) -> float:
        return size * PT_TO_MM * self.layout.line_spacing

    def runs(
        self,
        runs: tuple[Run, ...] | list[Run],
        size: float,
        *,
        bold: bool = False,
        indent: float = 0.0,
    ) -> None:
        text = "".join(run.text for run in runs)
        height = self.line_height(size)
        if is_rtl_text(text) or all(not run.bold for run in runs) or bold:
            # one multi_cell: shaping and bidi over the whole paragraph
            self.set_font(MAIN_FONT, "B" if bold or all(r.bold for r in runs) else "", size)
            self.set_x(self.l_margin + indent)
            align = "R" if is_rtl_text(text) else "L"
            self.multi_cell(0, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            return
        left = self.l_margin
        self.set_left_margin(left + indent)
        self.set_x(left + indent)
        for run in runs:
            self.set_font(MAIN_FONT, "B" if run.bold else "", size)
            self.write(height, run.text)
        self.ln(height)
        self.set_left_margin(left)

    def space(self, points: float) -> None:
        self.ln(points * PT_TO_MM)

    def height_of(
        self, runs: tuple[Run, ...] | list[Run], size: float, indent: float = 0.0
    ) -> float:
        """How tall the runs will print (a dry run of the same line breaking)."""
        text = "".join(run.text for run in runs)
        self.set_font(MAIN_FONT, "B" if runs and all(r.bold for r in runs) else "", size)
        lines = self.multi_cell(
            self.w - self.l_margin - self.r_margin - indent,
            self.line_height(size),
            text,
            dry_run=True,
            output="LINES",
        )
        assert isinstance(lines, list)
        return len(lines) * self.line_height(size)

    def keep_together(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one."""
        if self.will_page_break(height):
            self.add_page()


def _block(pdf: _LetterPdf, block: LetterBlock, layout: Layout) -> None:
    if block.kind == "title":
        pdf.set_text_color(*ACCENT)
        pdf.runs(block.runs, layout.title_pt, bold=True)
        pdf.set_text_color(0, 0, 0)
        pdf.space(layout.paragraph_space_pt)
    elif block.kind == "heading":
        if pdf.will_page_break(pdf.line_height(layout.heading_pt) * 3):
            pdf.add_page()
        pdf.space(layout.paragraph_space_pt / 2)
        pdf.set_text_color(*ACCENT)
        pdf.runs(block.runs, layout.heading_pt, bold=True)
        pdf.set_text_color(0, 0, 0)
        pdf.space(3)
    elif block.kind == "keybox":
        pdf.set_font(MAIN_FONT, "B", layout.body_pt)
        pdf.set_fill_color(*BOX_FILL)
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.4)
        text = block.text
        pdf.multi_cell(
            0,
            pdf.line_height(layout.body_pt),
            text,
            border=1,
            fill=True,
            padding=3,
            align="R" if is_rtl_text(text) else "L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.space(layout.paragraph_space_pt)
    elif block.kind == "bullet":
        # the bullet and its text on one page: never a page holding only the bullet
        pdf.keep_together(pdf.height_of(block.runs, layout.body_pt, indent=7))
        pdf.set_font(MAIN_FONT, "", layout.body_pt)
        y = pdf.get_y()
        pdf.set_x(pdf.l_margin + 2)
        pdf.cell(5, pdf.line_height(layout.body_pt), "•")
        pdf.set_y(y)
        pdf.runs(block.runs, layout.body_pt, indent=7)
        pdf.space(2)
    else:
        pdf.runs(block.runs, layout.body_pt)
        pdf.space(layout.paragraph_space_pt)


def _letterhead(pdf: _LetterPdf, letter: Letter, layout: Layout, logo: Path | None) -> None:
    council: dict[str, Any] = letter.council
    top = pdf.get_y()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if logo is not None:
        pdf.image(str(logo), x=pdf.l_margin, y=top, h=16)
        pdf.set_y(top + 18)
    pdf.set_text_color(*ACCENT)
    pdf.set_font(MAIN_FONT, "B", layout.heading_pt)
    pdf.multi_cell(
        width * 0.55,
        pdf.line_height(layout.heading_pt),
        str(council.get("name", "")),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(MAIN_FONT, "", layout.small_pt)
    lines = [str(council.get("service", "")), *[str(x) for x in council.get("address_lines", [])]]
    pdf.multi_cell(
        width * 0.55,
        pdf.line_height(layout.small_pt),
        "\n".join(x for x in lines if x),
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    left_bottom = pdf.get_y()
    # the caseworker's direct contact, top right
    box_x = pdf.l_margin + width * 0.58
    pdf.set_xy(box_x, top if logo is None else top + 18)
    pdf.set_font(MAIN_FONT, "B", layout.small_pt)
    pdf.multi_cell(
        width * 0.42,
        pdf.line_height(layout.small_pt),
        "Your caseworker",
        new_x=XPos.LEFT,
        new_y=YPos.NEXT,
    )
    pdf.set_font(MAIN_FONT, "", layout.small_pt)
    contact = "\n".join(
        [
            letter.caseworker_name,
            f"Phone: {letter.caseworker_phone}",
            f"Email: {letter.caseworker_email}",
            f"Our reference: {letter.reference}",
        ]
    )
    pdf.multi_cell(
        width * 0.42,
        pdf.line_height(layout.small_pt),
        contact,
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_y(max(left_bottom, pdf.get_y()) + 4)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.5)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(6)


def _clean(letter: Letter) -> Letter:
    """The letter without control characters (a record from before the validators)."""

    def runs(block: LetterBlock) -> LetterBlock:
        return replace(block, runs=tuple(Run(strip_control(r.text), r.bold) for r in block.runs))

    council = {k: strip_control(v) if isinstance(v, str) else v for k, v in letter.council.items()}
    if isinstance(council.get("address_lines"), list):
        council["address_lines"] = [strip_control(str(x)) for x in council["address_lines"]]
    one = {"multiline": False}
    return replace(
        letter,
        title=strip_control(letter.title, **one),
        reference=strip_control(letter.reference, **one),
        recipient_name=strip_control(letter.recipient_name, **one),
        recipient_address=tuple(strip_control(x, **one) for x in letter.recipient_address),
        salutation=strip_control(letter.salutation, **one),
        blocks=tuple(runs(block) for block in letter.blocks),
        signoff=strip_control(letter.signoff, **one),
        caseworker_name=strip_control(letter.caseworker_name, **one),
        caseworker_role=strip_control(letter.caseworker_role, **one),
        caseworker_phone=strip_control(letter.caseworker_phone, **one),
        caseworker_email=strip_control(letter.caseworker_email, **one),
        council=council,
    )


def _signature_height(pdf: _LetterPdf, letter: Letter, layout: Layout) -> float:
    lines = 1 + 4  # the sign-off, then name, role, phone and email
    return lines * pdf.line_height(layout.body_pt) + layout.body_pt * 2 * PT_TO_MM


def write_pdf(letter: Letter, *, logo: Path | None = None) -> bytes:
    """The letter as a PDF file's bytes."""
    letter = _clean(letter)
    layout = layout_for(letter.variant)
    pdf = _LetterPdf(letter, layout)
    pdf.alias_nb_pages()
    pdf.add_page()
    _letterhead(pdf, letter, layout, logo)
    pdf.set_font(MAIN_FONT, "", layout.body_pt)
    for line in (letter.recipient_name, *letter.recipient_address):
        pdf.runs([Run(line)], layout.body_pt)
    pdf.space(layout.body_pt)
    pdf.runs([Run(letter.date_text)], layout.body_pt)
    pdf.space(layout.body_pt)
    pdf.runs([Run(letter.salutation)], layout.body_pt)
    pdf.space(layout.paragraph_space_pt)
    signature = _signature_height(pdf, letter, layout)
    for index, block in enumerate(letter.blocks):
        if index == len(letter.blocks) - 1:
            # the last paragraph goes with the signature: it never stands alone
            pdf.keep_together(
                pdf.height_of(block.runs, layout.body_pt)
                + layout.paragraph_space_pt * PT_TO_MM
                + signature
            )
        _block(pdf, block, layout)
        following = letter.blocks[index + 1] if index + 1 < len(letter.blocks) else None
        if block.kind == "bullet" and (following is None or following.kind != "bullet"):
            pdf.space(layout.paragraph_space_pt - 2)
    pdf.runs([Run(letter.signoff)], layout.body_pt)
    pdf.space(layout.body_pt * 2)
    pdf.runs([Run(letter.caseworker_name)], layout.body_pt, bold=True)
    for line in (
        letter.caseworker_role,
        f"Phone: {letter.caseworker_phone}",
        f"Email: {letter.caseworker_email}",
    ):
        pdf.runs([Run(line)], layout.body_pt)
    return bytes(pdf.output())
