"""Reading a plan document (the standard's JSON) into a :class:`~send_desk.plans.model.Plan`.

What is refused, with a :class:`PlanFormatError` whose ``place`` names the spot
(``sections.F[1].needs[0]``):

* a value of the wrong type (text where a list belongs, a number where text belongs,
  ``"yes"`` for true), an unknown ``status``, a date that is not YYYY-MM-DD or not real;
* a section other than A to K (H1 and H2), such as "H" or "f";
* an item of B to H2 without an id, or an id used twice anywhere in the plan (links
  name ids without their section, so an id must mean one thing);
* a link to nothing: an outcome naming a need that is not in B, C or D; a provision in
  F naming a need not in B; a provision in G, H1 or H2 naming a need not in B, C or D;
  any provision or the personal budget naming an outcome not in E.

Everything else is kept as written, however incomplete, for the checker to report: a
plan is checked while it is being written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from send_desk.plans.model import (
    A_FIELDS,
    NONE_SECTIONS,
    STATUSES,
    Child,
    Need,
    NeedList,
    Outcome,
    PersonalBudget,
    Placement,
    Plan,
    Provision,
    ProvisionList,
    Sections,
    Views,
    frozen_extra,
)
from send_desk.timeutil import parse_iso_date

T = TypeVar("T")

TOP_KEYS = ("status", "date", "child", "personal_budget_requested", "advice_received", "sections")
SECTION_KEYS = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")
_NEED_KEYS = ("id", "description", "area", "primary")
_OUTCOME_KEYS = ("id", "outcome", "by", "needs", "pfa")
_PROVISION_KEYS = ("id", "needs", "outcomes", *Provision.TEXT_FIELDS)
# Where the needs a link names must be, for each section that names needs.
_NEED_SOURCES = {
    "E": ("B", "C", "D"),
    "F": ("B",),
    "G": ("C", "B", "D"),
    "H1": ("D", "B", "C"),
    "H2": ("D", "B", "C"),
}


class PlanFormatError(ValueError):
    """The document is not a plan; ``place`` names where (``sections.E[0].by``)."""

    def __init__(self, place: str, message: str) -> None:
        super().__init__(f"{place}: {message}" if place else message)
        self.place = place
        self.message = message


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:39]}…"'
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def _object(value: Any, place: str, example: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise PlanFormatError(place, f"must be an object such as {example}, not {_describe(value)}")
    return value


def _text(data: Mapping[str, Any], key: str, place: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PlanFormatError(f"{place}.{key}", f"must be text, not {_describe(value)}")
    return value.strip()


def _optional_text(data: Mapping[str, Any], key: str, place: str) -> str | None:
    text = _text(data, key, place)
    return text if text else None


def _flag(data: Mapping[str, Any], key: str, place: str) -> bool:
    value = data.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise PlanFormatError(f"{place}.{key}", f"must be true or false, not {_describe(value)}")
    return value


def _date(data: Mapping[str, Any], key: str, place: str) -> date | None:
    value = data.get(key)
    where = f"{place}.{key}" if place else key
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise PlanFormatError(where, f"must be a date (YYYY-MM-DD), not {_describe(value)}")
    try:
        return parse_iso_date(value)
    except ValueError:
        raise PlanFormatError(
            where, f"{_describe(value)} is not a real date in the form YYYY-MM-DD"
        ) from None


def _list(value: Any, place: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise PlanFormatError(place, f"must be a list, not {_describe(value)}")
    return list(value)


def _ids(data: Mapping[str, Any], key: str, place: str) -> tuple[str, ...]:
    ids = []
    for index, value in enumerate(_list(data.get(key), f"{place}.{key}")):
        if not isinstance(value, str) or not value.strip():
            raise PlanFormatError(
                f"{place}.{key}[{index}]", f"must be an id (text), not {_describe(value)}"
            )
        ids.append(value.strip())
    return tuple(ids)


def _extra(data: Mapping[str, Any], known: Sequence[str]) -> Mapping[str, Any]:
    return frozen_extra({key: value for key, value in data.items() if key not in known})


def _item_id(entry: Mapping[str, Any], place: str, section: str) -> str:
    value = entry.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PlanFormatError(
            f"{place}.id",
            f'is needed, so other sections can name it (such as "{section.lower()}1")',
        )
    if not isinstance(value, str):
        raise PlanFormatError(f"{place}.id", f"must be text, not {_describe(value)}")
    return value.strip()


def _items(
    sections: Mapping[str, Any],
    key: str,
    build: Callable[[Mapping[str, Any], str], T],
) -> tuple[list[T], str | None]:
    """A section's list of items, or its {"none": reason} (where allowed)."""
    place = f"sections.{key}"
    value = sections.get(key)
    if isinstance(value, Mapping):
        if key not in NONE_SECTIONS:
            raise PlanFormatError(place, "must be a list")
        if set(value) != {"none"}:
            raise PlanFormatError(
                place, 'is a list, or {"none": "why nothing is needed"} and nothing else'
            )
        reason = value["none"]
        if reason is not None and not isinstance(reason, str):
            raise PlanFormatError(f"{place}.none", f"must be text, not {_describe(reason)}")
        return [], (reason or "").strip()
    items = []
    for index, entry in enumerate(_list(value, place)):
        where = f"{place}[{index}]"
        items.append(build(_object(entry, where, '{"id": "..."}'), where))
    return items, None


