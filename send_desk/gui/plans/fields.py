"""Where a criterion of the plan standard points: the section, the item and the field a
caseworker should go to, read from the check's result (pure: no widgets)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from send_desk.gui.plans.models import COLUMNS, sections_of
from send_desk.plans.checker import PlanItemResult

# The column of an item a criterion is about (where its detail does not say).
_COLUMN = {
    "b_needs": "description",
    "e_outcomes_smart": "outcome",
    "f_specified": "what",
    "f_quantified": "frequency",
    "f_serves_outcomes": "outcomes",
    "plain_language": "description",
}
# f_specified's detail says what is missing in words ("f1: say who, how often.")
_MISSING = {"what": "what", "who": "who", "how often": "frequency", "for how long": "duration"}
# Section-level criteria point at a field of their page.
_FIELD = {
    "a_child_voice": "child_views",
    "a_parent_views": "parent_views",
    "i_draft_names_no_school": "name",
    "i_final_names_placement": "type",
    "j_personal_budget": "covers",
    "k_all_advice_listed": "advice",
}


@dataclass(frozen=True, slots=True)
class Target:
    section: str
    item: str | None = None  # an item id of a table section
    column: str | None = None  # the item's field
    field: str | None = None  # a field of a page that is not a table


def target_of(result: PlanItemResult, sections_items: dict[str, set[str]]) -> Target:
    """Where to go for a criterion: the first failing item in the section it is about
    (the need named in f_every_need_provided is given provision in F, so F is shown)."""
    section = sections_of(result)[0]
    if result.id == "plain_language" and result.items:
        first = result.items[0]
        if first.startswith("A."):
            return Target("A", field=first[2:])
        return Target(section, item=first, column="description")
    if section in COLUMNS:
        item = next((i for i in result.items if i in sections_items.get(section, set())), None)
        return Target(section, item=item, column=_column(result) if item else None)
    return Target(section, field=_FIELD.get(result.id))


def _column(result: PlanItemResult) -> str | None:
    detail = " ".join(result.details)
    if result.id == "f_quantified":
        found = re.search(r"in (\w+) is not enforceable", detail)
        if found:
            return found.group(1)
        if "how often" not in detail and "for how long" in detail:
            return "duration"
    if result.id == "f_specified":
        said = re.search(r"say ([^.]+)\.", detail)
        if said:
            first = said.group(1).split(",")[0].strip()
            return _MISSING.get(first, "what")
    if result.id == "e_outcomes_smart" and ("by when" in detail or "not after" in detail):
        return "by"
    if result.id == "b_needs" and "SEN2 area" in detail and "words" not in detail:
        return "area"
    return _COLUMN.get(result.id)
