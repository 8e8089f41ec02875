"""The EHC plan checklist as data (resources/plans/plan_checklist.toml), checked on loading."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from send_desk.plans.wording import Wording
from send_desk.resources import resource_path

# The automatic criteria of the EHC plan standard, in its order; the ids and the section
# each belongs to are the contract of `send-desk plan check --json`.
CRITERIA_SECTIONS = {
    "a_child_voice": "A",
    "a_parent_views": "A",
    "b_needs": "B",
    "e_outcomes_smart": "E",
    "e_preparing_for_adulthood": "E",
    "f_every_need_provided": "F",
    "f_specified": "F",
    "f_quantified": "F",
    "f_serves_outcomes": "F",
    "g_health_provided": "G",
    "h_social_care_provided": "H",
    "i_draft_names_no_school": "I",
    "i_final_names_placement": "I",
    "j_personal_budget": "J",
    "k_all_advice_listed": "K",
    "plain_language": "A",
}
CRITERIA_IDS = tuple(CRITERIA_SECTIONS)
APPLIES = (
    "all",
    "child",
    "preparing_for_adulthood",
    "health_needs",
    "social_care_needs",
    "draft",
    "final_or_amended",
    "personal_budget",
)
WORD_LISTS = (
    "hedging",
    "number_words",
    "frequency_words",
    "every_words",
    "frequency_units",
    "duration_units",
    "frequency_phrases",
    "action_verbs",
    "time_words",
)


class PlanChecklistError(ValueError):
    """The plan checklist file is not valid; the message names the entry."""


@dataclass(frozen=True)
class PlanCriterion:
    id: str
    section: str
    label: str
    applies: str
    message: str


@dataclass(frozen=True)
class PlanThresholds:
    min_need_description_words: int = 10
    pfa_from_year: int = 9


@dataclass(frozen=True)
class PlanChecklist:
    criteria: tuple[PlanCriterion, ...]
    thresholds: PlanThresholds
    words: dict[str, tuple[str, ...]]
    # advice kind -> its spellings, normalised (see send_desk.plans.advice)
    advice: dict[str, tuple[str, ...]]

    def criterion(self, criterion_id: str) -> PlanCriterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    @cached_property
    def wording(self) -> Wording:
        """The word lists as the checker reads them, built once per checklist."""
        return Wording(**self.words)

    def advice_kind(self, name: str) -> str:
        """The standard's name for an advice ("EP" -> "educational_psychology"); a name
        on no list is kept, compared ignoring case, spaces, hyphens and underscores."""
        key = advice_key(name)
        for kind, spellings in self.advice.items():
            if key == advice_key(kind) or key in spellings:
                return kind
        return key


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PlanChecklistError(f"{where} must be a list of words or phrases")
    return tuple(dict.fromkeys(v.strip().lower() for v in value))


def _thresholds(data: Any, name: str) -> PlanThresholds:
    if not isinstance(data, dict):
        raise PlanChecklistError(f"{name}: [thresholds] must be a table")
    defaults = PlanThresholds()
    values: dict[str, int] = {}
    for key, default in defaults.__dict__.items():
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise PlanChecklistError(f"{name}: thresholds.{key} must be a whole number, 0 or more")
        values[key] = value
    unknown = sorted(set(data) - set(values))
    if unknown:
        raise PlanChecklistError(f"{name}: unknown threshold {', '.join(unknown)}")
    return PlanThresholds(**values)


def _criteria(data: dict[str, Any], name: str) -> tuple[PlanCriterion, ...]:
    criteria: dict[str, PlanCriterion] = {}
    entries = data.get("criterion", [])
    if not isinstance(entries, list):
        raise PlanChecklistError(f"{name}: [[criterion]] must be a list of tables")
    for index, entry in enumerate(entries):
        where = f"{name}: criterion[{index}]"
        if not isinstance(entry, dict):
            raise PlanChecklistError(f"{where} must be a table")
        criterion_id = entry.get("id")
        if criterion_id not in CRITERIA_SECTIONS:
            raise PlanChecklistError(
                f"{where}: id {criterion_id!r} is not one of {', '.join(CRITERIA_IDS)}"
            )
        if criterion_id in criteria:
            raise PlanChecklistError(f"{where}: {criterion_id} is listed twice")
        if entry.get("section") != CRITERIA_SECTIONS[criterion_id]:
            raise PlanChecklistError(
                f"{where} ({criterion_id}): section is {CRITERIA_SECTIONS[criterion_id]!r}"
            )
        if entry.get("applies") not in APPLIES:
            raise PlanChecklistError(
                f"{where} ({criterion_id}): applies is one of {', '.join(APPLIES)}"
            )
        for key in ("label", "message"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise PlanChecklistError(f"{where} ({criterion_id}): needs {key}")
        criteria[criterion_id] = PlanCriterion(
            criterion_id,
            entry["section"],
            entry["label"].strip(),
            entry["applies"],
            entry["message"].strip(),
        )
    missing = [c for c in CRITERIA_IDS if c not in criteria]
    if missing:
        raise PlanChecklistError(f"{name}: no entry for {', '.join(missing)}")
    return tuple(criteria[c] for c in CRITERIA_IDS)


def advice_key(text: str) -> str:
    """An advice name compared ignoring case, spaces, hyphens and underscores."""
    return "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def _advice(data: Any, name: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise PlanChecklistError(f"{name}: [advice] must be a table of kind = [spellings]")
    kinds: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for kind, spellings in data.items():
        keys = tuple(advice_key(s) for s in _strings(spellings, f"{name}: advice.{kind}"))
        for key in (advice_key(kind), *keys):
            if owner.setdefault(key, kind) != kind:
                raise PlanChecklistError(
                    f"{name}: advice.{kind}: {key!r} is already a spelling of {owner[key]}"
                )
        kinds[kind] = keys
    return kinds


def load_plan_checklist(path: Path | None = None) -> PlanChecklist:
    path = path or resource_path("plans", "plan_checklist.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise PlanChecklistError(f"{path.name}: not valid TOML: {error}") from None
    lists = data.get("words", {})
    if not isinstance(lists, dict):
        raise PlanChecklistError(f"{path.name}: [words] must be a table of word lists")
    unknown = sorted(set(lists) - set(WORD_LISTS))
    if unknown:
        raise PlanChecklistError(f"{path.name}: unknown word list {', '.join(unknown)}")
    words = {key: _strings(lists.get(key), f"{path.name}: words.{key}") for key in WORD_LISTS}
    return PlanChecklist(
        criteria=_criteria(data, path.name),
        thresholds=_thresholds(data.get("thresholds", {}), path.name),
        words=words,
        advice=_advice(data.get("advice", {}), path.name),
    )


@lru_cache(maxsize=1)
def default_plan_checklist() -> PlanChecklist:
    return load_plan_checklist()
