"""A rendered letter as blocks, independent of the file format.

Templates write a small markup, one block a line (blank lines separate paragraphs)::

    # Title of the letter              (the letter's heading)
    > The decision and the next date   (a box at the top: decision and date first)
    ##[reasons] Why we decided this    (a section heading; [id] marks a required section)
    - a point                          (a bullet)
    **bold words** inside any line
    \\# a line that starts with a markup character, written as it is

The writers (DOCX, PDF, the composer's preview) all lay out the same blocks, so the
three never disagree, and the plain-English check reads the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from send_desk.letters.dates import full_date

_SECTION_HEADING = re.compile(r"^##(?:\[(?P<id>[a-z0-9_]+)\])?\s+(?P<text>.+)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_DIRECTION_PIECE = re.compile(f"[{_RTL_CHARS}][{_RTL_CHARS}\\s\u200c\u200d]*|[^{_RTL_CHARS}]+")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class LetterBlock:
    """kind: title, keybox, heading, paragraph or bullet."""

    kind: str
    runs: tuple[Run, ...]
    section: str | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "runs": [[run.text, run.bold] for run in self.runs],
        }
        if self.section:
            data["section"] = self.section
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LetterBlock:
        return cls(
            str(data["kind"]),
            tuple(Run(str(text), bool(bold)) for text, bold in data["runs"]),
            data.get("section"),
        )


def _runs(text: str) -> tuple[Run, ...]:
    runs: list[Run] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        runs.append(Run(match.group(1), True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(run for run in runs if run.text)


def _unescape(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


def parse_markup(text: str) -> list[LetterBlock]:
    """The template's rendered markup as blocks (see the module docstring)."""
    blocks: list[LetterBlock] = []
    paragraph: list[str] = []
    section: str | None = None

    def flush() -> None:
        if paragraph:
            joined = " ".join(part.strip() for part in paragraph)
            blocks.append(LetterBlock("paragraph", _runs(_unescape(joined)), section))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("\\"):
            paragraph.append(line)
            continue
        heading = _SECTION_HEADING.match(line)
        if heading:
            flush()
            section = heading.group("id") or None
            blocks.append(LetterBlock("heading", _runs(heading.group("text").strip()), section))
        elif line.startswith("# "):
            flush()
            section = None
            blocks.append(LetterBlock("title", _runs(line[2:].strip())))
        elif line.startswith("> "):
            flush()
            blocks.append(LetterBlock("keybox", _runs(line[2:].strip()), section))
        elif line.startswith("- "):
            flush()
            blocks.append(LetterBlock("bullet", _runs(_unescape(line[2:].strip())), section))
        else:
            paragraph.append(line)
    flush()
    return blocks


def is_rtl_text(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for char in text:
        if _RTL.match(char):
            return True
        if _STRONG_LTR.match(char):
            return False
    return False


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """Split text into (piece, right_to_left) runs; spaces and punctuation between two
    right-to-left pieces stay with them."""
    pieces: list[tuple[str, bool]] = []
    for match in _DIRECTION_PIECE.finditer(text):
        piece = match.group(0)
        rtl = bool(_RTL.match(piece[0]))
        if rtl and piece != piece.rstrip():
            stripped = piece.rstrip()
            pieces.append((stripped, True))
            pieces.append((piece[len(stripped) :], False))
        else:
            pieces.append((piece, rtl))
    merged: list[tuple[str, bool]] = []
    for piece, rtl in pieces:
        if merged and merged[-1][1] == rtl:
            merged[-1] = (merged[-1][0] + piece, rtl)
        elif piece:
            merged.append((piece, rtl))
    return merged


@dataclass(frozen=True)
class Letter:
    """Everything a writer needs: letterhead, addresses, date, blocks, signature."""

    template: str
    title: str
    variant: str
    letter_date: date
    reference: str
    recipient_name: str
    recipient_address: tuple[str, ...]
    salutation: str
    blocks: tuple[LetterBlock, ...]
    signoff: str
    caseworker_name: str
    caseworker_role: str
    caseworker_phone: str
    caseworker_email: str
    council: dict[str, Any] = field(default_factory=dict)
    sections_required: tuple[str, ...] = ()
    appealable: bool = False

    @property
    def date_text(self) -> str:
        return full_date(self.letter_date)

    @property
    def contact_line(self) -> str:
        return f"{self.caseworker_name} · {self.caseworker_phone} · {self.caseworker_email}"

    def body_spans(self) -> tuple[str, list[tuple[int, int]]]:
        """The body text and where each part's text is in it: the salutation, then
        each block in order, then the sign-off."""
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        position = 0

        def add(text: str, prefix: str = "") -> None:
            nonlocal position
            parts.append(prefix + text + "\n\n")
            start = position + len(prefix)
            spans.append((start, start + len(text)))
            position += len(prefix) + len(text) + 2

        add(self.salutation)
        for block in self.blocks:
            add(block.text, "- " if block.kind == "bullet" else "")
        add(self.signoff)
        return "".join(parts).rstrip("\n") + "\n", spans

    def body_text(self) -> str:
        """The words the family reads (what the plain-English check looks at)."""
        return self.body_spans()[0]

    def plain_text(self) -> str:
        """The whole letter as text, as it is printed (letterhead first)."""
        council = self.council
        head = [str(council.get("name", "")), str(council.get("service", ""))]
        head += [str(line) for line in council.get("address_lines", [])]
        head += [
            f"Phone {council.get('phone', '')} · {council.get('email', '')}",
            "",
            f"Your caseworker: {self.contact_line}",
            f"Our reference: {self.reference}",
            "",
            self.recipient_name,
            *self.recipient_address,
            "",
            self.date_text,
            "",
        ]
        tail = [
            "",
            self.caseworker_name,
            self.caseworker_role,
            f"Phone: {self.caseworker_phone}",
            f"Email: {self.caseworker_email}",
        ]
        return "\n".join([*head, self.body_text(), *tail]).strip() + "\n"

    def sections_present(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(b.section for b in self.blocks if b.section))

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "title": self.title,
            "variant": self.variant,
            "letter_date": self.letter_date.isoformat(),
            "reference": self.reference,
            "recipient_name": self.recipient_name,
            "recipient_address": list(self.recipient_address),
            "salutation": self.salutation,
            "blocks": [block.to_json() for block in self.blocks],
            "signoff": self.signoff,
            "caseworker_name": self.caseworker_name,
            "caseworker_role": self.caseworker_role,
            "caseworker_phone": self.caseworker_phone,
            "caseworker_email": self.caseworker_email,
            "council": self.council,
            "sections_required": list(self.sections_required),
            "appealable": self.appealable,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Letter:
        return cls(
            template=str(data["template"]),
            title=str(data["title"]),
            variant=str(data["variant"]),
            letter_date=date.fromisoformat(str(data["letter_date"])),
            reference=str(data["reference"]),
            recipient_name=str(data["recipient_name"]),
            recipient_address=tuple(str(x) for x in data["recipient_address"]),
            salutation=str(data["salutation"]),
            blocks=tuple(LetterBlock.from_json(b) for b in data["blocks"]),
            signoff=str(data["signoff"]),
            caseworker_name=str(data["caseworker_name"]),
            caseworker_role=str(data["caseworker_role"]),
            caseworker_phone=str(data["caseworker_phone"]),
            caseworker_email=str(data["caseworker_email"]),
            council=dict(data.get("council", {})),
            sections_required=tuple(data.get("sections_required", ())),
            appealable=bool(data.get("appealable", False)),
        )
