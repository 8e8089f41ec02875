"""The text of a letter file: DOCX (python-docx), PDF (pypdf) or plain text."""

from __future__ import annotations

import io
import re
from pathlib import Path

# Bidi controls that PDF text extraction adds around right-to-left runs.
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class UnreadableLetter(ValueError):
    """The file is not a letter SEND Desk can read; the message says why."""


def docx_text(data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise UnreadableLetter(f"not a Word document that can be read ({error})") from None
    lines: list[str] = []
    body = document.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(paragraph.text for paragraph in cell.paragraphs)
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise UnreadableLetter(f"not a PDF that can be read ({error})") from None
    return _CONTROLS.sub("", "\n".join(pages))


def letter_text(path: Path) -> str:
    """The text of a .docx, .pdf or text file (by its content, then its name)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableLetter(f"{path}: no such file") from None
    except OSError as error:
        raise UnreadableLetter(f"{path}: cannot be read ({error.strerror})") from None
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return pdf_text(data)
    if data.startswith(b"PK") or suffix == ".docx":
        return docx_text(data)
    if suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableLetter(
            f"{path.name} is an old Word (.doc) file: save it as .docx, PDF or text first"
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableLetter(f"{path.name} is not text, DOCX or PDF")
