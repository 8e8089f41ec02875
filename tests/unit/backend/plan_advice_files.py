"""Small synthetic advice reports for the plan's Section K and appendix tests: a PDF
of a known number of pages, a PNG, a Word document, a damaged and an encrypted PDF."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from docx import Document
from fpdf import FPDF
from pypdf import PdfWriter


def pdf_file(path: Path, pages: int, text: str = "Advice page") -> Path:
    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=14)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"{text} {number}")
    path.write_bytes(bytes(pdf.output()))
    return path


def png_file(path: Path, width: int = 40, height: int = 20) -> Path:
    """A plain red PNG (written by hand: no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
    path.write_bytes(data + chunk(b"IEND", b""))
    return path


def docx_file(path: Path) -> Path:
    document = Document()
    document.add_paragraph("What the school says about Sam.")
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    return path


def damaged_pdf(path: Path) -> Path:
    """Starts like a PDF (so it is attached as one) but holds no readable PDF."""
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbled advice\x01" * 200)
    return path


def encrypted_pdf(path: Path) -> Path:
    source = io.BytesIO(pdf_file(path, 1).read_bytes())
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password="secret-synthetic", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return path
