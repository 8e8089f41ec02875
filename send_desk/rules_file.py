"""Rules kept as data: a TOML file of ``resources/`` read with checks.

The statutory clock's rules have their own loader (:mod:`send_desk.timescales.rules`);
the smaller rule files (the compliance figures, the calendar's fixed periods, the
deadlines' priority groups, the sampling weights) are read through :func:`read_rules`.
Each value is taken with the type it must have, and a file that is not valid TOML, lacks
a key, has a key it should not, or holds a value of the wrong kind is refused whole, with
a message naming the file and the key: a rule is never half-read or guessed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from send_desk.resources import resource_path


class RulesFileError(ValueError):
    """A rules file is wrong; the message names the file and the key."""


@dataclass(frozen=True)
class RulesTable:
    """One table of a rules file, with where it is (for messages)."""

    file: str
    where: str
    data: Mapping[str, Any]

    def _key(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, problem: str) -> RulesFileError:
        return RulesFileError(f"{self.file}: {self._key(key)}: {problem}")

    def only(self, *keys: str) -> None:
        """Refuse a key this table should not have (a misspelt one is never ignored)."""
        for key in self.data:
            if key not in keys:
                raise self.error(key, f"not a key here (keys: {', '.join(keys)})")

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise self.error(key, "missing")
        return self.data[key]

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"{value!r} is not a text")
        return value

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.error(key, f"{value!r} is not a whole number of at least {minimum}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            raise self.error(key, f"{value!r} is not a list of texts")
        if len(set(value)) != len(value):
            raise self.error(key, f"{value!r} names one twice")
        return tuple(value)

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            raise self.error(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def table(self, key: str) -> RulesTable:
        value = self._get(key)
        if not isinstance(value, dict):
            raise self.error(key, "must be a table")
        return RulesTable(self.file, self._key(key), value)

    def tables(self, key: str) -> tuple[RulesTable, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"must be one or more [[{key}]] tables")
        return tuple(
            RulesTable(self.file, f"{self._key(key)}[{i}]", item) for i, item in enumerate(value)
        )


def read_rules_file(path: Path) -> RulesTable:
    """The top table of a rules file; refused whole if it cannot be read as TOML."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RulesFileError(f"{path.name}: cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RulesFileError(f"{path.name}: not valid TOML: {error}") from None
    return RulesTable(path.name, "", data)


def read_rules(*parts: str) -> RulesTable:
    """A bundled rules file, by its path under ``resources/``."""
    return read_rules_file(resource_path(*parts))
