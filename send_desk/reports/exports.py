"""Exports of the report: the tables (:class:`Table`: a sheet of the workbook, a table on
the Reports page), the CSV (one figure a row), and, from their own modules, the XLSX
workbook (:mod:`send_desk.reports.xlsx`) and the ICS calendar
(:mod:`send_desk.reports.ics`).

Every writer reports progress (``progress(done, total)``) and stops when
``cancelled()`` says so, raising :class:`ExportCancelled`; it writes to a hidden file
beside the target and renames it at the end, so a cancelled or failed export never
leaves half a file (or replaces a good one). Dates a person reads are dd/mm/yyyy: text
in the CSV, real dates shown dd/mm/yyyy in the workbook (so Excel sorts them). Control
characters that slipped into a record are dropped from every file
(:func:`send_desk.textsafe.strip_control`), never a reason for an export to fail.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from send_desk.reports.export_base import (
    CHECK_EVERY,
    Cancelled,
    ExportCancelled,
    ExportFailed,
    Progress,
    Steps,
    Table,
    atomic_file,
)
from send_desk.reports.ics import event_lines, fold, ics_escape, write_ics
from send_desk.reports.xlsx import write_xlsx
from send_desk.textsafe import strip_control
from send_desk.timeutil import uk_date


def _pct(value: Any) -> Any:
    return value if value is not None else None


def _figure_cells(fig: Mapping[str, Any]) -> list[Any]:
    return [fig["numerator"], fig["denominator"], _pct(fig["percent"])]


def statutory_table(report: Mapping[str, Any]) -> Table:
    table = Table(
        "Statutory compliance",
        "Statutory compliance (from the clock), for the service, each team and caseworker",
        [("Who", "text"), ("Team", "text"), ("Figure", "text"), ("Yes", "int"),
         ("Out of", "int"), ("%", "percent"), ("Source", "text")],
    )  # fmt: skip
    groups: list[tuple[str, str, Mapping[str, Any]]] = [("Service", "", report["figures"])]
    groups += [("Team", team["team"], team["figures"]) for team in report.get("teams", [])]
    groups += [
        (worker["caseworker"], worker["team"], worker["figures"])
        for worker in report.get("caseworkers", [])
    ]
    for who, team, figures in groups:
        for fig in figures.values():
            table.rows.append([who, team, fig["title"], *_figure_cells(fig), fig.get("source", "")])
    return table


_CORR_COLUMNS = [
    ("Received", "int"),
    ("Completed", "int"),
    ("Completed in time", "int"),
    ("% in time", "percent"),
    ("Ongoing", "int"),
    ("Overdue", "int"),
    ("% overdue", "percent"),
]


def _corr_cells(row: Mapping[str, Any]) -> list[Any]:
    return [
        row["received"],
        row["completed"],
        row["completed_in_time"]["numerator"],
        row["completed_in_time"]["percent"],
        row["ongoing"],
        row["overdue"]["numerator"],
        row["overdue"]["percent"],
    ]


def correspondence_tables(section: Mapping[str, Any]) -> list[Table]:
    weeks = Table(
        "Correspondence by week",
        "Correspondence each week: completed, and ongoing at the end of the week",
        [("Week commencing", "date"), ("Week ending", "date"), *_CORR_COLUMNS],
        [[w["week_starting"], w["week_ending"], *_corr_cells(w)] for w in section["weeks"]],
    )
    channels = Table(
        "Correspondence by channel",
        "Correspondence in the period by channel (ongoing and overdue at the end)",
        [("Channel", "text"), ("Respond within (working days)", "int"), *_CORR_COLUMNS],
        [
            [c["label"], section["standard"].get(c["channel"], {}).get(
                "respond_within_working_days"), *_corr_cells(c)]
            for c in section["by_channel"]
        ],
    )  # fmt: skip
    people = Table(
        "Correspondence by caseworker",
        "Correspondence in the period for each team and caseworker",
        [("Who", "text"), ("Team", "text"), *_CORR_COLUMNS],
        [["Service", "", *_corr_cells(section["totals"])]]
        + [["Team", t["team"], *_corr_cells(t)] for t in section["teams"]]
        + [[w["caseworker"], w["team"], *_corr_cells(w)] for w in section["caseworkers"]],
    )
    overdue = Table(
        "Overdue correspondence",
        "Correspondence overdue at the end of the period, longest overdue first",
        [("Child", "text"), ("Channel", "text"), ("From", "text"), ("Summary", "text"),
         ("Received", "date"), ("Due", "date"), ("Days overdue", "int"), ("Caseworker", "text"),
         ("Team", "text")],
        [
            [i["child_name"], i["channel_label"], i["correspondent"], i["summary"], i["received"],
             i["due"], i["days_overdue"], i["caseworker"], i["team"]]
            for i in section["overdue_items"]
        ],
    )  # fmt: skip
    return [weeks, channels, people, overdue]


def complaint_tables(section: Mapping[str, Any]) -> list[Table]:
    columns = [("Received", "int"), ("Closed", "int"), ("Within SLA", "int"), ("% within SLA",
               "percent")]  # fmt: skip

    def cells(row: Mapping[str, Any]) -> list[Any]:
        fig = row["within_sla"]
        return [row["received"], row["closed"], fig["numerator"], fig["percent"]]

    months = Table(
        "Complaints by month",
        "Complaints received, closed (stage responses sent) and closed within the SLA",
        [("Month", "text"), *columns],
        [[m["label"], *cells(m)] for m in section["months"]],
    )
    causes = Table(
        "Complaint root causes",
        "Root causes of the complaints received in the period",
        [("Root cause", "text"), ("Complaints", "int"), ("% of complaints", "percent")],
        [[c["label"], c["count"], c["percent"]] for c in section["root_causes"]],
    )
    outcomes = Table(
        "Complaint outcomes",
        "Outcomes of the stage responses sent in the period, and the Ombudsman's decisions",
        [("Outcome", "text"), ("Responses", "int")],
        [[o["label"], o["count"]] for o in section["outcomes"]]
        + [[f"Ombudsman: {o['label']}", o["count"]] for o in section["ombudsman_outcomes"]],
    )
    people = Table(
        "Complaints by caseworker",
        "Complaints for each stage, team and caseworker",
        [("Who", "text"), ("Team", "text"), *columns],
        [["Service", "", *cells(section["totals"])]]
        + [[s["label"], "", *cells(s)] for s in section["stages"]]
        + [["Team", t["team"], *cells(t)] for t in section["teams"]]
        + [[w["caseworker"], w["team"], *cells(w)] for w in section["caseworkers"]],
    )
    return [months, causes, outcomes, people]


def callback_table(section: Mapping[str, Any]) -> Table:
    keys = ("booked", "made", "no_answer", "cancelled", "missed", "via_duty")
    headings = ("Booked", "Made", "No answer", "Cancelled", "Missed", "With the duty officer")
    return Table(
        "Callbacks",
        "Callbacks with a slot in the period, for each caller",
        [("Caller", "text"), ("Team", "text"), *[(h, "int") for h in headings],
         ("% missed", "percent")],
        [["Service", "", *[section["totals"][k] for k in keys],
          section["totals"]["missed_share"]["percent"]]]
        + [[w["caseworker"], w["team"], *[w[k] for k in keys], w["missed_share"]["percent"]]
           for w in section["caseworkers"]],
    )  # fmt: skip


def report_tables(report: Mapping[str, Any]) -> list[Table]:
    """Every table of the report, in the order the Reports page and the workbook show."""
    tables = [statutory_table(report)]
    if "correspondence" in report:
        tables += correspondence_tables(report["correspondence"])
    if "complaints" in report:
        tables += complaint_tables(report["complaints"])
    if "callbacks" in report:
        tables.append(callback_table(report["callbacks"]))
    return tables


def deadlines_table(rows: Iterable[Mapping[str, Any]], *, as_of: date | None = None) -> Table:
    """Every open statutory deadline (the clock's rows), for the workbook; ``as_of``:
    the day they were open on, which the title and the days-left heading name."""
    on = f" on {uk_date(as_of)}" if as_of is not None else ""
    return Table(
        "Open deadlines",
        f"Every statutory deadline open{on}, most at risk first",
        [("Child", "text"), ("Caseworker", "text"), ("Team", "text"), ("Deadline", "text"),
         ("Due", "date"), (f"Days left{on}", "int"), ("Status", "text"), ("First because", "text"),
         ("Next step", "text"), ("Source", "text")],
        [
            [r["child_name"], r["caseworker"] or "Not allocated", r["team"] or "", r["title"],
             r["due"], r["days_left"], r.get("status_label") or r["status"],
             ", ".join(r.get("priority_reasons") or ()), r["next_step"], r["source"]]
            for r in rows
        ],
    )  # fmt: skip


# ---------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "section", "who", "team", "period", "measure", "count", "out_of", "percent",
)  # fmt: skip


def figure_lines(report: Mapping[str, Any]) -> list[list[Any]]:
    """The report's figures one a row (for a spreadsheet's filters and pivot tables):
    section, who (Service, Team, a caseworker's name), team, period, measure, count,
    out of and percent."""
    period = f"{uk_date(report['from'])} to {uk_date(report['to'])}"
    lines: list[list[Any]] = []

    def add(section: str, who: str, team: str, when: str, measure: str, value: Any) -> None:
        if isinstance(value, Mapping):
            lines.append([section, who, team, when, measure, value["numerator"],
                          value["denominator"], _pct(value["percent"])])  # fmt: skip
        else:
            lines.append([section, who, team, when, measure, value, "", ""])

    for row in statutory_table(report).rows:
        lines.append(["Statutory compliance", row[0], row[1], period, row[2], row[3], row[4],
                      row[5]])  # fmt: skip
    corr = report.get("correspondence")
    measures: tuple[tuple[str, str], ...]
    if corr:
        measures = (
            ("received", "Received"),
            ("completed", "Completed"),
            ("completed_in_time", "Completed within the service standard"),
            ("ongoing", "Ongoing at the end"),
            ("overdue", "Overdue at the end (of ongoing)"),
        )
        groups = [("Service", "", period, corr["totals"])]
        groups += [("Week", "", w["label"], w) for w in corr["weeks"]]
        groups += [(c["label"], "", period, c) for c in corr["by_channel"]]
        groups += [("Team", t["team"], period, t) for t in corr["teams"]]
        groups += [(w["caseworker"], w["team"], period, w) for w in corr["caseworkers"]]
        for who, team, when, values in groups:
            for key, measure in measures:
                add("Correspondence", who, team, when, measure, values[key])
    complaints = report.get("complaints")
    if complaints:
        measures = (
            ("received", "Received"),
            ("closed", "Closed (stage responses sent)"),
            ("within_sla", "Closed within the SLA"),
        )
        groups = [("Service", "", period, complaints["totals"])]
        # a month as its dates: Excel opens "November 2026" in a CSV as a date
        groups += [("Month", "", _month_period(m["month"], report), m)
                   for m in complaints["months"]]  # fmt: skip
        groups += [(s["label"], "", period, s) for s in complaints["stages"]]
        groups += [("Team", t["team"], period, t) for t in complaints["teams"]]
        groups += [(w["caseworker"], w["team"], period, w) for w in complaints["caseworkers"]]
        for who, team, when, values in groups:
            for key, measure in measures:
                add("Complaints", who, team, when, measure, values[key])
        totals = complaints["totals"]
        add("Complaints", "Service", "", period, "Open at the end", totals["open"])
        add("Complaints", "Service", "", period, "Overdue at the end (of open)", totals["overdue"])
        add("Complaints", "Service", "", period, "Referred to the Ombudsman",
            totals["ombudsman_referrals"])  # fmt: skip
        for cause in complaints["root_causes"]:
            lines.append(["Complaint root causes", "Service", "", period, cause["label"],
                          cause["count"], sum(c["count"] for c in complaints["root_causes"]),
                          cause["percent"]])  # fmt: skip
    callbacks = report.get("callbacks")
    if callbacks:
        for who, team, values in [("Service", "", callbacks["totals"])] + [
            (w["caseworker"], w["team"], w) for w in callbacks["caseworkers"]
        ]:
            for key, measure in (("booked", "Booked"), ("made", "Made"),
                                 ("no_answer", "Tried, no answer"), ("cancelled", "Cancelled"),
                                 ("via_duty", "With the duty officer")):  # fmt: skip
                add("Callbacks", who, team, period, measure, values[key])
            add("Callbacks", who, team, period, "Missed", values["missed_share"])
    return lines


def _month_period(month: date, report: Mapping[str, Any]) -> str:
    """The days of ``month`` the report counts: from the period's start (or the 1st)
    to the month's end (or the report's position)."""
    following = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    first = max(month, report["from"])
    last = min(following - timedelta(days=1), report["as_of"])
    return f"{uk_date(first)} to {uk_date(last)}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return uk_date(value)
    if value is None:
        return ""
    if isinstance(value, str):
        value = strip_control(value)
        if value.startswith(_FORMULA_START):
            return "'" + value  # never a formula when a spreadsheet opens it
    return value


def write_csv(
    report: Mapping[str, Any],
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """The figures one a row (:func:`figure_lines`), UTF-8 with a byte-order mark so
    Excel reads names with accents correctly."""
    lines = figure_lines(report)
    steps = Steps(len(lines), progress, cancelled)
    with atomic_file(Path(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for line in lines:
            writer.writerow([_csv_cell(value) for value in line])
            steps.step()
        steps.check()
    steps.finish()
    return Path(path)


def write_table_csv(
    table: Table,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """One table as it shows (the Reports page's "Export this table")."""
    steps = Steps(len(table.rows), progress, cancelled)
    with atomic_file(Path(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([heading for heading, _kind in table.columns])
        for row in table.rows:
            writer.writerow([_csv_cell(value) for value in row])
            steps.step()
        steps.check()
    steps.finish()
    return Path(path)


__all__ = [
    "CHECK_EVERY",
    "CSV_COLUMNS",
    "Cancelled",
    "ExportCancelled",
    "ExportFailed",
    "Progress",
    "Table",
    "atomic_file",
    "deadlines_table",
    "event_lines",
    "figure_lines",
    "fold",
    "ics_escape",
    "report_tables",
    "write_csv",
    "write_ics",
    "write_table_csv",
    "write_xlsx",
]
