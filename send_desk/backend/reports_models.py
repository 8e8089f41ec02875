"""The service report as the Reports page reads it: the statutory figures, the cards'
shares, and the weekly, monthly and root-cause series of its charts. The full nested
figures travel with it (``figures_data``) for the CSV and XLSX exports, which write
every figure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Figure:
    """``numerator`` of ``denominator``; ``percent`` None when there was nothing to count.
    A statutory figure has its ``key`` and legal ``source``."""

    title: str
    numerator: int
    denominator: int
    percent: float | None
    key: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class WeekRow:
    week_starting: date
    received: int
    completed: int
    ongoing: int  # at the end of the week
    overdue: Figure  # of those ongoing


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: date
    received: int
    closed: int
    within_sla: Figure  # of those closed


@dataclass(frozen=True, slots=True)
class CauseCount:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ServiceReport:
    start: date
    end: date
    as_of: date
    figures: tuple[Figure, ...]  # statutory, in the report's order
    answered_in_time: Figure
    overdue: Figure
    complaints_within_sla: Figure
    callbacks_missed: Figure
    weeks: tuple[WeekRow, ...]
    months: tuple[MonthRow, ...]
    root_causes: tuple[CauseCount, ...]
    figures_data: Mapping[str, object] = field(repr=False, compare=False)


def _figure(data: Mapping[str, Any], key: str = "") -> Figure:
    return Figure(
        title=str(data.get("title") or ""),
        numerator=int(data["numerator"]),
        denominator=int(data["denominator"]),
        percent=data["percent"],
        key=key,
        source=str(data.get("source") or ""),
    )


def service_report(data: Mapping[str, Any]) -> ServiceReport:
    """The reports package's nested figures as the page's read model."""
    correspondence, complaints = data["correspondence"], data["complaints"]
    return ServiceReport(
        start=data["from"],
        end=data["to"],
        as_of=data["as_of"],
        figures=tuple(_figure(value, key) for key, value in data["figures"].items()),
        answered_in_time=_figure(correspondence["totals"]["completed_in_time"]),
        overdue=_figure(correspondence["totals"]["overdue"]),
        complaints_within_sla=_figure(complaints["totals"]["within_sla"]),
        callbacks_missed=_figure(data["callbacks"]["totals"]["missed_share"]),
        weeks=tuple(
            WeekRow(
                w["week_starting"],
                w["received"],
                w["completed"],
                w["ongoing"],
                _figure(w["overdue"]),
            )
            for w in correspondence["weeks"]
        ),
        months=tuple(
            MonthRow(m["month"], m["received"], m["closed"], _figure(m["within_sla"]))
            for m in complaints["months"]
        ),
        root_causes=tuple(CauseCount(c["label"], c["count"]) for c in complaints["root_causes"]),
        figures_data=data,
    )


__all__ = ["CauseCount", "Figure", "MonthRow", "ServiceReport", "WeekRow", "service_report"]
