"""Reading each table of a rule file into the rules' data, every key and value checked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.timescales.counting import (
    DAY_ONE_UNITS,
    SHORT_MONTH_POLICIES,
    UNITS,
    Conventions,
)
from send_desk.timescales.rule_types import (
    Anchor,
    Condition,
    DoneBy,
    DueSpec,
    ExceptionReason,
    OrderCheck,
    Period,
    PhaseTransferSpec,
    Rule,
    RuleError,
    Trigger,
)

ROLLS = ("next_working_day", "next_tribunal_day")
KINDS = ("task", "info")
PICKS = ("first", "latest")
TRANSFER_KINDS = ("school", "post16")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_MONTH_DAY = re.compile(r"^(\d\d)-(\d\d)$")


# -- loading --------------------------------------------------------------------------------

_TOP_LEVEL = {"conventions", "exception_reason", "milestone", "phase_transfer", "order_check"}
_MILESTONE_KEYS = {
    "id", "name", "title", "kind", "local", "priority", "trigger", "due", "done_by",
    "id_suffix", "requires", "unless", "exceptions", "exception_source", "source",
    "action", "info", "note", "ends_with_plan", "left_out_when",
}  # fmt: skip
_DUE_KEYS = {"count", "unit", "from", "date_in_year", "year_of", "later_of", "then", "roll"}


class _Where:
    """Prefix for error messages: file and rule."""

    def __init__(self, file: str, rule: str | None = None) -> None:
        self.file, self.rule = file, rule

    def error(self, problem: str) -> RuleError:
        if self.rule is None:
            return RuleError(f"{self.file}: {problem}")
        return RuleError(f"{self.file}: rule '{self.rule}': {problem}")


def _text(table: Mapping[str, Any], key: str, where: _Where, required: bool = True) -> str:
    value = table.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"'{key}' must be a non-empty text")
    return value.strip()


def _bool(table: Mapping[str, Any], key: str, where: _Where) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise where.error(f"'{key}' must be true or false")
    return value


def _event_type(value: Any, where: _Where, what: str) -> str:
    if not isinstance(value, str) or value not in EVENT_TYPES:
        raise where.error(
            f"{what} {value!r} is not a known event type (known: {', '.join(EVENT_TYPES)})"
        )
    return value


def _event_list(value: Any, where: _Where, what: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise where.error(f"{what} needs at least one event type")
    return tuple(_event_type(item, where, what) for item in items)


def _filter(
    value: Any, event_types: tuple[str, ...], where: _Where, what: str
) -> tuple[tuple[str, Any], ...]:
    """A {field = value} filter, checked against the event types' extra fields."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise where.error(f"{what} must be a table of field = value")
    for type_id in event_types:
        extras = {extra.name: extra for extra in EVENT_TYPES[type_id].extras}
        for name, wanted in value.items():
            extra = extras.get(name)
            if extra is None:
                raise where.error(f"{what}: '{type_id}' events have no field '{name}'")
            if extra.kind == "choice" and wanted not in extra.choices:
                raise where.error(
                    f"{what}: {name} must be one of {', '.join(extra.choices)} (not {wanted!r})"
                )
            if extra.kind == "bool" and not isinstance(wanted, bool):
                raise where.error(f"{what}: {name} must be true or false")
    return tuple(sorted(value.items()))


def _count(table: Mapping[str, Any], where: _Where, what: str) -> Period:
    count, unit = table.get("count"), table.get("unit")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise where.error(f"{what}: 'count' must be a whole number of 1 or more (not {count!r})")
    if unit not in UNITS:
        raise where.error(f"{what}: unit {unit!r} is not one of {', '.join(UNITS)}")
    return Period(count, str(unit))


