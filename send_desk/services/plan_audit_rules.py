"""The plan audit form as data (resources/supervision/plan_audit.toml).

:func:`load_plan_rubric` reads and validates the file; :func:`suggested_grades` gives
each manual criterion its starting grade from the checker's results, and
:func:`plan_overall_grade` applies the weighted overall rule. Pure functions, no store.
The file's header says what each rule means.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.domain.supervision import GRADES
from send_desk.plans.checklist import CRITERIA_IDS, CRITERIA_SECTIONS
from send_desk.resources import resource_path
from send_desk.services.audit_rules import (
    RubricError,
    check_grade,
    check_graded,
    check_overall_order,
    rank,
    read_rubric_file,
    rubric_version,
)

WHOLE_PLAN = "plan"  # the section of a criterion about the plan read as a whole


@dataclass(frozen=True)
class Suggestion:
    """A grade to start from when the checker's results match."""

    grade: str
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    failed_at_least: int | None = None

    def holds(self, failed: set[str]) -> bool:
        if self.any and not failed.intersection(self.any):
            return False
        if self.all and not failed.issuperset(self.all):
            return False
        return self.failed_at_least is None or len(failed) >= self.failed_at_least


@dataclass(frozen=True)
class PlanManualCriterion:
    id: str
    section: str
    label: str
    help: str
    weight: float
    suggest: tuple[Suggestion, ...]
    otherwise: str


@dataclass(frozen=True)
class PlanGradeCondition:
    grade: str
    manual_min: str | None = None
    manual_score: float | None = None
    graded_min: tuple[tuple[str, str], ...] = ()
    automatic_rate: float | None = None
    must_pass: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.manual_min or self.manual_score is not None or self.graded_min
            or self.automatic_rate is not None or self.must_pass
        )  # fmt: skip


@dataclass(frozen=True)
class PlanAutomatic:
    """One automatic criterion's result on the audited version."""

    id: str
    section: str
    applies: bool
    passed: bool


@dataclass(frozen=True)
class PlanRubric:
    version: int
    points: Mapping[str, float]
    weights: Mapping[str, float]
    manual: tuple[PlanManualCriterion, ...]
    overall: tuple[PlanGradeCondition, ...]

    @property
    def manual_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.manual)

    def weight(self, section: str) -> float:
        return self.weights.get(section, self.weights.get(section[:1], 1.0))


