"""The case-note checklist as data (resources/checklists/case_note.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.quality.note import KINDS
from send_desk.resources import resource_path

# The automatic criteria of the case-note standard, in its order. The checker has a
# rule for each; the data file gives their wording and thresholds.
CRITERIA_IDS = (
    "when",
    "recorded_promptly",
    "who_present",
    "purpose",
    "child_voice",
    "parent_views",
    "decision_reasons",
    "disparity_explained",
    "actions_owned",
    "professionals_only_reason",
    "interpreter_independent",
    "acronyms_explained",
    "plain_language",
)


class ChecklistError(ValueError):
    """The checklist file is not valid; the message names the entry."""


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    applies_to: frozenset[str]
    field: str
    message: str


@dataclass(frozen=True)
class Thresholds:
    recorded_within_working_days: int = 2
    min_reading_ease: float = 50.0
    max_sentence_words: int = 40
    min_body_words: int = 30
    min_reason_words: int = 3


@dataclass(frozen=True)
class Checklist:
    criteria: tuple[Criterion, ...]
    thresholds: Thresholds

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


def _thresholds(data: Any, name: str) -> Thresholds:
    if not isinstance(data, dict):
        raise ChecklistError(f"{name}: [thresholds] must be a table")
    defaults = Thresholds()
    values: dict[str, Any] = {}
    for key, default in defaults.__dict__.items():
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ChecklistError(f"{name}: thresholds.{key} must be a number")
        if value < 0:
            raise ChecklistError(f"{name}: thresholds.{key} cannot be negative")
        values[key] = type(default)(value)
    unknown = sorted(set(data) - set(values))
    if unknown:
        raise ChecklistError(f"{name}: unknown threshold {', '.join(unknown)}")
    return Thresholds(**values)


def load_checklist(path: Path | None = None) -> Checklist:
    path = path or resource_path("checklists", "case_note.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(f"{path.name}: not valid TOML: {error}") from None
    criteria: dict[str, Criterion] = {}
    for index, entry in enumerate(data.get("criterion", [])):
        where = f"{path.name}: criterion[{index}]"
        criterion_id = entry.get("id")
        if criterion_id not in CRITERIA_IDS:
            raise ChecklistError(
                f"{where}: id {criterion_id!r} is not one of {', '.join(CRITERIA_IDS)}"
            )
        if criterion_id in criteria:
            raise ChecklistError(f"{where}: {criterion_id} is listed twice")
        applies = entry.get("applies_to", "all")
        kinds = set(KINDS) if applies == "all" else applies
        if not isinstance(kinds, list | set) or not set(kinds) <= set(KINDS):
            raise ChecklistError(
                f'{where} ({criterion_id}): applies_to is "all" or a list of {", ".join(KINDS)}'
            )
        for key in ("label", "field", "message"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ChecklistError(f"{where} ({criterion_id}): needs {key}")
        criteria[criterion_id] = Criterion(
            criterion_id, entry["label"], frozenset(kinds), entry["field"], entry["message"]
        )
    missing = [criterion_id for criterion_id in CRITERIA_IDS if criterion_id not in criteria]
    if missing:
        raise ChecklistError(f"{path.name}: no entry for {', '.join(missing)}")
    thresholds = _thresholds(data.get("thresholds", {}), path.name)
    return Checklist(tuple(criteria[c] for c in CRITERIA_IDS), thresholds)


@lru_cache(maxsize=1)
def default_checklist() -> Checklist:
    return load_checklist()
