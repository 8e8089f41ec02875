"""The case-note audit report for a service standards board: PDF and XLSX.

Both are made from :func:`send_desk.services.audit_trends.audit_trends`: grades by
month (a stacked bar chart in the PDF), each team and caseworker with their grade
distribution and the criteria they most often fail, and the criteria most often
failed across the scope. Both are written beside the target and renamed at the end, so
a failed export never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from send_desk.domain.supervision import GRADE_LABELS, GRADES
from send_desk.reports.exports import Table, atomic_file, write_xlsx
from send_desk.resources import resource_path
from send_desk.textsafe import strip_control
from send_desk.timeutil import uk_date

# The grade colours of the chart (also the GUI's), dark enough for white text and
# told apart by their order and the legend, not by colour alone.
GRADE_COLOURS: dict[str, tuple[int, int, int]] = {
    "outstanding": (26, 102, 46),
    "good": (74, 156, 92),
    "requires_improvement": (222, 150, 40),
    "inadequate": (190, 48, 48),
}
COUNTING = (
    "An audit counts in the month it was made. Only first audits count: a moderation "
    "(a second auditor's blind grading of the same note) is reported in the moderation "
    "figures, not here. A checklist criterion fails when it applied to the note and was "
    "not met; a manual criterion fails when graded below good. Teams are the "
    "caseworkers' teams today."
)


def _percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


def _month_label(month: str) -> str:
    year, number = month.split("-")
    return date(int(year), int(number), 1).strftime("%b %Y")


def _scope(trends: Mapping[str, Any]) -> str:
    parts = []
    if trends.get("team"):
        parts.append(f"team {trends['team']}")
    if trends.get("caseworker"):
        parts.append(str(trends["caseworker"]))
    return ", ".join(parts) or "all teams"


def _period(trends: Mapping[str, Any]) -> str:
    first, last = _month_label(trends["from"]), _month_label(trends["to"])
    return first if first == last else f"{first} to {last}"


def _labels(trends: Mapping[str, Any], ids: Sequence[str]) -> str:
    names: Mapping[str, str] = trends.get("criterion_labels", {})
    return "; ".join(names.get(i, i) for i in ids)


def _grade_columns() -> list[tuple[str, str]]:
    return [(GRADE_LABELS[g], "int") for g in GRADES]


def audit_tables(trends: Mapping[str, Any]) -> list[Table]:
    """The report's tables: grades by month, teams, caseworkers, criteria."""
    months = Table(
        "Grades by month",
        f"Overall grades of the audits made each month ({_scope(trends)})",
        [("Month", "text"), ("Audits", "int"), *_grade_columns(),
         ("Good or better %", "percent")],
    )  # fmt: skip
    for row in trends["service"]["by_month"]:
        good = sum(row["counts"][g] for g in ("outstanding", "good"))
        months.rows.append(
            [_month_label(row["month"]), row["total"], *(row["counts"][g] for g in GRADES),
             _percent(good / row["total"]) if row["total"] else None]
        )  # fmt: skip

    def people(name: str, title: str, first: list[tuple[str, str]], rows: Sequence[Any],
               cells: Any) -> Table:  # fmt: skip
        columns = [*first, ("Audits", "int"), *_grade_columns(),
                   ("Good or better %", "percent"), ("Most often failed", "text")]  # fmt: skip
        table = Table(name, title, columns)
        for row in rows:
            table.rows.append(
                [*cells(row), row["total"], *(row["counts"][g] for g in GRADES),
                 _percent(row["good_or_better_rate"]), _labels(trends, row["most_failed"])]
            )  # fmt: skip
        return table

    teams = people("Teams", "Each team's audits over the period", [("Team", "text")],
                   trends["teams"], lambda r: [r["team"]])  # fmt: skip
    workers = people(
        "Caseworkers", "Each caseworker's audits over the period",
        [("Caseworker", "text"), ("Team", "text")], trends["caseworkers"],
        lambda r: [r["caseworker"], r["team"]],
    )  # fmt: skip
    criteria = Table(
        "Criteria",
        "The criteria most often failed (share of the audits they applied to)",
        [("Criterion", "text"), ("Kind", "text"), ("Audits assessed", "int"),
         ("Failed", "int"), ("Failed %", "percent")],
    )  # fmt: skip
    for row in trends["criteria"]:
        criteria.rows.append(
            [row["label"], "checklist" if row["kind"] == "automatic" else "auditor's grade",
             row["assessed"], row["failed"], _percent(row["rate"])]
        )  # fmt: skip
    return [months, teams, workers, criteria]


