"""Typed settings, and the window's remembered layout kept apart from them.

``AppSettings`` holds choices a user makes (idle lock minutes, last page) with types
and defaults in one place. ``UiState`` holds what the window remembers by itself
(geometry, splitter positions, column widths): throwing it away never loses a choice.
Both are INI files beside the store, so a test's ``tmp_path`` store has its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


class _IniFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: T, kind: type[T]) -> T:
        value: Any = self._qsettings.value(key, default)
        if value is None:
            return default
        try:
            if kind is bool and isinstance(value, str):
                return value.lower() in ("true", "1", "yes")  # type: ignore[return-value]
            return kind(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: Any) -> None:
        self._qsettings.setValue(key, value)

    def sync(self) -> None:
        self._qsettings.sync()


class AppSettings(_IniFile):
    """The user's choices, typed."""

    def __init__(self, root: Path) -> None:
        super().__init__(root / "desktop-settings.ini")

    @property
    def idle_lock_minutes(self) -> int:
        minutes = self._get("security/idle_lock_minutes", DEFAULT_IDLE_MINUTES, int)
        return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._set("security/idle_lock_minutes", int(minutes))

    @property
    def last_page(self) -> str:
        return self._get("navigation/last_page", "caseload", str)

    @last_page.setter
    def last_page(self, page_id: str) -> None:
        self._set("navigation/last_page", page_id)

    @property
    def saved_filter(self) -> str:
        return self._get("caseload/saved_filter", "all", str)

    @saved_filter.setter
    def saved_filter(self, name: str) -> None:
        self._set("caseload/saved_filter", name)


    # ---- the statutory clock

    @property
    def reminders_enabled(self) -> bool:
        return self._get("reminders/enabled", True, bool)

    @reminders_enabled.setter
    def reminders_enabled(self, on: bool) -> None:
        self._set("reminders/enabled", bool(on))

    @property
    def reminder_lead_days(self) -> list[int]:
        """Days before a deadline to remind (0: on the day), largest first."""
        value: Any = self._qsettings.value("reminders/lead_days", DEFAULT_LEAD_DAYS)
        if isinstance(value, list):  # an INI value with commas reads back as a list
            value = ",".join(str(item) for item in value)
        try:
            return parse_lead_days(str(value))
        except ValueError:
            return parse_lead_days(DEFAULT_LEAD_DAYS)

    @reminder_lead_days.setter
    def reminder_lead_days(self, days: list[int]) -> None:
        self._set("reminders/lead_days", " ".join(str(day) for day in days))

    @property
    def my_day_scope(self) -> str:
        scope = self._get("my_day/scope", "mine", str)
        return scope if scope in ("mine", "team", "all") else "mine"

    @my_day_scope.setter
    def my_day_scope(self, scope: str) -> None:
        self._set("my_day/scope", scope)

    # ---- the SEN2 return: the council's answers, the same every year

    @property
    def sen2_la(self) -> str:
        """The council's three-digit LA number ("" until given)."""
        return self._get("sen2/la", "", str)

    @sen2_la.setter
    def sen2_la(self, la: str) -> None:
        self._set("sen2/la", la)

    def sen2_officer(self, officer: str) -> str:
        """The last answer (Y, N or R; "" for none) for ``dmo``, ``dco`` or ``dsco``."""
        answer = self._get(f"sen2/{officer}", "", str)
        return answer if answer in ("Y", "N", "R") else ""

    def set_sen2_officer(self, officer: str, answer: str) -> None:
        self._set(f"sen2/{officer}", answer)


DEFAULT_LEAD_DAYS = "10, 5, 1, 0"
MAX_LEAD_DAYS = 365


def parse_lead_days(text: str) -> list[int]:
    """"10, 5, 1, 0" -> [10, 5, 1, 0]; raises ValueError naming a bad entry."""
    days: set[int] = set()
    for part in str(text).replace(";", ",").replace(" ", ",").split(","):
        item = part.strip()
        if not item:
            continue
        if not item.isdigit() or int(item) > MAX_LEAD_DAYS:
            raise ValueError(f"'{item}' is not a number of days from 0 to {MAX_LEAD_DAYS}")
        days.add(int(item))
    return sorted(days, reverse=True)


class UiState(_IniFile):
    """Window geometry, splitters and header layouts, as opaque Qt byte arrays."""

    def __init__(self, root: Path) -> None:
        super().__init__(root / "desktop-ui-state.ini")

    def load(self, key: str) -> QByteArray | None:
        value = self._qsettings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save(self, key: str, value: QByteArray) -> None:
        self._set(f"state/{key}", value)

    def load_int(self, key: str) -> int | None:
        value = self._qsettings.value(f"state/{key}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def save_int(self, key: str, value: int) -> None:
        self._set(f"state/{key}", value)