def _due(value: Any, trigger: Trigger, where: _Where, what: str = "due") -> DueSpec:
    if not isinstance(value, dict):
        raise where.error(f"'{what}' must be a table")
    unknown = sorted(set(value) - _DUE_KEYS)
    if unknown:
        raise where.error(f"{what}: unknown key {', '.join(unknown)}")
    then = _count(value["then"], where, f"{what}.then") if "then" in value else None
    roll = value.get("roll")
    if roll is not None and roll not in ROLLS:
        raise where.error(f"{what}: roll must be one of {', '.join(ROLLS)} (not {roll!r})")
    forms = [key for key in ("count", "date_in_year", "later_of") if key in value]
    if len(forms) != 1:
        raise where.error(
            f"{what} needs exactly one of count+unit, date_in_year+year_of or later_of"
        )
    if "later_of" in value:
        parts = value["later_of"]
        if not isinstance(parts, list) or len(parts) < 2:
            raise where.error(f"{what}.later_of must list at least two due dates")
        specs = tuple(
            _due(part, trigger, where, f"{what}.later_of[{i}]") for i, part in enumerate(parts)
        )
        if all(spec.anchor is not None for spec in specs):
            raise where.error(
                f"{what}.later_of: at least one date must count from the trigger itself"
            )
        return DueSpec(later_of=specs, then=then, roll=roll)
    if "date_in_year" in value:
        text, year_of = value.get("date_in_year"), value.get("year_of")
        match = _MONTH_DAY.match(text) if isinstance(text, str) else None
        if match is None:
            raise where.error(f'{what}.date_in_year must be MM-DD, e.g. "02-15" (not {text!r})')
        month, day = int(match[1]), int(match[2])
        try:
            date(2001, month, day)  # a year with no 29 February
        except ValueError:
            raise where.error(f"{what}.date_in_year {text!r} is not a day of every year") from None
        extras = {extra.name: extra for extra in EVENT_TYPES[trigger.event].extras}
        if year_of not in extras or extras[str(year_of)].kind != "date":
            raise where.error(
                f"{what}.year_of must name a date field of '{trigger.event}' (not {year_of!r})"
            )
        return DueSpec(date_in_year=(month, day), year_of=str(year_of), then=then, roll=roll)
    anchor = None
    if "from" in value:
        source = value["from"]
        if not isinstance(source, dict) or len(source) != 1:
            raise where.error(
                f"{what}.from must be {{ latest_before_trigger = [...] }} or "
                "{ first_after_trigger = [...] }"
            )
        ((pick, events),) = source.items()
        if pick not in ("latest_before_trigger", "first_after_trigger"):
            raise where.error(
                f"{what}.from: {pick!r} is not latest_before_trigger or first_after_trigger"
            )
        anchor = Anchor(pick, _event_list(events, where, f"{what}.from"))
    return DueSpec(period=_count(value, where, what), anchor=anchor, then=then, roll=roll)


def _conditions(value: Any, where: _Where, what: str) -> tuple[Condition, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise where.error(f"'{what}' must be a list of {{ milestone = ..., done_with = {{...}} }}")
    result = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("milestone"), str):
            raise where.error(f"{what}[{i}] needs a milestone id")
        unknown = sorted(set(item) - {"milestone", "done_with"})
        if unknown:
            raise where.error(f"{what}[{i}]: unknown key {', '.join(unknown)}")
        done_with = item.get("done_with", {})
        if not isinstance(done_with, dict):
            raise where.error(f"{what}[{i}].done_with must be a table")
        result.append(Condition(item["milestone"], tuple(sorted(done_with.items()))))
    return tuple(result)


