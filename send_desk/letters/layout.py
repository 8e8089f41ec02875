"""Sizes and spacing of each variant (standard, large print, easy read)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    body_pt: float
    title_pt: float
    heading_pt: float
    small_pt: float
    line_spacing: float  # multiple of the font size
    paragraph_space_pt: float


LAYOUTS = {
    # Clear print (RNIB): at least 12 point, a plain sans-serif font, left aligned.
    "standard": Layout(12, 16, 13, 9.5, 1.25, 8),
    # Large print: 16 point or more, more space between lines.
    "large_print": Layout(16, 22, 18, 13, 1.4, 12),
    # Easy read: large text, one idea a line, plenty of space.
    "easy_read": Layout(14, 20, 16, 11, 1.5, 12),
}


def layout_for(variant: str) -> Layout:
    return LAYOUTS.get(variant, LAYOUTS["standard"])
