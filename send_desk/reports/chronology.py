"""A child's chronology: case notes and statutory events in date order, as a PDF.

The document a complaint investigation, the Ombudsman or the Tribunal asks for. Every
page carries the child's name, "generated on" and "page N of M"; dates are UK
(dd/mm/yyyy). Notes appear as they now read (their latest version), with who was
there, the child's and parent's views, decisions with reasons and actions, and say
when a note was amended and why. Rendered with fpdf2 and the bundled DejaVu Sans (and
Noto fallbacks for scripts DejaVu lacks), so Welsh, Polish or Urdu names print.
"""

from __future__ import annotations

import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.resources import resource_path
from send_desk.security.files import write_private
from send_desk.services import children as children_service
from send_desk.services import notes as notes_service
from send_desk.textsafe import strip_control
from send_desk.timeutil import LONDON, uk_date

_FALLBACK_FONTS = (
    ("NotoArabic", "NotoSansArabic-Regular.ttf"),
    ("NotoBengali", "NotoSansBengali-Regular.ttf"),
    ("NotoGurmukhi", "NotoSansGurmukhi-Regular.ttf"),
    ("NotoGujarati", "NotoSansGujarati-Regular.ttf"),
)


@dataclass
class Entry:
    when: date
    time: str  # "10:00" or ""
    kind: str  # "Statutory event" or the note's kind
    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


@dataclass
class Chronology:
    child_name: str
    facts: list[str]
    generated_on: str
    generated_by: str
    entries: list[Entry]


def _details(details: dict[str, Any]) -> str:
    parts = []
    for key, value in details.items():
        text = str(value).replace("_", " ")
        if key.endswith("date"):
            with suppress(ValueError):
                text = uk_date(date.fromisoformat(str(value)))
        parts.append(f"{key.replace('_', ' ').capitalize()}: {text}")
    return "; ".join(parts)


def chronology_data(
    session: Session,
    child_id: uuid.UUID,
    *,
    today: date,
    generated_by: str | None = None,
    now: datetime | None = None,
) -> Chronology:
    detail = children_service.child_detail(session, child_id, today=today)
    name = f"{detail['first_name']} {detail['last_name']}"
    born = date.fromisoformat(str(detail["date_of_birth"]))
    facts = [f"Born {uk_date(born)}", str(detail.get("year_group_label") or "")]
    if detail.get("upn"):
        facts.append(f"UPN {detail['upn']}")
    if detail.get("caseworker"):
        facts.append(f"Caseworker: {detail['caseworker']} ({detail.get('team') or ''})")
    entries: list[Entry] = []
    for event in detail["events"]:
        kind = EVENT_TYPES.get(event["type"])
        when = date.fromisoformat(str(event["date"]))
        lines = []
        if event.get("details"):
            lines.append(("Details", _details(event["details"])))
        if event.get("evidence"):
            lines.append(("Evidence", str(event["evidence"])))
        entries.append(
            Entry(when, "", "Statutory event", kind.label if kind else event["type"], lines)
        )
    for note in notes_service.list_notes(session, child_id):
        content = note["note"]
        occurred = content.get("occurred_at")
        when = date.fromisoformat(occurred[:10]) if occurred else today
        written = note["recorded_label"] + (f" by {note['author']}" if note["author"] else "")
        lines = [("Written up", written)]
        if note["attendees_label"]:
            lines.append(("Who was there", note["attendees_label"]))
        for key, label in (
            ("purpose", "Purpose"),
            ("body", "What happened"),
            ("child_voice", "Child's voice"),
            ("child_voice_not_obtained_reason", "Child's views not obtained because"),
            ("parent_views", "Parent's views"),
            ("reason_no_family", "Family not present because"),
        ):
            if content.get(key):
                lines.append((label, str(content[key])))
        for decision in content.get("decisions") or []:
            text = f"{decision['decision']} Reasons: {decision['reasons'] or 'not recorded'}"
            if decision.get("matches_request") is False:
                text += (
                    f" The parent asked for: {decision['parent_request']}. "
                    f"Why not: {decision['explanation'] or 'not explained'}"
                )
            lines.append(("Decision", text))
        for action in content.get("actions") or []:
            due = uk_date(date.fromisoformat(action["due"])) if action.get("due") else "no date"
            lines.append(
                ("Action", f"{action['what']} — {action['owner'] or 'no owner'}, by {due}")
            )
        if note["versions"] > 1:
            history = notes_service.note_history(session, uuid.UUID(note["note_id"]))
            for version in history[1:]:
                lines.append(
                    (
                        f"Amended (version {version['version']})",
                        f"{version['saved_label']} by {version['author'] or 'this laptop'}: "
                        f"{version['amendment_reason']}",
                    )
                )
        title = content.get("purpose") or "Case note"
        entries.append(
            Entry(
                when,
                occurred[11:16] if occurred else "",
                f"Note: {note['kind_label']}",
                str(title),
                lines,
            )
        )
    entries.sort(key=lambda entry: (entry.when, entry.time, entry.kind != "Statutory event"))
    stamp = (now or datetime.now(LONDON)).astimezone(LONDON)
    return Chronology(
        child_name=name,
        facts=[fact for fact in facts if fact],
        generated_on=f"{stamp:%d/%m/%Y} at {stamp:%H:%M}",
        generated_by=generated_by or "",
        entries=entries,
    )


