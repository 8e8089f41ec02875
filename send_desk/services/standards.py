"""The service standards (``resources/standards/service_standards.toml``): response times
per correspondence channel, callback hours and slots, complaint stages with their SLAs,
root-cause categories and outcomes.

A council may keep its own copy in the data folder (``standards/service_standards.toml``);
:func:`standards_for` reads that one when it is there. Every value is checked when the
file loads: a mistake is refused with a :class:`StandardsError` naming the file, the
entry and the problem, never a silent default.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.resources import resource_path
from send_desk.timescales import default_calendar
from send_desk.timescales.calendar import WorkingCalendar

FILE_NAME = "service_standards.toml"
CHANNELS = ("email", "letter", "call", "portal")
ROOT_CAUSES = (
    "policy_procedure",
    "service_quality",
    "communication",
    "service_failure",
    "staff_conduct",
)
MAX_WORKING_DAYS = 260  # a year of working days: anything longer is a typing mistake


class StandardsError(ValueError):
    """The service standards file is not valid; the message names the entry."""


@dataclass(frozen=True)
class Channel:
    id: str
    label: str
    respond_within: int  # working days


@dataclass(frozen=True)
class CallbackStandard:
    slot_minutes: int
    day_starts: time
    day_ends: time
    offer_working_days: int
    missed_after_minutes: int


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    acknowledge_within: int
    respond_within: int
    escalate_within: int | None


@dataclass(frozen=True)
class Standards:
    source: str
    channels: dict[str, Channel]
    callbacks: CallbackStandard
    stages: tuple[Stage, ...]
    root_causes: dict[str, str]
    outcomes: dict[str, str]
    ombudsman_name: str
    ombudsman_outcomes: dict[str, str]
    calendar: WorkingCalendar

    # -- dates

    def response_due(self, channel: str, received: date) -> date:
        """The day a response to an item that came on ``received`` is due."""
        return self.calendar.working_days_after(received, self.channel(channel).respond_within)

    def channel(self, channel_id: str) -> Channel:
        try:
            return self.channels[channel_id]
        except KeyError:
            raise StandardsError(
                f"'{channel_id}' is not a channel (one of {', '.join(self.channels)})"
            ) from None

    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise StandardsError(
            f"'{stage_id}' is not a complaint stage (one of {', '.join(s.id for s in self.stages)})"
        )

    def next_stage(self, stage_id: str) -> Stage | None:
        ids = [stage.id for stage in self.stages]
        position = ids.index(self.stage(stage_id).id)
        return self.stages[position + 1] if position + 1 < len(self.stages) else None

    def stage_dates(self, stage_id: str, started: date) -> tuple[date, date]:
        """(acknowledge by, respond by) for a stage that started on ``started``."""
        stage = self.stage(stage_id)
        return (
            self.calendar.working_days_after(started, stage.acknowledge_within),
            self.calendar.working_days_after(started, stage.respond_within),
        )

    def escalate_by(self, stage_id: str, responded: date) -> date | None:
        stage = self.stage(stage_id)
        if stage.escalate_within is None:
            return None
        return self.calendar.working_days_after(responded, stage.escalate_within)

    def as_json(self) -> dict[str, Any]:
        """The standards as plain data (for screens, reports and exports)."""
        cb = self.callbacks
        return {
            "source": self.source,
            "channels": {
                c.id: {"label": c.label, "respond_within_working_days": c.respond_within}
                for c in self.channels.values()
            },
            "callbacks": {
                "slot_minutes": cb.slot_minutes,
                "day_starts": cb.day_starts.strftime("%H:%M"),
                "day_ends": cb.day_ends.strftime("%H:%M"),
                "offer_working_days": cb.offer_working_days,
                "missed_after_minutes": cb.missed_after_minutes,
            },
            "complaint_stages": [
                {
                    "id": s.id,
                    "label": s.label,
                    "acknowledge_within_working_days": s.acknowledge_within,
                    "respond_within_working_days": s.respond_within,
                    "escalate_within_working_days": s.escalate_within,
                }
                for s in self.stages
            ],
            "root_causes": dict(self.root_causes),
            "outcomes": dict(self.outcomes),
            "ombudsman": {"name": self.ombudsman_name, "outcomes": dict(self.ombudsman_outcomes)},
        }


# ---------------------------------------------------------------- loading


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise StandardsError(f"{where}: [{key}] is missing")
    return value


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise StandardsError(f"{where}: '{key}' must be some text")
    return value.strip()


def _days(entry: Mapping[str, Any], key: str, where: str, *, minimum: int = 1) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise StandardsError(f"{where}: '{key}' must be a whole number of working days")
    if not minimum <= value <= MAX_WORKING_DAYS:
        raise StandardsError(
            f"{where}: '{key}' is {value}; it must be between {minimum} and {MAX_WORKING_DAYS}"
        )
    return value


def _minutes(entry: Mapping[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise StandardsError(f"{where}: '{key}' must be a whole number from {low} to {high}")
    return value


def _clock(entry: Mapping[str, Any], key: str, where: str) -> time:
    value = entry.get(key)
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise StandardsError(f"{where}: '{key}' must be a time like \"09:30\"") from None


def _labels(data: Mapping[str, Any], where: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            continue
        if not isinstance(value, str) or not value.strip():
            raise StandardsError(f"{where}: '{key}' needs a label")
        labels[key] = value.strip()
    if not labels:
        raise StandardsError(f"{where}: at least one is needed")
    return labels


def parse_standards(
    data: Mapping[str, Any], source: str, calendar: WorkingCalendar | None = None
) -> Standards:
    """Check the parsed TOML and build the standards; ``source`` names the file."""
    correspondence = _table(data, "correspondence", source)
    channels_data = _table(correspondence, "channels", f"{source}: [correspondence]")
    unknown = sorted(set(channels_data) - set(CHANNELS))
    if unknown:
        raise StandardsError(
            f"{source}: [correspondence.channels.{unknown[0]}] is not a channel SEND Desk "
            f"knows (one of {', '.join(CHANNELS)})"
        )
    channels: dict[str, Channel] = {}
    for channel_id in CHANNELS:
        where = f"{source}: [correspondence.channels.{channel_id}]"
        entry = channels_data.get(channel_id)
        if not isinstance(entry, Mapping):
            raise StandardsError(f"{where} is missing")
        channels[channel_id] = Channel(
            channel_id,
            _text(entry, "label", where),
            _days(entry, "respond_within_working_days", where),
        )

    where = f"{source}: [callbacks]"
    cb = _table(data, "callbacks", source)
    callbacks = CallbackStandard(
        slot_minutes=_minutes(cb, "slot_minutes", where, 5, 120),
        day_starts=_clock(cb, "day_starts", where),
        day_ends=_clock(cb, "day_ends", where),
        offer_working_days=_days(cb, "offer_working_days", where),
        missed_after_minutes=_minutes(cb, "missed_after_minutes", where, 0, 24 * 60),
    )
    if callbacks.day_ends <= callbacks.day_starts:
        raise StandardsError(f"{where}: 'day_ends' must be later than 'day_starts'")

    complaints = _table(data, "complaints", source)
    stages_data = complaints.get("stages")
    if not isinstance(stages_data, list) or not stages_data:
        raise StandardsError(f"{source}: [[complaints.stages]] is missing: at least one stage")
    stages: list[Stage] = []
    for index, entry in enumerate(stages_data):
        where = f"{source}: complaints.stages[{index + 1}]"
        if not isinstance(entry, Mapping):
            raise StandardsError(f"{where} is not a table")
        stage_id = _text(entry, "id", where)
        if any(stage.id == stage_id for stage in stages):
            raise StandardsError(f"{where}: the id '{stage_id}' is used twice")
        last = index == len(stages_data) - 1
        escalate = None
        if "escalate_within_working_days" in entry:
            if last:
                raise StandardsError(
                    f"{where}: the last stage has no next stage to escalate to, so "
                    "'escalate_within_working_days' does not apply"
                )
            escalate = _days(entry, "escalate_within_working_days", where)
        acknowledge = _days(entry, "acknowledge_within_working_days", where)
        respond = _days(entry, "respond_within_working_days", where)
        if acknowledge > respond:
            raise StandardsError(
                f"{where}: acknowledging ({acknowledge} working days) cannot take longer than "
                f"responding ({respond})"
            )
        stages.append(Stage(stage_id, _text(entry, "label", where), acknowledge, respond, escalate))

    root_causes = _labels(_table(complaints, "root_causes", f"{source}: [complaints]"),
                          f"{source}: [complaints.root_causes]")  # fmt: skip
    missing = [cause for cause in ROOT_CAUSES if cause not in root_causes]
    if missing:
        raise StandardsError(
            f"{source}: [complaints.root_causes] must keep the categories councils report; "
            f"'{missing[0]}' is missing"
        )
    outcomes = _labels(_table(complaints, "outcomes", f"{source}: [complaints]"),
                       f"{source}: [complaints.outcomes]")  # fmt: skip
    ombudsman = _table(complaints, "ombudsman", f"{source}: [complaints]")
    ombudsman_outcomes = _labels(
        _table(ombudsman, "outcomes", f"{source}: [complaints.ombudsman]"),
        f"{source}: [complaints.ombudsman.outcomes]",
    )
    return Standards(
        source=source,
        channels=channels,
        callbacks=callbacks,
        stages=tuple(stages),
        root_causes=root_causes,
        outcomes=outcomes,
        ombudsman_name=_text(ombudsman, "name", f"{source}: [complaints.ombudsman]"),
        ombudsman_outcomes=ombudsman_outcomes,
        calendar=calendar or default_calendar(),
    )


def load_standards(path: Path | None = None) -> Standards:
    path = path or resource_path("standards", FILE_NAME)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise StandardsError(f"{path}: cannot be read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise StandardsError(f"{path.name}: not valid TOML: {error}") from None
    return parse_standards(data, path.name)


@lru_cache(maxsize=8)
def _cached(path: Path | None, mtime: float) -> Standards:
    return load_standards(path)


def default_standards() -> Standards:
    """The bundled standards, loaded once per process."""
    return _cached(None, 0.0)


def standards_for(data_root: Path | None) -> Standards:
    """The council's own copy in the data folder when there is one, else the bundled one."""
    if data_root is not None:
        local = data_root / "standards" / FILE_NAME
        try:
            mtime = local.stat().st_mtime
        except OSError:
            return default_standards()
        return _cached(local, mtime)
    return default_standards()


__all__ = [
    "CHANNELS",
    "ROOT_CAUSES",
    "CallbackStandard",
    "Channel",
    "Stage",
    "Standards",
    "StandardsError",
    "default_standards",
    "load_standards",
    "parse_standards",
    "standards_for",
]
