"""Which template a letter file was made from, so ``check-letter`` needs no --template.

First the letter's own marker: SEND Desk writes ``SEND Desk; <template>; <reference>``
in the keywords of every DOCX and PDF it makes. A letter without one (a text file, a
letter saved again by another program) is recognised by its title line: each
template's ``# title`` with its merge fields as wildcards, matched as a whole line.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from send_desk.letters.manifest import Manifest, default_manifest

MARKER = "SEND Desk"
_FIELD = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def marker(template: str, reference: str) -> str:
    """The keywords a written letter carries."""
    return f"{MARKER}; {template}; {reference}"


def template_from_keywords(keywords: str | None, manifest: Manifest) -> str | None:
    """The template named in a letter's keywords: ``SEND Desk; <template>; <ref>`` as
    written, or split into words by another program (LibreOffice's PDF export writes
    ``SEND, Desk, <template>, <ref>``)."""
    words = [w for w in re.split(r"[;,\s]+", keywords or "") if w]
    if words[:2] != MARKER.split():
        return None
    return next((w for w in words[2:] if w in manifest.templates), None)


def file_keywords(path: Path) -> str | None:
    """The keywords stored in a DOCX or PDF file, or None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        if data.startswith(b"%PDF"):
            from pypdf import PdfReader

            info = PdfReader(io.BytesIO(data)).metadata
            value = info.get("/Keywords") if info else None
            return str(value) if value else None
        if data.startswith(b"PK"):
            from docx import Document

            return str(Document(io.BytesIO(data)).core_properties.keywords or "") or None
    except Exception:  # noqa: BLE001  (a damaged file has no marker; its text is still checked)
        return None
    return None


def _title_patterns(manifest: Manifest) -> list[tuple[str, re.Pattern[str], int]]:
    patterns = []
    for spec in manifest.templates.values():
        for file in filter(None, (spec.file, spec.easy_file)):
            path = manifest.folder / "templates" / file
            first = next(
                (
                    line
                    for line in path.read_text(encoding="utf-8").splitlines()
                    if line.startswith("# ")
                ),
                None,
            )
            if first is None:
                continue
            pieces = _FIELD.split(first[2:].strip())
            literal = sum(len(piece) for piece in pieces)
            body = ".+?".join(re.escape(piece) for piece in pieces)
            patterns.append((spec.name, re.compile(rf"^\s*{body}\s*$", re.MULTILINE), literal))
    return patterns


def recognise(text: str, path: Path | None = None, manifest: Manifest | None = None) -> str | None:
    """The template a letter was made from: its marker, else its title line."""
    manifest = manifest or default_manifest()
    if path is not None:
        found = template_from_keywords(file_keywords(path), manifest)
        if found:
            return found
    matches = [
        (literal, name)
        for name, pattern, literal in _title_patterns(manifest)
        if pattern.search(text)
    ]
    if not matches:
        return None
    # the most specific title wins ("We are sorry: we missed a time limit" over "We are sorry")
    return max(matches)[1]
