"""SEN2 benchmark: export the demo's return and import it into an empty store, each
beside a reference measured in the same run.

- Export: the return built from the store and written as XML, against the store's
  own read of the same event rows plus lxml writing the same tree (what no export can
  avoid).
- Import: the file into an empty store (read, checked, written with the journal's bulk
  path, the children's deadlines worked out), against lxml streaming the same file with
  nothing done per person, plus plain SQLCipher writing as many rows
  (:func:`send_desk.bench.demo.reference`).

The demo store is built first and is not timed.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import func, select
from sqlmodel import col

from send_desk.bench.demo import reference
from send_desk.demo.generator import build_demo
from send_desk.domain.events import CaseEvent
from send_desk.domain.journal import JournalEntry
from send_desk.paths import DataPaths
from send_desk.sen2.export import Options, build_return, to_xml, write_xml
from send_desk.sen2.importer import import_sen2
from send_desk.storage.store import create_store

PASSWORD = "benchmark password 2026"
TODAY = date(2027, 2, 1)
OPTIONS = Options(date(2027, 1, 21), la="999", dmo="Y", dco="Y", dsco="N")


def _parse_only(path: Path) -> tuple[float, int]:
    """lxml streaming the file, each person cleared as it ends: the floor of any import."""
    started = time.perf_counter()
    persons = 0
    for _event, element in etree.iterparse(str(path), events=("end",), tag="Person"):
        persons += 1
        element.clear()
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]
    return time.perf_counter() - started, persons


def run(children: int, workdir: Path) -> dict[str, Any]:
    xml = workdir / "sen2.xml"
    with create_store(DataPaths(workdir / "demo"), PASSWORD) as store:
        build_demo(store, children=children, seed=1, today=TODAY)
        started, cpu = time.perf_counter(), time.process_time()
        with store.read() as session:
            sen2 = build_return(session, OPTIONS, now=datetime(2027, 2, 1, 9, 0))
        write_xml(sen2, xml)
        export_s, export_cpu = time.perf_counter() - started, time.process_time() - cpu
        # the reference: the event rows read, and the same tree written, nothing built
        started = time.perf_counter()
        with store.read() as session:
            rows = session.execute(
                select(
                    col(CaseEvent.child_id),
                    col(CaseEvent.type),
                    col(CaseEvent.date),
                    col(CaseEvent.details),
                )
            ).all()
        etree.tostring(to_xml(sen2), encoding="UTF-8", xml_declaration=True, pretty_print=True)
        export_reference_s = time.perf_counter() - started
    persons = len(sen2.persons)
    del sen2, rows
    parse_s, parsed = _parse_only(xml)
    with create_store(DataPaths(workdir / "empty"), PASSWORD) as empty:
        started, cpu = time.perf_counter(), time.process_time()
        result = import_sen2(empty, xml, today=TODAY)
        import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        with empty.read() as session:
            journal = session.scalar(select(func.count()).select_from(JournalEntry)) or 0
    if result.problems:
        raise RuntimeError(f"the demo's file did not import: {result.problems[0]}")
    written = sum(result.created.values()) + journal
    insert_rate = reference(workdir / "reference.db")["rows_per_s"]
    insert_s = written / insert_rate
    import_reference_s = parse_s + insert_s
    return {
        "children": children,
        "persons_in_file": persons,
        "file_mb": round(xml.stat().st_size / 1_000_000, 1),
        # CPU too: on a machine shared with other work, wall time says as much about it
        "export_s": f"{export_s:.2f} (CPU {export_cpu:.2f})",
        "export_reference_s": f"{export_reference_s:.2f} (read the events, write the tree)",
        "export_vs_reference": f"{export_s / export_reference_s:.1f}x",
        "import_s": f"{import_s:.2f} (CPU {import_cpu:.2f}; the clock's cache included)",
        "import_created": ", ".join(f"{n:,} {name}" for name, n in result.created.items()),
        "import_reference_s": f"{import_reference_s:.2f} (lxml streams {parsed:,} persons "
        f"{parse_s:.2f} + SQLCipher writes {written:,} rows {insert_s:.2f})",
        "import_vs_reference": f"{import_s / import_reference_s:.1f}x",
    }
