"""The SEND glossary as data: acronyms with their spelling-out, plain words, words to avoid."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.resources import resource_path


class GlossaryError(ValueError):
    """The glossary file is not valid; the message names the entry."""


@dataclass(frozen=True)
class Acronym:
    abbreviation: str
    in_full: tuple[str, ...]
    plain: str = ""


@dataclass(frozen=True)
class Glossary:
    acronyms: dict[str, Acronym]
    plain_words: frozenset[str]
    avoid: tuple[tuple[str, str], ...]

    def lookup(self, abbreviation: str) -> Acronym | None:
        """An acronym by its abbreviation, matched exactly first, then ignoring case."""
        found = self.acronyms.get(abbreviation)
        if found is None:
            found = self._folded().get(abbreviation.upper())
        return found

    def _folded(self) -> dict[str, Acronym]:
        return {key.upper(): value for key, value in self.acronyms.items()}

    def is_plain(self, abbreviation: str) -> bool:
        return abbreviation.upper() in self.plain_words


def load_glossary(path: Path | None = None) -> Glossary:
    path = path or resource_path("glossary", "send_glossary.toml")
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise GlossaryError(f"{path.name}: not valid TOML: {error}") from None
    acronyms: dict[str, Acronym] = {}
    for index, entry in enumerate(data.get("acronym", [])):
        where = f"{path.name}: acronym[{index}]"
        abbreviation = entry.get("abbreviation")
        in_full = entry.get("in_full")
        if not isinstance(abbreviation, str) or not abbreviation.strip():
            raise GlossaryError(f"{where}: needs an abbreviation")
        if isinstance(in_full, str):
            in_full = [in_full]
        if (
            not isinstance(in_full, list)
            or not in_full
            or not all(isinstance(item, str) and item.strip() for item in in_full)
        ):
            raise GlossaryError(f"{where} ({abbreviation}): needs in_full, a list of spellings")
        plain = entry.get("plain", "")
        if not isinstance(plain, str):
            raise GlossaryError(f"{where} ({abbreviation}): plain must be text")
        acronyms[abbreviation.strip()] = Acronym(
            abbreviation.strip(), tuple(item.strip() for item in in_full), plain.strip()
        )
    plain_words = data.get("plain_words", [])
    if not isinstance(plain_words, list) or not all(isinstance(w, str) for w in plain_words):
        raise GlossaryError(f"{path.name}: plain_words must be a list of abbreviations")
    avoid = tuple(
        (str(entry.get("phrase", "")), str(entry.get("instead", "")))
        for entry in data.get("avoid", [])
    )
    return Glossary(acronyms, frozenset(word.upper() for word in plain_words), avoid)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return load_glossary()