def _milestone(table: Any, file: str) -> Rule:
    if not isinstance(table, dict):
        raise _Where(file).error("each [[milestone]] must be a table")
    rule_id = table.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise _Where(file).error(f"a milestone has a missing or bad id {rule_id!r}")
    name = table.get("name", rule_id)
    where = _Where(file, str(name))
    if not isinstance(name, str) or not _ID.match(name):
        raise where.error("'name' must be lower_case_with_underscores")
    unknown = sorted(set(table) - _MILESTONE_KEYS)
    if unknown:
        raise where.error(f"unknown key {', '.join(unknown)}")

    kind = table.get("kind", "task")
    if kind not in KINDS:
        raise where.error(f"kind must be task or info (not {kind!r})")

    raw_trigger = table.get("trigger")
    if not isinstance(raw_trigger, dict):
        raise where.error("'trigger' must be a table like { event = \"request_received\" }")
    unknown = sorted(set(raw_trigger) - {"event", "where", "where_not", "initial"})
    if unknown:
        raise where.error(f"trigger: unknown key {', '.join(unknown)}")
    event = _event_type(raw_trigger.get("event"), where, "trigger event")
    trigger = Trigger(
        event=event,
        where=_filter(raw_trigger.get("where"), (event,), where, "trigger.where"),
        where_not=_filter(raw_trigger.get("where_not"), (event,), where, "trigger.where_not"),
        initial=(
            _event_type(raw_trigger["initial"], where, "trigger initial")
            if "initial" in raw_trigger
            else None
        ),
    )

    id_suffix = table.get("id_suffix")
    if id_suffix is not None:
        fields = {extra.name for extra in EVENT_TYPES[event].extras}
        if id_suffix not in fields:
            raise where.error(f"id_suffix {id_suffix!r} is not a field of '{event}' events")

    done_by = None
    raw_done = table.get("done_by")
    if raw_done is not None:
        if kind == "info":
            raise where.error("an info milestone is a date to know: it has no done_by")
        if not isinstance(raw_done, dict):
            raise where.error("'done_by' must be a table like { event = \"advice_received\" }")
        unknown = sorted(
            set(raw_done)
            - {"event", "match", "where", "within_months_before_due", "pick", "late_until"}
        )
        if unknown:
            raise where.error(f"done_by: unknown key {', '.join(unknown)}")
        done_events = _event_list(raw_done.get("event"), where, "done_by event")
        match = raw_done.get("match", [])
        if not isinstance(match, list):
            raise where.error("done_by.match must be a list of field names")
        for field_name in match:
            for type_id in (event, *done_events):
                if field_name not in {extra.name for extra in EVENT_TYPES[type_id].extras}:
                    raise where.error(f"done_by.match: '{type_id}' events have no '{field_name}'")
        window = raw_done.get("within_months_before_due")
        if window is not None and (not isinstance(window, int) or window < 1):
            raise where.error("done_by.within_months_before_due must be a whole number")
        pick = raw_done.get("pick", "first")
        if pick not in PICKS:
            raise where.error(f"done_by.pick must be first or latest (not {pick!r})")
        late_until = raw_done.get("late_until")
        if late_until is not None:
            dates = {x.name for x in EVENT_TYPES[event].extras if x.kind == "date"}
            if late_until not in dates or window is None:
                raise where.error(
                    "done_by.late_until must name a date field of the trigger event "
                    f"({', '.join(sorted(dates)) or 'none'}) and needs within_months_before_due"
                )
        done_by = DoneBy(
            events=done_events,
            match=tuple(match),
            where=_filter(raw_done.get("where"), done_events, where, "done_by.where"),
            within_months_before_due=window,
            pick=pick,
            late_until=late_until,
        )

    exceptions = table.get("exceptions", [])
    if not isinstance(exceptions, list) or not all(isinstance(x, str) for x in exceptions):
        raise where.error("'exceptions' must be a list of exception reason ids")
    if exceptions and kind == "info":
        raise where.error("an info milestone cannot have exceptions")

    action = _text(table, "action", where, required=kind == "task")
    info = _text(table, "info", where, required=kind == "info")
    title = _text(table, "title", where)
    for key, text in (("title", title), ("action", action), ("info", info)):
        _check_placeholders(text, key, key == "info", id_suffix is not None, where)

    return Rule(
        name=name,
        id=rule_id,
        title=title,
        kind=kind,
        trigger=trigger,
        due=_due(table.get("due"), trigger, where),
        source=_text(table, "source", where),
        file=file,
        done_by=done_by,
        id_suffix=id_suffix,
        requires=_conditions(table.get("requires"), where, "requires"),
        unless=_conditions(table.get("unless"), where, "unless"),
        exceptions=tuple(exceptions),
        exception_source=_text(table, "exception_source", where, required=False),
        action=action,
        info=info,
        note=_text(table, "note", where, required=False),
        local=_bool(table, "local", where),
        priority=_bool(table, "priority", where),
        ends_with_plan=_bool(table, "ends_with_plan", where),
        **_left_out_when(table.get("left_out_when"), where),
    )


def _left_out_when(value: Any, where: _Where) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - {"event", "before_due"}:
        raise where.error(
            "'left_out_when' must be a table like { event = [\"plan_transferred_in\"] }"
        )
    return {
        "left_out_when": _event_list(value.get("event"), where, "left_out_when event"),
        "left_out_before_due": _bool(value, "before_due", where),
    }


