"""Census days: the third Thursday of January, and the census a return is prepared for.

The rule is data (``resources/sen2/census.toml``): which weekday, which of them in the
month, and until when the return of a census that has passed is still being prepared.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from send_desk.resources import read_text


@dataclass(frozen=True, slots=True)
class CensusRule:
    month: int
    weekday: int  # Monday is 0
    occurrence: int
    prepare_until: tuple[int, int]  # (month, day)


@cache
def census_rule() -> CensusRule:
    table = tomllib.loads(read_text("sen2", "census.toml"))["census"]
    month, day = (int(part) for part in str(table["prepare_until"]).split("-"))
    return CensusRule(int(table["month"]), int(table["weekday"]), int(table["occurrence"]),
                      (month, day))  # fmt: skip


def census_day(year: int, rule: CensusRule | None = None) -> date:
    """The census day of the return named ``year`` (e.g. 2027: Thursday 21 January)."""
    rule = rule or census_rule()
    first = date(year, rule.month, 1)
    to_weekday = (rule.weekday - first.weekday()) % 7
    return first + timedelta(days=to_weekday + 7 * (rule.occurrence - 1))


def census_to_prepare(today: date, rule: CensusRule | None = None) -> date:
    """The census whose return is being prepared on ``today``: this year's until the end
    of its preparation (March), else next year's."""
    rule = rule or census_rule()
    month, day = rule.prepare_until
    if today <= date(today.year, month, day):
        return census_day(today.year, rule)
    return census_day(today.year + 1, rule)