def _need_builder(section: str) -> Callable[[Mapping[str, Any], str], Need]:
    def build(entry: Mapping[str, Any], place: str) -> Need:
        if section == "B":
            area = entry.get("area")
            if area is not None and not isinstance(area, str):
                raise PlanFormatError(f"{place}.area", f"must be text, not {_describe(area)}")
            return Need(
                id=_item_id(entry, place, section),
                description=_text(entry, "description", place),
                area=(area or "").strip().upper(),
                primary=_flag(entry, "primary", place),
                extra=_extra(entry, _NEED_KEYS),
            )
        return Need(
            id=_item_id(entry, place, section),
            description=_text(entry, "description", place),
            extra=_extra(entry, ("id", "description")),
        )

    return build


def _outcome(entry: Mapping[str, Any], place: str) -> Outcome:
    return Outcome(
        id=_item_id(entry, place, "E"),
        outcome=_text(entry, "outcome", place),
        by=_date(entry, "by", place),
        needs=_ids(entry, "needs", place),
        pfa=_flag(entry, "pfa", place),
        extra=_extra(entry, _OUTCOME_KEYS),
    )


def _provision_builder(section: str) -> Callable[[Mapping[str, Any], str], Provision]:
    def build(entry: Mapping[str, Any], place: str) -> Provision:
        texts = {name: _text(entry, name, place) for name in Provision.TEXT_FIELDS}
        return Provision(
            id=_item_id(entry, place, section),
            needs=_ids(entry, "needs", place),
            outcomes=_ids(entry, "outcomes", place),
            extra=_extra(entry, _PROVISION_KEYS),
            **texts,
        )

    return build


def _views(value: Any) -> Views:
    if value is None:
        return Views()
    data = _object(value, "sections.A", '{"child_views": "...", "parent_views": "..."}')
    texts = {name: _text(data, name, "sections.A") for name in A_FIELDS}
    return Views(extra=_extra(data, A_FIELDS), **texts)


def _placement(value: Any) -> Placement:
    if value is None:
        return Placement()
    data = _object(value, "sections.I", '{"type": "mainstream secondary school", "name": null}')
    return Placement(
        type=_text(data, "type", "sections.I"),
        name=_optional_text(data, "name", "sections.I"),
        type_only=_flag(data, "type_only", "sections.I"),
        extra=_extra(data, ("type", "name", "type_only")),
    )


def _budget(value: Any) -> PersonalBudget | None:
    if value is None:
        return None
    place = "sections.J"
    data = _object(value, place, '{"covers": "...", "direct_payments": false}')
    direct = data.get("direct_payments")
    if isinstance(direct, str):
        direct = direct.strip() or None
    elif direct is not None and not isinstance(direct, bool):
        raise PlanFormatError(
            f"{place}.direct_payments", f"must be true, false or text, not {_describe(direct)}"
        )
    return PersonalBudget(
        covers=_text(data, "covers", place),
        outcomes=_ids(data, "outcomes", place),
        direct_payments=direct,
        extra=_extra(data, ("covers", "outcomes", "direct_payments")),
    )


def _names(value: Any, place: str) -> tuple[str, ...]:
    names = []
    for index, entry in enumerate(_list(value, place)):
        if not isinstance(entry, str):
            raise PlanFormatError(f"{place}[{index}]", f"must be text, not {_describe(entry)}")
        if entry.strip():
            names.append(entry.strip())
    return tuple(names)


def _child(value: Any) -> Child:
    if value is None:
        return Child()
    data = _object(value, "child", '{"first_name": "Sam", "year_group": 10}')
    year = data.get("year_group")
    if isinstance(year, str) and year.strip().lstrip("-").isdigit():
        year = int(year)  # "10" as typed in a form
    elif isinstance(year, str) and year.strip().lower() in {"r", "reception"}:
        year = 0
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise PlanFormatError("child.year_group", f"must be a whole number, not {_describe(year)}")
    # EHC plans run from birth to 25: National Curriculum years -5 to 20 (0 is Reception)
    if year is not None and not -5 <= year <= 20:
        raise PlanFormatError("child.year_group", f"{year} is not a year group (-5 to 20)")
    return Child(
        first_name=_text(data, "first_name", "child"),
        year_group=year,
        young_person=_flag(data, "young_person", "child"),
        extra=_extra(data, ("first_name", "year_group", "young_person")),
    )


