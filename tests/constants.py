"""Constants many test modules share, so each says what it is instead of repeating a
literal: the password test stores are created with, and the days the tests treat as
"today".

A module whose "today" is part of its hand-worked answers (a deadline counted from it)
keeps its own date, named there; the days here are the ones modules merely repeat.
"""

from __future__ import annotations

from datetime import date

# The password of every store a test creates (tests/conftest.py's ``store`` fixture too).
PASSWORD = "correct horse battery staple"

# The suite's default day: the day demo stores, sync tests and most services tests are
# built on (a Sunday, so working-day counts from it start on the Monday).
TODAY = date(2026, 11, 22)

# The Friday before: the day the demo stores of the letters, documents and plan tests
# are built on (and the GUI tests', whose conftest keeps its own copy).
DEMO_TODAY = date(2026, 11, 20)