def _check_placeholders(text: str, key: str, due: bool, suffix: bool, where: _Where) -> None:
    """Only {due} (in info) and {suffix} (with id_suffix) may appear in the texts."""
    allowed = {"due"} if due else set()
    if suffix:
        allowed.add("suffix")
    for name in re.findall(r"{([^{}]*)}", text):
        if name not in allowed:
            shown = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
            raise where.error(f"'{key}' uses {{{name}}}; placeholders allowed here: {shown}")


def _conventions(table: Any, file: str) -> Conventions:
    where = _Where(file)
    if not isinstance(table, dict):
        raise where.error("[conventions] must be a table")
    defaults = Conventions()
    counts = dict(defaults.count_event_day)
    short_month = defaults.short_month
    not_counted = defaults.tribunal_not_counted
    for key, value in table.items():
        if key == "short_month":
            if value not in SHORT_MONTH_POLICIES:
                raise where.error(
                    f"conventions.short_month must be one of {', '.join(SHORT_MONTH_POLICIES)}"
                )
            short_month = value
        elif key == "tribunal_not_counted":
            periods = []
            for item in value if isinstance(value, list) else [None]:
                if not (isinstance(item, list) and len(item) == 2):
                    raise where.error(
                        'conventions.tribunal_not_counted must list ["MM-DD", "MM-DD"] pairs'
                    )
                ends = []
                for text in item:
                    match = _MONTH_DAY.match(text) if isinstance(text, str) else None
                    if match is None or not (1 <= int(match[1]) <= 12):
                        raise where.error(f"conventions.tribunal_not_counted: bad day {text!r}")
                    ends.append((int(match[1]), int(match[2])))
                periods.append((ends[0], ends[1]))
            not_counted = tuple(periods)
        elif key in DAY_ONE_UNITS:
            if (
                not isinstance(value, dict)
                or set(value) != {"count_event_day"}
                or not isinstance(value["count_event_day"], bool)
            ):
                raise where.error(f"conventions.{key} must be {{ count_event_day = true|false }}")
            counts[key] = value["count_event_day"]
        else:
            raise where.error(f"conventions: unknown setting '{key}'")
    return Conventions(counts, short_month, not_counted)


def _reason(table: Any, file: str) -> ExceptionReason:
    if not isinstance(table, dict) or not isinstance(table.get("id"), str):
        raise _Where(file).error("each [[exception_reason]] needs an id")
    where = _Where(file, table["id"])
    unknown = sorted(set(table) - {"id", "label", "source", "meaning", "closure_window"})
    if unknown:
        raise where.error(f"unknown key {', '.join(unknown)}")
    return ExceptionReason(
        id=table["id"],
        label=_text(table, "label", where),
        source=_text(table, "source", where),
        meaning=_text(table, "meaning", where),
        closure_window=_bool(table, "closure_window", where),
    )


def _phase_transfer(table: Any, file: str) -> PhaseTransferSpec:
    where = _Where(file)
    if not isinstance(table, dict):
        raise where.error("each [[phase_transfer]] must be a table")
    year = table.get("from_year")
    if not isinstance(year, int) or isinstance(year, bool) or not -1 <= year <= 13:
        raise where.error(f"phase_transfer.from_year must be -1 (nursery) to 13 (not {year!r})")
    kind = table.get("kind")
    if kind not in TRANSFER_KINDS:
        raise where.error(f"phase_transfer from year {year}: kind must be school or post16")
    phases = table.get("setting_phases", [])
    if not isinstance(phases, list) or not all(isinstance(p, str) for p in phases):
        raise where.error(f"phase_transfer from year {year}: setting_phases must be a list")
    unknown = sorted(set(table) - {"from_year", "kind", "label", "setting_phases"})
    if unknown:
        raise where.error(f"phase_transfer from year {year}: unknown key {', '.join(unknown)}")
    return PhaseTransferSpec(year, kind, _text(table, "label", where), tuple(phases))


def _order_check(table: Any, file: str) -> OrderCheck:
    where = _Where(file)
    if not isinstance(table, dict) or set(table) != {"event", "after"}:
        raise where.error("each [[order_check]] needs exactly event and after")
    return OrderCheck(
        _event_type(table["event"], where, "order_check event"),
        _event_list(table["after"], where, "order_check after"),
    )