def _check_links(plan: Plan) -> None:
    s = plan.sections
    seen: dict[str, str] = {}
    lists = {"B": s.B.items, "C": s.C.items, "D": s.D.items}
    groups: list[tuple[str, Sequence[Need | Outcome | Provision]]] = [
        *lists.items(),
        ("E", s.E),
        *((key, getattr(s, key).items) for key in ("F", "G", "H1", "H2")),
    ]
    for key, items in groups:
        for index, item in enumerate(items):
            if item.id in seen:
                raise PlanFormatError(
                    f"sections.{key}[{index}].id",
                    f'"{item.id}" is already the id of {seen[item.id]}; each id names one item',
                )
            seen[item.id] = f"sections.{key}[{index}]"
    need_ids = {key: {need.id for need in items} for key, items in lists.items()}
    outcome_ids = {outcome.id for outcome in s.E}

    def check_needs(key: str, index: int, needs: tuple[str, ...]) -> None:
        sources = _NEED_SOURCES[key]
        for n, need in enumerate(needs):
            if not any(need in need_ids[source] for source in sources):
                where = f"section {sources[0]}" if len(sources) == 1 else "sections B, C or D"
                raise PlanFormatError(
                    f"sections.{key}[{index}].needs[{n}]", f'no need "{need}" in {where}'
                )

    def check_outcomes(place: str, outcomes: tuple[str, ...]) -> None:
        for n, outcome in enumerate(outcomes):
            if outcome not in outcome_ids:
                raise PlanFormatError(
                    f"{place}.outcomes[{n}]", f'no outcome "{outcome}" in section E'
                )

    for index, outcome in enumerate(s.E):
        check_needs("E", index, outcome.needs)
    for key, provisions in (("F", s.F), ("G", s.G), ("H1", s.H1), ("H2", s.H2)):
        for index, provision in enumerate(provisions.items):
            check_needs(key, index, provision.needs)
            check_outcomes(f"sections.{key}[{index}]", provision.outcomes)
    if s.J is not None:
        check_outcomes("sections.J", s.J.outcomes)


def parse_plan(data: Any) -> Plan:
    """Read a plan document; raises PlanFormatError naming the place that is wrong."""
    if not isinstance(data, Mapping):
        raise PlanFormatError(
            "", 'a plan is a JSON object such as {"status": "draft", "sections": {...}}'
        )
    raw_status = data.get("status")
    if raw_status is None or (isinstance(raw_status, str) and not raw_status.strip()):
        raise PlanFormatError("status", f"is needed (one of {', '.join(STATUSES)})")
    if not isinstance(raw_status, str) or raw_status.strip().lower() not in STATUSES:
        raise PlanFormatError(
            "status", f"{_describe(raw_status)} is not one of {', '.join(STATUSES)}"
        )
    raw_sections = data.get("sections")
    sections = {} if raw_sections is None else _object(raw_sections, "sections", '{"A": {...}}')
    for key in sections:
        if key not in SECTION_KEYS:
            # a section is a statutory heading: "H" or "f" is a slip that would hide its items
            raise PlanFormatError(
                f"sections.{key}", f"is not a section of a plan ({', '.join(SECTION_KEYS)})"
            )
    b, _ = _items(sections, "B", _need_builder("B"))
    c, c_none = _items(sections, "C", _need_builder("C"))
    d, d_none = _items(sections, "D", _need_builder("D"))
    e, _ = _items(sections, "E", _outcome)
    provisions = {}
    for key in ("F", "G", "H1", "H2"):
        items, none_reason = _items(sections, key, _provision_builder(key))
        provisions[key] = ProvisionList(tuple(items), none_reason)
    parsed = Sections(
        A=_views(sections.get("A")),
        B=NeedList(tuple(b)),
        C=NeedList(tuple(c), c_none),
        D=NeedList(tuple(d), d_none),
        E=tuple(e),
        F=provisions["F"],
        G=provisions["G"],
        H1=provisions["H1"],
        H2=provisions["H2"],
        I=_placement(sections.get("I")),
        J=_budget(sections.get("J")),
        K=_names(sections.get("K"), "sections.K"),
    )
    budget_asked = data.get("personal_budget_requested")
    if budget_asked is not None and not isinstance(budget_asked, bool):
        raise PlanFormatError(
            "personal_budget_requested", f"must be true or false, not {_describe(budget_asked)}"
        )
    plan = Plan(
        status=raw_status.strip().lower(),
        date=_date(data, "date", ""),
        child=_child(data.get("child")),
        personal_budget_requested=bool(budget_asked),
        advice_received=_names(data.get("advice_received"), "advice_received"),
        sections=parsed,
        extra=_extra(data, TOP_KEYS),
    )
    _check_links(plan)
    return plan
