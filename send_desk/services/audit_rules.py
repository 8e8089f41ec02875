"""The audit form as data: manual criteria and the overall grade rule (resources/supervision).

:func:`load_rubric` reads and validates ``audit.toml``; :func:`overall_grade` applies the
rule to a form's automatic results and manual grades. Pure functions, no store.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.domain.supervision import GRADES
from send_desk.quality.checklist import CRITERIA_IDS
from send_desk.resources import resource_path


class RubricError(ValueError):
    """The audit form's data file is wrong; the message names the entry."""


@dataclass(frozen=True)
class ManualCriterion:
    id: str
    label: str
    help: str


@dataclass(frozen=True)
class GradeCondition:
    grade: str
    manual_min: str | None = None
    manual_share: tuple[str, float] | None = None
    automatic_pass_rate: float | None = None
    must_pass: tuple[str, ...] = ()


@dataclass(frozen=True)
class AutomaticResult:
    id: str
    applies: bool
    passed: bool


@dataclass(frozen=True)
class Rubric:
    version: int
    manual: tuple[ManualCriterion, ...]
    overall: tuple[GradeCondition, ...]

    @property
    def manual_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.manual)


def rank(grade: str) -> int:
    """0 for outstanding ... 3 for inadequate (lower is better)."""
    return GRADES.index(grade)


def check_grade(value: Any, where: str) -> str:
    """``value`` if it is a grade of the scale; else RubricError naming ``where``."""
    if value not in GRADES:
        raise RubricError(f"{where}: {value!r} is not one of {', '.join(GRADES)}")
    return str(value)


def rubric_version(data: Mapping[str, Any], name: str) -> int:
    """A rubric file's version, once its version and grade scale are checked (the checks
    every audit form's file shares)."""
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise RubricError(f"{name}: version must be a whole number from 1")
    if list(data.get("scale", GRADES)) != list(GRADES):
        raise RubricError(f"{name}: the scale is {', '.join(GRADES)}, best first")
    return version


def check_overall_order(grades: Sequence[str], name: str) -> None:
    """The [[overall]] entries name each grade once, best first."""
    if list(grades) != list(GRADES):
        raise RubricError(f"{name}: [[overall]] lists each grade once, from outstanding down")


def read_rubric_file(path: Path) -> dict[str, Any]:
    """A rubric file's TOML; RubricError (naming the file) when it is not valid TOML."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise RubricError(f"{path.name}: not valid TOML: {error}") from None


def check_graded(manual_ids: Sequence[str], manual: Mapping[str, str]) -> None:
    """Every manual criterion is graded, each with a grade of the scale."""
    missing = [c for c in manual_ids if c not in manual]
    if missing:
        raise RubricError(f"not graded: {', '.join(missing)}")
    for criterion_id, grade in manual.items():
        check_grade(grade, criterion_id)


def _share(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RubricError(f"{where}: a share between 0 and 1 is needed, not {value!r}")
    return float(value)


def _condition(entry: Any, where: str) -> GradeCondition:
    if not isinstance(entry, dict):
        raise RubricError(f"{where}: a table is needed")
    known = {"grade", "manual_min", "manual_share", "automatic_pass_rate", "must_pass"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise RubricError(f"{where}: unknown condition {', '.join(unknown)}")
    grade = check_grade(entry.get("grade"), f"{where}.grade")
    manual_min = entry.get("manual_min")
    if manual_min is not None:
        manual_min = check_grade(manual_min, f"{where}.manual_min")
    share: tuple[str, float] | None = None
    if "manual_share" in entry:
        raw = entry["manual_share"]
        if not isinstance(raw, dict):
            raise RubricError(f"{where}.manual_share: {{grade, share}} is needed")
        share = (
            check_grade(raw.get("grade"), f"{where}.manual_share.grade"),
            _share(raw.get("share"), f"{where}.manual_share.share"),
        )
    rate = entry.get("automatic_pass_rate")
    if rate is not None:
        rate = _share(rate, f"{where}.automatic_pass_rate")
    must = entry.get("must_pass", [])
    if not isinstance(must, list) or any(m not in CRITERIA_IDS for m in must):
        raise RubricError(f"{where}.must_pass: a list of the checker's criterion ids is needed")
    return GradeCondition(grade, manual_min, share, rate, tuple(must))


def parse_rubric(data: Mapping[str, Any], name: str = "audit.toml") -> Rubric:
    version = rubric_version(data, name)
    manual: list[ManualCriterion] = []
    for index, entry in enumerate(data.get("manual", [])):
        where = f"{name}: manual[{index}]"
        if not isinstance(entry, dict):
            raise RubricError(f"{where}: a table is needed")
        for key in ("id", "label"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise RubricError(f"{where}: needs {key}")
        if entry["id"] in CRITERIA_IDS or entry["id"] in {m.id for m in manual}:
            raise RubricError(f"{where}: id {entry['id']!r} is used twice")
        manual.append(ManualCriterion(entry["id"], entry["label"], str(entry.get("help", ""))))
    if not manual:
        raise RubricError(f"{name}: no manual criteria")
    overall = [
        _condition(entry, f"{name}: overall[{index}]")
        for index, entry in enumerate(data.get("overall", []))
    ]
    check_overall_order([c.grade for c in overall], name)
    last = overall[-1]
    if last.manual_min or last.manual_share or last.automatic_pass_rate or last.must_pass:
        raise RubricError(f"{name}: the last [[overall]] entry ({last.grade}) has no conditions")
    return Rubric(version, tuple(manual), tuple(overall))


def load_rubric(path: Path | None = None) -> Rubric:
    path = path or resource_path("supervision", "audit.toml")
    data = read_rubric_file(path)
    return parse_rubric(data, path.name)


@lru_cache(maxsize=1)
def default_rubric() -> Rubric:
    return load_rubric()


def _holds(
    condition: GradeCondition,
    automatic: Sequence[AutomaticResult],
    manual: Mapping[str, str],
) -> bool:
    grades = list(manual.values())
    if condition.manual_min is not None and any(
        rank(g) > rank(condition.manual_min) for g in grades
    ):
        return False
    if condition.manual_share is not None:
        grade, share = condition.manual_share
        good = sum(1 for g in grades if rank(g) <= rank(grade))
        if not grades or good < share * len(grades):
            return False
    applicable = [a for a in automatic if a.applies]
    if condition.automatic_pass_rate is not None and applicable:
        passed = sum(1 for a in applicable if a.passed)
        if passed < condition.automatic_pass_rate * len(applicable):
            return False
    by_id = {a.id: a for a in automatic}
    for criterion_id in condition.must_pass:
        found = by_id.get(criterion_id)
        if found is not None and found.applies and not found.passed:
            return False
    return True


def overall_grade(
    rubric: Rubric, automatic: Sequence[AutomaticResult], manual: Mapping[str, str]
) -> str:
    """The best grade whose conditions all hold (the last entry always holds).

    ``manual`` maps every manual criterion id to its grade.
    """
    check_graded(rubric.manual_ids, manual)
    for condition in rubric.overall:
        if _holds(condition, automatic, manual):
            return condition.grade
    return GRADES[-1]