def _what(trends: Mapping[str, Any]) -> str:
    """What was audited: a writer is given ``subject`` "plan" for plan audits."""
    return "Plan audits" if trends.get("subject") == "plan" else "Case-note audits"


def _counting(trends: Mapping[str, Any]) -> str:
    return COUNTING.replace("note", "plan version") if trends.get("subject") == "plan" else COUNTING


def about(
    trends: Mapping[str, Any], *, generated_on: date, generated_by: str = ""
) -> list[tuple[str, str]]:
    return [
        ("Report", f"{_what(trends)}: grades and the criteria most often failed"),
        ("Period", _period(trends)),
        ("Scope", _scope(trends)),
        ("Audits", str(trends["service"]["total"])),
        ("How counted", _counting(trends)),
        ("Grade rule versions", ", ".join(str(v) for v in trends["rule_versions"]) or "none"),
        ("Generated", uk_date(generated_on) + (f" by {generated_by}" if generated_by else "")),
        ("Handling", "Official – sensitive: names staff; no child is named."),
    ]


def write_audit_xlsx(
    trends: Mapping[str, Any], path: Path, *, generated_on: date, generated_by: str = ""
) -> Path:
    return write_xlsx(
        audit_tables(trends),
        Path(path),
        about=about(trends, generated_on=generated_on, generated_by=generated_by),
    )


# ---------------------------------------------------------------- PDF


