"""The council's letterhead and contacts, from ``letterhead.toml``.

The bundled ``resources/letters/letterhead.toml`` is the default. A council's own copy
in the data folder (``DIR/letters/letterhead.toml``) overrides it key by key, so a
council can change its phone number without copying the whole file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from send_desk.resources import resource_path

LETTERHEAD_FILE = "letterhead.toml"
SECTIONS = ("council", "sendiass", "mediation", "disagreement", "appeals", "tribunal", "complaints")


class LetterheadError(ValueError):
    """The letterhead file is not valid; the message names the file and key."""


@dataclass(frozen=True)
class Letterhead:
    """Every section as a dict of text values (``address`` is a list of lines)."""

    values: dict[str, dict[str, Any]]
    logo: Path | None = None

    @property
    def council(self) -> dict[str, Any]:
        return self.values["council"]

    def as_fields(self) -> dict[str, dict[str, Any]]:
        """The merge fields (``council.name``, ``sendiass.phone``...) for templates."""
        out: dict[str, dict[str, Any]] = {}
        for section, values in self.values.items():
            out[section] = {
                key: "\n".join(value) if isinstance(value, list) else value
                for key, value in values.items()
                if key != "logo"
            }
        return out


def local_letterhead_path(data_root: Path) -> Path:
    """Where a council's own letterhead lives in the data folder."""
    return data_root / "letters" / LETTERHEAD_FILE


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise LetterheadError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise LetterheadError(f"{path}: cannot be read ({error.strerror})") from None


def _check(data: dict[str, Any], path: Path) -> None:
    for section, values in data.items():
        if section not in SECTIONS:
            raise LetterheadError(
                f"{path.name}: unknown section [{section}] (known: {', '.join(SECTIONS)})"
            )
        if not isinstance(values, dict):
            raise LetterheadError(f"{path.name}: [{section}] must be a table of values")
        for key, value in values.items():
            lines = isinstance(value, list) and all(isinstance(item, str) for item in value)
            if not isinstance(value, str) and not lines:
                raise LetterheadError(f"{path.name}: {section}.{key} must be text")


def load_letterhead(data_root: Path | None = None, *, path: Path | None = None) -> Letterhead:
    """The bundled letterhead, overridden by ``path`` or by the data folder's copy."""
    default_path = resource_path("letters", LETTERHEAD_FILE)
    data = _read(default_path)
    _check(data, default_path)
    logo_base = default_path.parent
    override = path
    if override is None and data_root is not None:
        candidate = local_letterhead_path(data_root)
        override = candidate if candidate.is_file() else None
    if override is not None:
        local = _read(override)
        _check(local, override)
        for section, values in local.items():
            data.setdefault(section, {}).update(values)
        logo_base = override.parent
    for section in SECTIONS:
        data.setdefault(section, {})
    for key in ("name", "phone", "email"):
        if not str(data["council"].get(key, "")).strip():
            raise LetterheadError(f"{LETTERHEAD_FILE}: council.{key} is needed on every letter")
    logo_text = str(data["council"].get("logo", "") or "").strip()
    logo: Path | None = None
    if logo_text:
        logo = Path(logo_text)
        if not logo.is_absolute():
            logo = logo_base / logo
        if not logo.is_file():
            raise LetterheadError(f"{LETTERHEAD_FILE}: the logo {logo} is not there")
    return Letterhead(data, logo)
