"""The plan as a PDF with the advice reports Section K lists behind it, as appendices.

Appendix N is the Nth report K lists (:attr:`PlanDocument.appendices`). Each starts
on a page of its own headed "Appendix N: <title>" with what the report is (the advice
it answers, who wrote it, when it was received); then

* a PDF's pages follow as they are, each stamped at the top "Appendix N: <title>" and
  at the foot with the plan's page number;
* a PNG or JPEG image is printed on the heading page, fitted to it;
* anything else (a Word document, an email...) cannot be printed inside the plan: the
  heading page says it is attached separately;
* a report not held on this laptop (only recent documents are kept offline) gets the
  same page saying it is sent separately, when the caller accepts that.

The page numbers run on from the plan's ("Page 9 of 14" on the first appendix page of
an eight-page plan), so the plan is rendered twice: once to count its pages, then with
the total. Everything is built in memory; a report that cannot be read (a damaged or a
password-protected PDF, a broken image) raises :class:`AppendixError` naming it, and
nothing is returned to write.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject

from send_desk.letters.pdf_writer import ACCENT, MAIN_FONT, PT_TO_MM, fonts_dir
from send_desk.plans.diff import advice_label
from send_desk.plans.document import AdviceDocument, PlanDocument, long_date
from send_desk.plans.pdf_writer import BODY_PT, SMALL_PT, _PlanPdf, write_plan_pdf
from send_desk.textsafe import strip_control

PDF = "application/pdf"
IMAGES = frozenset({"image/png", "image/jpeg"})
MM_PER_PT = 25.4 / 72
STAMP_GREY = (70, 70, 70)


class AppendixError(ValueError):
    """A report that cannot be appended; the message names it. Nothing is written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class AppendixContent:
    """One appendix: the report, its bytes (None when this laptop does not hold it) and
    what kind of file it is, as a person says it ("Word document")."""

    number: int
    document: AdviceDocument
    data: bytes | None
    media_label: str = ""

    @property
    def heading(self) -> str:
        return f"Appendix {self.number}: {self.document.title}"

    @property
    def named(self) -> str:
        file = f" ({self.document.file_name})" if self.document.file_name else ""
        return f"Appendix {self.number}, '{self.document.title}'{file}"


def _text(value: str) -> str:
    return strip_control(value)


