"""What a file is, read from its content (never its name): the document kinds a case
may hold, and a refusal for everything else.

Accepted: PDF; Word, Excel and OpenDocument text (a zip with the members that make
one: a renamed zip of anything else is refused, and so is one carrying macros); PNG,
JPEG and TIFF images; plain text; RTF; an email (EML, or Outlook's MSG).
Refused whatever the name says: programs (Windows ``MZ``, Linux ``ELF``, macOS
Mach-O), scripts (``#!``, batch files, PHP, HTML and XML, which browsers run), and
anything not listed above.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from send_desk.services.errors import ValidationFailed

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
TEXT = "text/plain"
RTF = "application/rtf"
EML = "message/rfc822"
MSG = "application/vnd.ms-outlook"

# What a person calls each kind (the app's list, the command line's messages).
MEDIA_LABELS = {
    PDF: "PDF",
    DOCX: "Word document",
    XLSX: "Excel workbook",
    ODT: "OpenDocument text",
    PNG: "PNG image",
    JPEG: "JPEG image",
    TIFF: "TIFF image",
    TEXT: "Text",
    RTF: "Rich text (RTF)",
    EML: "Email",
    MSG: "Outlook email",
}

# How much of the start of a file is read to tell what it is.
HEAD_BYTES = 64 * 1024

_PROGRAMS = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xfe\xed\xfa\xce", "a macOS program"),
    (b"\xfe\xed\xfa\xcf", "a macOS program"),
    (b"\xce\xfa\xed\xfe", "a macOS program"),
    (b"\xcf\xfa\xed\xfe", "a macOS program"),
    (b"\xca\xfe\xba\xbe", "a macOS program"),
    (b"#!", "a script"),
)
_SCRIPT_STARTS = (
    "@echo", "<?php", "<script", "<html", "<!doctype", "<?xml", "<svg", "<hta:",
    "set objshell", "wscript.", "powershell",
)  # fmt: skip
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Outlook keeps each property of a message in a stream named like this (UTF-16).
_MSG_STREAM = "__substg1.0_".encode("utf-16-le")
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]")
_MAIL_HEADERS = {b"from", b"to", b"subject", b"date", b"received", b"message-id", b"mime-version"}


class NotADocument(ValidationFailed):
    """The file is not one of the kinds a case may hold."""


def detect_media_type(path: Path, head: bytes) -> str:
    """The media type of the file at ``path`` whose first bytes are ``head``
    (``HEAD_BYTES`` of them, or the whole of a smaller file); raises NotADocument."""
    for magic, what in _PROGRAMS:
        if head.startswith(magic):
            raise NotADocument(
                f"{path.name} is {what}, not a document: programs and scripts are never "
                "attached to a case, whatever the file is called"
            )
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"PK\x03\x04"):
        return _office(path)
    if head.startswith(_OLE):
        if _MSG_STREAM in head or _ole_has_msg_stream(path):
            return MSG
        raise _refuse(path, "an old-style Office file (save it as PDF or .docx first)")
    return _text(path, head)


def _refuse(path: Path, what: str) -> NotADocument:
    return NotADocument(
        f"{path.name} is {what}: a case can hold PDF, Word (.docx), Excel (.xlsx), "
        "OpenDocument text, PNG, JPEG or TIFF images, plain text, RTF and emails"
    )


def _office(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        raise _refuse(path, "a damaged zip file") from None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise NotADocument(
            f"{path.name} carries macros (programs): save it without them (.docx or .xlsx) "
            "and attach that"
        )
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return XLSX
    if mimetype == ODT.encode() and "content.xml" in names:
        return ODT
    raise _refuse(path, "a zip file, not a Word, Excel or OpenDocument text document")


def _ole_has_msg_stream(path: Path) -> bool:
    # the directory of a compound file may sit anywhere in it: read it in pieces
    overlap = len(_MSG_STREAM)
    with path.open("rb") as handle:
        tail = b""
        while block := handle.read(1024 * 1024):
            if _MSG_STREAM in tail + block:
                return True
            tail = block[-overlap:]
    return False


def _text(path: Path, head: bytes) -> str:
    if b"\x00" in head:
        raise _refuse(path, "not a kind of document SEND Desk keeps")
    text = head.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(4, len(text) // 100):
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            raise _refuse(path, "not a kind of document SEND Desk keeps") from None
    if any(ord(char) < 32 and char not in "\t\r\n\f" for char in text):
        raise _refuse(path, "not a kind of document SEND Desk keeps")
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith(_SCRIPT_STARTS):
        raise NotADocument(
            f"{path.name} looks like a script or a web page, not a document: programs and "
            "scripts are never attached to a case, whatever the file is called"
        )
    if _is_email(head):
        return EML
    return TEXT


def _is_email(head: bytes) -> bool:
    """An email starts with header lines ("From: ...") up to a blank line, and names
    at least two of the usual headers."""
    seen = set()
    for line in head.split(b"\n")[:200]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a header folded onto the next line
        if not _HEADER_LINE.match(line):
            return False
        seen.add(line.split(b":", 1)[0].lower())
    return len(seen & _MAIL_HEADERS) >= 2


__all__ = ["HEAD_BYTES", "MEDIA_LABELS", "NotADocument", "detect_media_type"]