def write_audit_pdf(
    trends: Mapping[str, Any], path: Path, *, generated_on: date, generated_by: str = ""
) -> Path:
    """An A4 report: the figures, a chart of grades by month, then the tables."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    fonts = resource_path("fonts")
    title = f"{_what(trends)}, {_period(trends)}"
    footer_text = f"{title} · {_scope(trends)} · page {{page}} of {{{{nb}}}}"

    class _Pdf(FPDF):
        def normalize_text(self, text: str) -> str:
            # every string fpdf draws passes here: what slipped into a record is dropped
            return str(super().normalize_text(strip_control(text)))

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, footer_text.format(page=self.page_no()), align="C")
            self.set_text_color(0, 0, 0)

    pdf = _Pdf(orientation="portrait", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_title(strip_control(title, multiline=False))
    pdf.set_creator("SEND Desk")
    pdf.set_lang("en-GB")
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()

    def line(text: str, size: float = 10, bold: bool = False, height: float = 5) -> None:
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.multi_cell(0, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    line(title, 16, True, 8)
    line(f"Scope: {_scope(trends)}. Generated {uk_date(generated_on)}"
         + (f" by {generated_by}" if generated_by else "")
         + ". Official – sensitive: names staff; no child is named.", 9)  # fmt: skip
    pdf.ln(2)
    service = trends["service"]
    if service["total"]:
        counts = ", ".join(f"{GRADE_LABELS[g].lower()} {service['counts'][g]}" for g in GRADES)
        line(f"{service['total']} audits: {counts}. Good or better: "
             f"{_percent(service['good_or_better_rate'])}%.", 11, True, 6)  # fmt: skip
    for message in trends.get("messages", []):
        line(message[:1].upper() + message[1:] + ".", 11, True, 6)
    line(COUNTING, 8.5, height=4.2)
    pdf.ln(3)
    _chart(pdf, trends)
    pdf.ln(4)
    for table in audit_tables(trends)[1:]:
        _table(pdf, table)
    target = Path(path)
    data = bytes(pdf.output())
    with atomic_file(target, "wb") as handle:
        handle.write(data)
    return target


def _chart(pdf: Any, trends: Mapping[str, Any]) -> None:
    """Grades by month as stacked bars with a legend and counts on the axis."""
    rows = trends["service"]["by_month"]
    left, width, height = pdf.l_margin + 10, pdf.w - pdf.l_margin - pdf.r_margin - 10, 55
    if pdf.will_page_break(height + 20):
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 6, "Overall grades by month", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 2
    peak = max([r["total"] for r in rows] + [1])
    step = max(1, -(-peak // 5))
    scale = height / (step * -(-peak // step))
    pdf.set_font("DejaVu", "", 7)
    pdf.set_draw_color(200, 200, 200)
    for value in range(0, step * -(-peak // step) + 1, step):
        y = top + height - value * scale
        pdf.line(left, y, left + width, y)
        pdf.set_xy(left - 10, y - 2)
        pdf.cell(9, 4, str(value), align="R")
    slot = width / max(1, len(rows))
    bar = min(14.0, slot * 0.7)
    for index, row in enumerate(rows):
        x = left + index * slot + (slot - bar) / 2
        y = top + height
        for grade in reversed(GRADES):  # inadequate at the bottom, outstanding on top
            count = row["counts"][grade]
            if not count:
                continue
            pdf.set_fill_color(*GRADE_COLOURS[grade])
            pdf.rect(x, y - count * scale, bar, count * scale, style="F")
            y -= count * scale
        pdf.set_xy(left + index * slot, top + height + 1)
        pdf.cell(slot, 4, _month_label(row["month"]), align="C")
    pdf.set_xy(pdf.l_margin, top + height + 7)
    for grade in GRADES:
        pdf.set_fill_color(*GRADE_COLOURS[grade])
        x, y = pdf.get_x(), pdf.get_y()
        pdf.rect(x, y + 0.8, 3, 3, style="F")
        pdf.set_x(x + 4)
        pdf.cell(pdf.get_string_width(GRADE_LABELS[grade]) + 6, 4.6, GRADE_LABELS[grade])
    pdf.ln(6)


def _column_widths(pdf: Any, table: Table) -> list[float]:
    """Widths in mm: a figure's column is wide enough for the longest word of its
    heading (so "Outstanding" is never broken inside the word); the text columns share
    what is left ("Most often failed" takes the largest share)."""
    pdf.set_font("DejaVu", "B", 7.5)
    least = [
        max(pdf.get_string_width(word) for word in heading.split()) + 3.5
        for heading, _kind in table.columns
    ]
    pdf.set_font("DejaVu", "", 7.5)
    widths = [0.0 if kind == "text" else max(width, 13.0)
              for width, (_heading, kind) in zip(least, table.columns, strict=True)]  # fmt: skip
    shares = [0.0 if kind != "text" else (2.0 if heading == "Most often failed" else 1.0)
              for heading, kind in table.columns]  # fmt: skip
    left = pdf.epw - sum(widths)
    for i, share in enumerate(shares):
        if share:
            widths[i] = max(least[i], left * share / sum(shares))
    return widths


def _table(pdf: Any, table: Table) -> None:
    from fpdf.fonts import FontFace

    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 7.5)
    if not table.rows:
        pdf.multi_cell(0, 5, "None in this period.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        return
    widths = _column_widths(pdf, table)
    heading = FontFace(emphasis="BOLD", fill_color=(232, 240, 250))
    pdf.set_fill_color(255, 255, 255)  # the chart's last colour must not fill the cells
    with pdf.table(col_widths=widths, headings_style=heading, line_height=4,
                   text_align="LEFT", cell_fill_color=(246, 246, 246),
                   cell_fill_mode="ROWS") as grid:  # fmt: skip
        grid.row([h for h, _kind in table.columns])
        for values in table.rows:
            grid.row(["" if v is None else (f"{v}" if not isinstance(v, float) else f"{v:.1f}")
                      for v in values])  # fmt: skip
    pdf.ln(4)