def _number(value: Any, where: str, *, share: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise RubricError(f"{where}: a number of 0 or more is needed, not {value!r}")
    if share and value > 1:
        raise RubricError(f"{where}: a share between 0 and 1 is needed, not {value!r}")
    return float(value)


def _ids(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or any(v not in CRITERIA_IDS for v in value):
        raise RubricError(f"{where}: a list of the plan checker's criterion ids is needed")
    return tuple(str(v) for v in value)


def _known(entry: Any, keys: set[str], where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RubricError(f"{where}: a table is needed")
    unknown = sorted(set(entry) - keys)
    if unknown:
        raise RubricError(f"{where}: unknown key {', '.join(unknown)}")
    return entry


def _suggestion(entry: Any, where: str) -> Suggestion:
    entry = _known(entry, {"grade", "any", "all", "failed_at_least"}, where)
    least = entry.get("failed_at_least")
    if least is not None and (isinstance(least, bool) or not isinstance(least, int) or least < 1):
        raise RubricError(f"{where}.failed_at_least: a whole number from 1 is needed")
    found = Suggestion(
        check_grade(entry.get("grade"), f"{where}.grade"),
        _ids(entry.get("any", []), f"{where}.any"),
        _ids(entry.get("all", []), f"{where}.all"),
        least,
    )
    if not (found.any or found.all or found.failed_at_least):
        raise RubricError(f"{where}: say when it holds (any, all or failed_at_least)")
    return found


def _manual(entry: Any, where: str, weights: Mapping[str, float]) -> PlanManualCriterion:
    keys = {"id", "section", "label", "help", "otherwise", "suggest"}
    entry = _known(entry, keys, where)
    for key in ("id", "section", "label"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise RubricError(f"{where}: needs {key}")
    if entry["section"] not in weights:
        raise RubricError(f"{where}: section {entry['section']!r} has no weight in [weights]")
    suggestions = entry.get("suggest", [])
    if not isinstance(suggestions, list):
        raise RubricError(f"{where}.suggest: a list of [[manual.suggest]] tables is needed")
    return PlanManualCriterion(
        id=entry["id"],
        section=entry["section"],
        label=entry["label"],
        help=str(entry.get("help", "")),
        weight=weights[entry["section"]],
        suggest=tuple(_suggestion(s, f"{where}.suggest[{i}]") for i, s in enumerate(suggestions)),
        otherwise=check_grade(entry.get("otherwise", "good"), f"{where}.otherwise"),
    )


def _condition(entry: Any, where: str, manual_ids: set[str]) -> PlanGradeCondition:
    keys = {"grade", "manual_min", "manual_score", "graded_min", "automatic_rate", "must_pass"}
    entry = _known(entry, keys, where)
    graded = entry.get("graded_min", {})
    if not isinstance(graded, dict) or any(k not in manual_ids for k in graded):
        raise RubricError(f"{where}.graded_min: {{manual criterion id = grade}} is needed")
    score, rate = entry.get("manual_score"), entry.get("automatic_rate")
    return PlanGradeCondition(
        grade=check_grade(entry.get("grade"), f"{where}.grade"),
        manual_min=(
            check_grade(entry["manual_min"], f"{where}.manual_min")
            if "manual_min" in entry
            else None
        ),
        manual_score=_number(score, f"{where}.manual_score") if score is not None else None,
        graded_min=tuple(
            (str(k), check_grade(v, f"{where}.graded_min.{k}")) for k, v in graded.items()
        ),
        automatic_rate=(
            _number(rate, f"{where}.automatic_rate", share=True) if rate is not None else None
        ),
        must_pass=_ids(entry.get("must_pass", []), f"{where}.must_pass"),
    )


def parse_plan_rubric(data: Mapping[str, Any], name: str = "plan_audit.toml") -> PlanRubric:
    version = rubric_version(data, name)
    points_raw = data.get("points")
    if not isinstance(points_raw, dict) or set(points_raw) != set(GRADES):
        raise RubricError(f"{name}: [points] gives each grade a number")
    points = {g: _number(points_raw[g], f"{name}: points.{g}") for g in GRADES}
    if [points[g] for g in GRADES] != sorted(points.values(), reverse=True):
        raise RubricError(f"{name}: [points] must not rank a worse grade above a better one")
    weights_raw = data.get("weights")
    if not isinstance(weights_raw, dict) or not weights_raw:
        raise RubricError(f"{name}: [weights] gives each section a weight")
    weights = {str(k): _number(v, f"{name}: weights.{k}") for k, v in weights_raw.items()}
    missing = sorted(set(CRITERIA_SECTIONS.values()) - set(weights))
    if missing:
        raise RubricError(f"{name}: [weights] has no weight for section {', '.join(missing)}")
    manual: list[PlanManualCriterion] = []
    for index, entry in enumerate(data.get("manual", [])):
        criterion = _manual(entry, f"{name}: manual[{index}]", weights)
        if criterion.id in CRITERIA_IDS or criterion.id in {m.id for m in manual}:
            raise RubricError(f"{name}: manual[{index}]: id {criterion.id!r} is used twice")
        manual.append(criterion)
    if not manual:
        raise RubricError(f"{name}: no manual criteria")
    ids = {m.id for m in manual}
    overall = [
        _condition(entry, f"{name}: overall[{index}]", ids)
        for index, entry in enumerate(data.get("overall", []))
    ]
    check_overall_order([c.grade for c in overall], name)
    if not overall[-1].empty:
        raise RubricError(
            f"{name}: the last [[overall]] entry ({overall[-1].grade}) has no conditions"
        )
    return PlanRubric(version, points, weights, tuple(manual), tuple(overall))


def load_plan_rubric(path: Path | None = None) -> PlanRubric:
    path = path or resource_path("supervision", "plan_audit.toml")
    data = read_rubric_file(path)
    return parse_plan_rubric(data, path.name)


@lru_cache(maxsize=1)
def default_plan_rubric() -> PlanRubric:
    return load_plan_rubric()


def failed_ids(automatic: Sequence[PlanAutomatic]) -> set[str]:
    return {a.id for a in automatic if a.applies and not a.passed}


def suggested_grades(rubric: PlanRubric, automatic: Sequence[PlanAutomatic]) -> dict[str, str]:
    """Each manual criterion's starting grade: its first suggestion that holds."""
    failed = failed_ids(automatic)
    return {
        c.id: next((s.grade for s in c.suggest if s.holds(failed)), c.otherwise)
        for c in rubric.manual
    }


def manual_score(rubric: PlanRubric, manual: Mapping[str, str]) -> float:
    """The manual grades' points averaged with their section weights."""
    total = sum(c.weight for c in rubric.manual)
    if not total:
        return 0.0
    return sum(rubric.points[manual[c.id]] * c.weight for c in rubric.manual) / total


def automatic_rate(rubric: PlanRubric, automatic: Sequence[PlanAutomatic]) -> float | None:
    """The weighted share of applicable automatic criteria passed (None: none applied)."""
    applicable = [a for a in automatic if a.applies]
    total = sum(rubric.weight(a.section) for a in applicable)
    if not total:
        return None
    return sum(rubric.weight(a.section) for a in applicable if a.passed) / total


def _holds(
    condition: PlanGradeCondition,
    rubric: PlanRubric,
    automatic: Sequence[PlanAutomatic],
    manual: Mapping[str, str],
) -> bool:
    if condition.manual_min is not None and any(
        rank(g) > rank(condition.manual_min) for g in manual.values()
    ):
        return False
    if condition.manual_score is not None and manual_score(rubric, manual) < (
        condition.manual_score - 1e-9
    ):
        return False
    if any(rank(manual[cid]) > rank(grade) for cid, grade in condition.graded_min):
        return False
    rate = automatic_rate(rubric, automatic)
    if (
        condition.automatic_rate is not None
        and rate is not None
        and (rate < condition.automatic_rate - 1e-9)
    ):
        return False
    return not failed_ids(automatic).intersection(condition.must_pass)


def plan_overall_grade(
    rubric: PlanRubric, automatic: Sequence[PlanAutomatic], manual: Mapping[str, str]
) -> str:
    """The best grade whose conditions all hold. ``manual`` grades every manual
    criterion of the rubric (RubricError names what is missing or unknown)."""
    unknown = sorted(set(manual) - set(rubric.manual_ids))
    if unknown:
        raise RubricError(f"unknown criteria: {', '.join(unknown)}")
    check_graded(rubric.manual_ids, manual)
    for condition in rubric.overall:
        if _holds(condition, rubric, automatic, manual):
            return condition.grade
    return GRADES[-1]
