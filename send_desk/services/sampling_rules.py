"""The weights of a supervision sample, as data: ``resources/supervision/sampling.toml``
(see :mod:`send_desk.services.sampling`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from send_desk.rules_file import read_rules, read_rules_file

# the risk flags the app works out, in the order a sample lists them
RISKS = ("looked_after", "complaint", "overdue")


@dataclass(frozen=True)
class SamplingRules:
    risk_weight: int
    new_starter_factor: int
    new_starter_months: int
    risk_labels: dict[str, str]


def load_sampling_rules(path: Path | None = None) -> SamplingRules:
    """Read and check the weights (default: the bundled file); a malformed file is
    refused naming the file and the key."""
    top = read_rules("supervision", "sampling.toml") if path is None else read_rules_file(path)
    top.only("weights", "risks")
    weights = top.table("weights")
    weights.only("risk_weight", "new_starter_factor", "new_starter_months")
    risks = top.table("risks")
    risks.only(*RISKS)
    return SamplingRules(
        risk_weight=weights.integer("risk_weight"),
        new_starter_factor=weights.integer("new_starter_factor", 1),
        new_starter_months=weights.integer("new_starter_months"),
        risk_labels={risk: risks.text(risk) for risk in RISKS},
    )
