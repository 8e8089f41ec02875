"""`send-desk bench sen2`: export and import of the demo's return, each beside its
reference from the same run (no time asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from send_desk.bench import BENCHMARKS
from send_desk.bench.sen2 import run


def test_the_figures_count_what_the_import_made_from_the_exported_persons(
    tmp_path: Path,
) -> None:
    assert BENCHMARKS["sen2"] == "send_desk.bench.sen2"
    figures = run(30, tmp_path)
    persons = figures["persons_in_file"]
    assert figures["children"] == 30 and 20 <= persons <= 30
    created = re.match(r"([\d,]+) children, ([\d,]+) events", figures["import_created"])
    assert created is not None and int(created.group(1)) == persons
    # the reference streamed the same persons, and wrote a journal entry per row too
    streamed = re.search(r"lxml streams ([\d,]+) persons", figures["import_reference_s"])
    assert streamed is not None and int(streamed.group(1)) == persons
    written = re.search(r"SQLCipher writes ([\d,]+) rows", figures["import_reference_s"])
    parts = figures["import_created"].split(", ")
    rows = sum(int(part.split()[0].replace(",", "")) for part in parts)
    assert written is not None and int(written.group(1).replace(",", "")) == 2 * rows
    assert figures["import_vs_reference"].endswith("x")
    assert figures["export_vs_reference"].endswith("x")
