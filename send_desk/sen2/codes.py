"""The SEN2 code sets, read from ``resources/sen2/codes.toml`` and checked on load."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from send_desk.resources import read_text

MARKS = frozenset({"C", "C-com", "I", "?"})


class CodeSetError(ValueError):
    """The code-set file is malformed: named set and what is wrong."""


@dataclass(frozen=True)
class CodeSet:
    name: str
    elements: tuple[str, ...]
    mark: str
    source: str
    values: Mapping[str, str]

    def __contains__(self, code: object) -> bool:
        return code in self.values

    def label(self, code: str) -> str:
        return self.values.get(code, code)


def parse_code_sets(text: str) -> dict[str, CodeSet]:
    """Code sets from the TOML text; raises :class:`CodeSetError` naming the fault."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CodeSetError(f"SEN2 code sets: not valid TOML ({error})") from None
    sets: dict[str, CodeSet] = {}
    element_owner: dict[str, str] = {}
    for name, table in raw.items():
        sets[name] = _one(name, table)
        for element in sets[name].elements:
            if element in element_owner:
                raise CodeSetError(
                    f"SEN2 code set '{name}': element {element} is already "
                    f"coded by '{element_owner[element]}'"
                )
            element_owner[element] = name
    return sets


def _one(name: str, table: Any) -> CodeSet:
    where = f"SEN2 code set '{name}'"
    if not isinstance(table, dict):
        raise CodeSetError(f"{where}: must be a table")
    unknown = set(table) - {"elements", "mark", "source", "values"}
    if unknown:
        raise CodeSetError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    elements = table.get("elements")
    if not isinstance(elements, list) or not elements or not all(
        isinstance(e, str) and e for e in elements
    ):
        raise CodeSetError(f"{where}: 'elements' must be a list of element names")
    mark = table.get("mark")
    if mark not in MARKS:
        raise CodeSetError(f"{where}: 'mark' must be one of {', '.join(sorted(MARKS))}")
    source = table.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CodeSetError(f"{where}: 'source' must name the reference's source")
    values = table.get("values")
    if not isinstance(values, dict) or not values:
        raise CodeSetError(f"{where}: 'values' must be a table of code = label")
    for code, label in values.items():
        if not code.strip() or code != code.strip():
            raise CodeSetError(f"{where}: code '{code}' is blank or has spaces around it")
        if not isinstance(label, str) or not label.strip():
            raise CodeSetError(f"{where}: code {code} needs a label")
    return CodeSet(name, tuple(elements), str(mark), source, dict(values))


@cache
def code_sets() -> dict[str, CodeSet]:
    """The bundled code sets (read once)."""
    return parse_code_sets(read_text("sen2", "codes.toml"))


def code_set(name: str) -> CodeSet:
    return code_sets()[name]


def for_element(element: str) -> CodeSet | None:
    """The code set an element takes, if it takes one."""
    return _by_element().get(element)


@cache
def _by_element() -> dict[str, CodeSet]:
    # the import asks for every element of every person: a lookup, not a scan
    return {element: cs for cs in code_sets().values() for element in cs.elements}
