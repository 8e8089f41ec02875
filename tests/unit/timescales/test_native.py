"""The compiled clock engine (mypyc, built by the install) and its guard.

What ships is the compiled build; its source is the reference. Both must give every
child the same milestones and warnings, and a build older than its source must never
run (the source runs instead).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from send_desk.timescales import Event, compute_caseload, compute_timeline, native

from .test_engine_paths import TODAY, _history, _rows

ENGINE_SOURCE = Path(native.__file__).with_name("engine.py")


def _engine_from_source() -> ModuleType:
    """The engine's .py loaded under its own name, whatever build is installed."""
    spec = importlib.util.spec_from_file_location("send_desk_clock_source", ENGINE_SOURCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.__file__ is not None and module.__file__.endswith(".py")
    return module


def test_the_engine_in_use_gives_what_its_source_gives() -> None:
    source = _engine_from_source()
    rng = random.Random(20261122)
    cases = [_history(rng) for _ in range(800)]
    installed = dict(
        compute_caseload(
            ((i, child, events) for i, (child, events) in enumerate(cases)),
            TODAY,
            include_local=True,
        )
    )
    reference = dict(
        source.compute_caseload(
            ((i, child, events) for i, (child, events) in enumerate(cases)),
            TODAY,
            include_local=True,
        )
    )
    assert sum(len(found) for found in installed.values()) > 3000
    for i, (child, events) in enumerate(cases):
        assert _rows(installed[i]) == _rows(reference[i]), (i, events)
        ours = compute_timeline(events, TODAY, child, include_local=True)
        theirs = source.compute_timeline(events, TODAY, child, include_local=True)
        assert _rows(ours.milestones) == _rows(theirs.milestones), (i, events)
        assert ours.warnings == theirs.warnings, (i, events)


def _package(tmp_path: Path, source: bytes, built_from: bytes | None, *, extension: bool) -> Path:
    (tmp_path / "engine.py").write_bytes(source)
    if extension:
        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        (tmp_path / f"engine{suffix}").write_bytes(b"not really a library")
    if built_from is not None:
        record = {"engine": hashlib.sha256(built_from).hexdigest()}
        (tmp_path / native.BUILD_RECORD).write_text(json.dumps(record))
    return tmp_path


def test_a_build_made_from_the_source_beside_it_is_current(tmp_path: Path) -> None:
    folder = _package(tmp_path, b"X = 1\n", b"X = 1\n", extension=True)
    assert native.stale_modules(folder) == []


def test_a_build_of_an_older_source_is_stale(tmp_path: Path) -> None:
    folder = _package(tmp_path, b"X = 2\n", b"X = 1\n", extension=True)
    assert native.stale_modules(folder) == ["engine"]


def test_a_build_with_no_record_of_its_source_is_stale(tmp_path: Path) -> None:
    folder = _package(tmp_path, b"X = 2\n", None, extension=True)
    assert native.stale_modules(folder) == ["engine"]
    (folder / native.BUILD_RECORD).write_text("{not json")
    assert native.stale_modules(folder) == ["engine"]


def test_no_build_is_never_stale(tmp_path: Path) -> None:
    folder = _package(tmp_path, b"X = 2\n", b"X = 1\n", extension=False)
    assert native.stale_modules(folder) == []


def test_pure_python_switch_runs_the_source_with_the_same_results() -> None:
    # a fresh interpreter: the guard acts before the engine is first imported
    script = (
        "import json; from datetime import date\n"
        "from send_desk.timescales import Event, compute_timeline, engine, native\n"
        "t = compute_timeline([Event('request_received', date(2026, 1, 5))], date(2026, 3, 1))\n"
        "print(json.dumps([native.engine_build(), engine.__file__,"
        " [[m.id, m.due.isoformat(), m.status] for m in t.milestones]]))\n"
    )
    env = {**os.environ, native.PURE_ENV: "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    build, path, rows = json.loads(done.stdout)
    assert build == "interpreted" and path.endswith("engine.py")
    here = compute_timeline([Event("request_received", TODAY.replace(month=1, day=5))], TODAY)
    assert rows and rows == [[m.id, m.due.isoformat(), m.status] for m in here.milestones]