def _open_pdf(content: AppendixContent) -> PdfReader:
    """The report's pages, read whole now so a damaged file is found before anything
    is put together."""
    assert content.data is not None
    try:
        reader = PdfReader(io.BytesIO(content.data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise AppendixError(
                f"{content.named} is a password-protected PDF: it cannot be added to the "
                "plan. Attach a copy without the password, or export without appendices."
            )
        for page in reader.pages:
            _ = page.mediabox.width, page.rotation, page.get_contents()
    except AppendixError:
        raise
    # pypdf reports a damaged file through many kinds of error (its own, ValueError,
    # KeyError, struct and zlib errors...): any of them means this report cannot be read
    except Exception as error:  # noqa: BLE001
        raise AppendixError(
            f"{content.named} is a damaged PDF that cannot be read ({error}). Attach a good "
            "copy, or export without appendices; nothing was written."
        ) from None
    if not reader.pages:
        raise AppendixError(f"{content.named} is a PDF with no pages: nothing was written.")
    return reader


class _AppendixPages(_PlanPdf):
    """The pages the plan's writer makes for the appendices (their heading pages), each
    numbered where it falls in the whole document."""

    def __init__(self, plan: PlanDocument, total: int) -> None:
        super().__init__(plan, total)
        self.numbers: list[int] = []

    def footer_text(self, number: int) -> str:
        return self.footer_at(self.numbers[number - 1])

    def footer_at(self, number: int) -> str:
        """The foot of the page at ``number`` in the whole document."""
        return super().footer_text(number)

    def start(self, number: int, content: AppendixContent) -> None:
        self.numbers.append(number)
        self.add_page()
        self.set_text_color(*ACCENT)
        self.paragraph(content.heading, size=15, bold=True)
        self.set_text_color(0, 0, 0)
        document = content.document
        facts = []
        if document.kind:
            facts.append(f"The advice it gives: {advice_label(document.kind)}")
        if document.author:
            facts.append(f"Written by: {document.author}")
        if document.received_on is not None:
            facts.append(f"Received: {long_date(document.received_on)}")
        if document.file_name:
            facts.append(f"File: {document.file_name}")
        for fact in facts:
            self.paragraph(fact, size=BODY_PT)

    def note(self, text: str) -> None:
        self.ln(4)
        self.paragraph(text, size=BODY_PT, bold=True)

    def picture(self, content: AppendixContent) -> None:
        assert content.data is not None
        self.ln(2)
        top = self.get_y()
        width = self.w - self.l_margin - self.r_margin
        height = self.h - top - 20
        try:
            self.image(io.BytesIO(content.data), x=self.l_margin, y=top, w=width, h=height,
                       keep_aspect_ratio=True)  # fmt: skip
        # the image library's errors for a broken file vary (OSError, ValueError, its own)
        except Exception as error:  # noqa: BLE001
            raise AppendixError(
                f"{content.named} is an image that cannot be read ({error}). Attach a good "
                "copy, or export without appendices; nothing was written."
            ) from None


class _Stamps(FPDF):
    """A transparent page the size of each appended PDF page, carrying its appendix
    heading at the top and the plan's page number at the foot."""

    def __init__(self) -> None:
        super().__init__(unit="mm")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        folder = fonts_dir()
        self.add_font(MAIN_FONT, "", str(folder / "DejaVuSans.ttf"))

    def stamp(self, width: float, height: float, top: str, foot: str) -> None:
        self.add_page(format=(width, height))
        self.set_font(MAIN_FONT, "", SMALL_PT)
        self.set_text_color(*STAMP_GREY)
        line = SMALL_PT * PT_TO_MM * 1.4
        self.set_xy(10, 4)
        self.cell(width - 20, line, _text(top), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_xy(10, height - 4 - line)
        self.cell(width - 20, line, _text(foot), align="C")


def _close_fonts(pdf: FPDF) -> None:
    """fpdf2 reads a font file lazily and closes it only when the PDF is written: a
    PDF given up half-way (a report that cannot be read) closes them here."""
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.close()


def _pages_of(content: AppendixContent, reader: PdfReader | None) -> int:
    return 1 + (len(reader.pages) if reader is not None else 0)


def write_plan_with_appendices(plan: PlanDocument, contents: Sequence[AppendixContent]) -> bytes:
    """The plan's PDF with ``contents`` appended in order (see the module docstring)."""
    readers = [
        _open_pdf(c) if c.data is not None and c.document.media_type == PDF else None
        for c in contents
    ]
    own = len(PdfReader(io.BytesIO(write_plan_pdf(plan))).pages)
    total = own + sum(_pages_of(c, r) for c, r in zip(contents, readers, strict=True))
    main = PdfReader(io.BytesIO(write_plan_pdf(plan, total_pages=total)))
    pages = _AppendixPages(plan, total)
    stamps = _Stamps()
    try:
        # where each page comes from: ("heading", its index in pages) or ("pdf", reader, index)
        layout: list[tuple[str, int, PdfReader | None, str]] = []
        number = own
        for content, reader in zip(contents, readers, strict=True):
            number += 1
            pages.start(number, content)
            layout.append(("heading", len(pages.numbers) - 1, None, content.heading))
            media = content.document.media_type
            if content.data is None:
                pages.note(
                    "This report is not held on the computer this plan was printed on (only "
                    "recent documents are kept offline): it is sent separately."
                )
            elif reader is not None:
                count = len(reader.pages)
                pages.note(
                    f"The report follows on the next {count} page{'s' if count != 1 else ''} "
                    f"(pages {number + 1} to {number + count})."
                    if count > 1 else f"The report follows on the next page (page {number + 1})."
                )  # fmt: skip
                for index, page in enumerate(reader.pages):
                    number += 1
                    width, height = float(page.mediabox.width), float(page.mediabox.height)
                    if page.rotation % 180:  # shown turned a quarter: the stamp is upright
                        width, height = height, width
                    stamps.stamp(
                        width * MM_PER_PT, height * MM_PER_PT, content.heading,
                        pages.footer_at(number),
                    )  # fmt: skip
                    layout.append(("pdf", index, reader, content.heading))
            elif media in IMAGES:
                pages.picture(content)
            else:
                what = content.media_label or "file of another kind"
                article = "an" if what[:1].lower() in "aeiou" else "a"
                pages.note(
                    f"This report is {article} {what}: it cannot be printed inside the plan, so "
                    "it is attached separately."
                )
        return _assemble(main, pages, stamps, layout)
    finally:
        _close_fonts(pages)
        _close_fonts(stamps)


def _assemble(
    main: PdfReader,
    pages: _AppendixPages,
    stamps: _Stamps,
    layout: list[tuple[str, int, PdfReader | None, str]],
) -> bytes:
    made = PdfReader(io.BytesIO(bytes(pages.output())))
    stamped = PdfReader(io.BytesIO(bytes(stamps.output()))) if stamps.page_no() else None
    writer = PdfWriter()
    writer.append(main)
    if main.metadata:
        writer.add_metadata({str(k): str(v) for k, v in main.metadata.items()})
    writer.root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    stamp_index = 0
    for source, index, reader, heading in layout:
        if source == "heading":
            writer.add_page(made.pages[index])
            writer.add_outline_item(title=_text(heading), page_number=len(writer.pages) - 1)
            continue
        assert reader is not None and stamped is not None
        page = writer.add_page(reader.pages[index])
        try:
            page.transfer_rotation_to_content()  # the stamp then sits the right way up
            box = page.mediabox
            page.merge_transformed_page(
                stamped.pages[stamp_index],
                Transformation().translate(float(box.left), float(box.bottom)),
            )
        # as in _open_pdf: a content stream damaged deeper than its first reading
        except Exception as error:  # noqa: BLE001
            raise AppendixError(
                f"{heading}: page {index + 1} of the report is damaged ({error}); nothing "
                "was written."
            ) from None
        stamp_index += 1
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


__all__ = ["AppendixContent", "AppendixError", "write_plan_with_appendices"]
