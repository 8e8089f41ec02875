"""`send-desk bench demo`: the reference and the demo measured in one run (no time asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from send_desk.bench import BENCHMARKS
from send_desk.bench.demo import REFERENCE_ROWS, reference, run


def test_the_reference_writes_its_rows_into_an_encrypted_store(tmp_path: Path) -> None:
    path = tmp_path / "reference.db"
    rates = reference(path, rows=500)
    assert rates["rows_per_s"] > 0 and rates["rows_per_cpu_s"] > 0
    # encrypted: no SQLite header and none of the rows' text in the clear
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"name 499" not in data


def test_the_demo_figures_count_every_row_the_build_writes(tmp_path: Path) -> None:
    assert BENCHMARKS["demo"] == "send_desk.bench.demo"
    figures = run(4, tmp_path)
    assert figures["children"] == 4 and figures["reference_rows"] == REFERENCE_ROWS
    written = re.fullmatch(
        r"([\d,]+) \(([\d,]+) caseload, ([\d,]+) journal, ([\d,]+) clock cache\)",
        figures["demo_rows_written"],
    )
    assert written is not None
    total, caseload, journal, cache = (int(g.replace(",", "")) for g in written.groups())
    # one journal entry per caseload row, and the total is the three together
    assert caseload == journal and total == caseload + journal + cache and cache > 0
    assert "x the reference's rows/s" in figures["demo_vs_reference"]
    # the build's own thread is part of the process: never more CPU than both threads
    threads = re.fullmatch(
        r"(\d+\.\d\d) \(both threads: (\d+\.\d\d)\)", figures["demo_main_thread_cpu_s"]
    )
    assert threads is not None
    assert 0 < float(threads.group(1)) <= float(threads.group(2))