def render_pdf(chronology: Chronology, target: Path) -> Path:
    """Write the chronology as an A4 PDF; returns the path written."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    fonts = resource_path("fonts")

    class _Pdf(FPDF):
        def normalize_text(self, text: str) -> str:
            # every string fpdf draws passes here: what slipped into a record is dropped
            return str(super().normalize_text(strip_control(text)))

        def header(self) -> None:
            self.set_font("DejaVu", "B", 9)
            self.set_text_color(60, 60, 60)
            self.cell(0, 5, f"Chronology: {chronology.child_name}", new_x=XPos.LMARGIN,
                      new_y=YPos.NEXT)  # fmt: skip
            self.set_font("DejaVu", "", 8)
            self.cell(0, 4, f"Generated on {chronology.generated_on}"
                      + (f" by {chronology.generated_by}" if chronology.generated_by else "")
                      + ". Official – sensitive: personal information about a child.",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
            self.set_draw_color(180, 180, 180)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, f"{chronology.child_name} · page {self.page_no()} of {{nb}}",
                      align="C")  # fmt: skip

    pdf = _Pdf(orientation="portrait", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    fallbacks = []
    for name, file in _FALLBACK_FONTS:
        if (fonts / file).is_file():
            pdf.add_font(name, "", str(fonts / file))
            fallbacks.append(name)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    with suppress(ImportError):  # shaping joins Arabic-script letters (Urdu): needs uharfbuzz
        pdf.set_text_shaping(True)
    pdf.set_title(strip_control(f"Chronology: {chronology.child_name}", multiline=False))
    pdf.set_creator("SEND Desk")
    pdf.set_lang("en-GB")
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 8, f"Chronology of {chronology.child_name}", new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)  # fmt: skip
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 5, "  ·  ".join(chronology.facts), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(
        0, 5,
        f"Case notes and statutory events in date order, {len(chronology.entries)} entries. "
        "Notes are shown as they now read; amendments are listed with their reasons.",
        new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )  # fmt: skip
    pdf.ln(3)
    if not chronology.entries:
        pdf.multi_cell(0, 6, "Nothing is recorded on this child's case yet.")
    date_width = 36
    for entry in chronology.entries:
        if pdf.will_page_break(18):
            pdf.add_page()
        top = pdf.get_y()
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_fill_color(232, 240, 250)
        stamp = uk_date(entry.when) + (f" {entry.time}" if entry.time else "")
        pdf.cell(date_width, 6, stamp, fill=True)
        pdf.multi_cell(0, 6, f"{entry.kind}: {entry.title}", fill=True, new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)  # fmt: skip
        del top
        for label, text in entry.lines:
            pdf.set_x(pdf.l_margin + date_width)
            pdf.set_font("DejaVu", "B", 9)
            pdf.multi_cell(0, 4.6, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_x(pdf.l_margin + date_width)
            pdf.set_font("DejaVu", "", 9)
            pdf.multi_cell(0, 4.6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2.5)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_private(target, bytes(pdf.output()))
    return target
