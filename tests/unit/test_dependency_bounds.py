"""The lower bounds in pyproject.toml leave out releases with known vulnerabilities."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

# the last vulnerable release of each, and what was fixed after it
KNOWN_VULNERABLE = [
    ("Jinja2", "3.1.5"),  # sandbox escape through |attr (CVE-2025-27516)
    ("Jinja2", "3.1.4"),  # sandbox escapes (CVE-2024-56201, CVE-2024-56326)
    ("cryptography", "44.0.0"),  # bundled OpenSSL (CVE-2024-12797)
    ("cryptography", "42.0.3"),  # NULL dereference (CVE-2024-26130)
    ("h11", "0.15.0"),  # request smuggling (CVE-2025-43859)
    ("starlette", "0.49.0"),  # Range header DoS (CVE-2025-62727)
    ("starlette", "0.39.2"),  # multipart DoS (CVE-2024-47874)
    ("PyJWT", "2.10.0"),  # issuer checked by substring (CVE-2024-53861)
    ("pypdf", "6.3.0"),  # malformed PDFs exhaust memory or loop
    # not a CVE: every Signal.emit() from Python drops a reference to True, so a day of
    # work ends in "Fatal Python error: bool_dealloc" (tests/gui/test_signal_references.py)
    ("PySide6", "6.12.0"),
]


def _bounds() -> dict[str, Requirement]:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    requirements = [Requirement(text) for text in data["project"]["dependencies"]]
    return {req.name.lower(): req for req in requirements}


@pytest.mark.parametrize(("package", "version"), KNOWN_VULNERABLE)
def test_a_known_vulnerable_release_is_not_allowed(package: str, version: str) -> None:
    requirement = _bounds()[package.lower()]
    assert not requirement.specifier.contains(version, prereleases=True)
