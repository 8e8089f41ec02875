"""Characters that must never reach a file or a terminal.

Names and notes are typed by people and pasted from other systems; an escape sequence
or a NUL that slipped into a record (before the validators refused them, or through an
old sync) breaks an XLSX file (openpyxl's IllegalCharacterError), rewrites a terminal
screen, or corrupts an ICS line. The validators refuse these characters at the service
layer; every writer also passes text through :func:`strip_control` so that what slipped
in before is dropped rather than making the export fail.

Written here rather than taken from a library: openpyxl's ``ILLEGAL_CHARACTERS_RE``
covers only XML's forbidden C0 set, not the C1 controls, DEL or the bidirectional
overrides that matter on a terminal, and each writer needs the same rule.
"""

from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; DEL; the C1 block; the Unicode
# bidirectional overrides and isolates, which can reorder what a reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# In one-line values (names, codes) line breaks and tabs are controls as well.
_CONTROL_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_control(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` holds a character a validator must refuse."""
    pattern = _CONTROL if multiline else _CONTROL_ONE_LINE
    return pattern.search(text) is not None


def strip_control(text: str, *, multiline: bool = True) -> str:
    """``text`` without control characters (tab and line breaks kept when multiline)."""
    pattern = _CONTROL if multiline else _CONTROL_ONE_LINE
    return pattern.sub("", text)
