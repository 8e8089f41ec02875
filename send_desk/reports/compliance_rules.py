"""The compliance figures as data (``resources/reports/compliance.toml``) and their
checking loader: what each figure counts, its milestones, the time limit it measures
and its legal source. The counting itself is :mod:`send_desk.reports.compliance`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from send_desk.rules_file import RulesFileError, read_rules, read_rules_file
from send_desk.timescales import default_rules

DONE_IN_PERIOD = "done_in_period"
OPEN_AT_END = "open_at_end"
AT_RISK = "at_risk"
COUNTS = (DONE_IN_PERIOD, OPEN_AT_END, AT_RISK)
EXCEPTIONS = ("counted", "left_out")


@dataclass(frozen=True)
class FigureSpec:
    name: str
    title: str
    source: str
    milestones: tuple[str, ...] = ()
    counts: str = DONE_IN_PERIOD
    exceptions_left_out: bool = False
    period: str = ""


@dataclass(frozen=True)
class ComplianceRules:
    figures: tuple[FigureSpec, ...]
    at_risk_within: timedelta

    @property
    def milestones(self) -> tuple[str, ...]:
        """Every milestone some figure counts, in the figures' order."""
        return tuple(dict.fromkeys(m for spec in self.figures for m in spec.milestones))


def load_compliance_rules(path: Path | None = None) -> ComplianceRules:
    """Read and check the figures (default: the bundled file). A malformed file is
    refused with a :class:`~send_desk.rules_file.RulesFileError` naming the key."""
    top = read_rules("reports", "compliance.toml") if path is None else read_rules_file(path)
    top.only("at_risk_weeks", "figure")
    known = default_rules().milestone_ids(include_local=False)
    figures: list[FigureSpec] = []
    for table in top.tables("figure"):
        table.only("name", "title", "milestones", "counts", "exceptions", "period", "source")
        name = table.text("name")
        if any(spec.name == name for spec in figures):
            raise table.error("name", f"'{name}' is a figure already")
        milestones = table.texts("milestones")
        for milestone in milestones:
            if milestone not in known:
                raise table.error(
                    "milestones", f"'{milestone}' is not a milestone of the statutory clock"
                )
        figures.append(
            FigureSpec(
                name=name,
                title=table.text("title"),
                source=table.text("source"),
                milestones=milestones,
                counts=table.choice("counts", COUNTS),
                exceptions_left_out=table.choice("exceptions", EXCEPTIONS) == "left_out",
                period=table.text("period"),
            )
        )
    return ComplianceRules(tuple(figures), timedelta(weeks=top.integer("at_risk_weeks", 1)))


@lru_cache(maxsize=1)
def compliance_rules() -> ComplianceRules:
    """The bundled figures, read once per process."""
    return load_compliance_rules()


__all__ = [
    "AT_RISK",
    "DONE_IN_PERIOD",
    "OPEN_AT_END",
    "ComplianceRules",
    "FigureSpec",
    "RulesFileError",
    "compliance_rules",
    "load_compliance_rules",
]
