"""The compiled clock engine (mypyc, built by the install) and its guard.

What ships is the compiled build; its source is the reference. Both must give every
child the same milestones and warnings, and a build older than its source must never
run (the source runs instead).
"""

from __future__ import annotations

import ast
import hashlib
import importlib.machinery
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from send_desk.timescales import Event, compute_caseload, compute_timeline, native

from .test_engine_paths import TODAY, _history, _rows

# The reference: the engine's modules run from source, in a fresh interpreter (the
# compiled modules call each other inside one library, so the source of one module
# alone is not the source engine).
_REFERENCE = """
import json, random, sys
from send_desk.timescales import compute_caseload, compute_timeline, native
from tests.unit.timescales.test_engine_paths import TODAY, _history, _rows
rng = random.Random(20261122)
cases = [_history(rng) for _ in range(800)]
batch = dict(compute_caseload(
    ((i, c, e) for i, (c, e) in enumerate(cases)), TODAY, include_local=True))
out = []
for i, (child, events) in enumerate(cases):
    one = compute_timeline(events, TODAY, child, include_local=True)
    out.append([_rows(batch[i]), _rows(one.milestones),
                [[w.event_index, w.message, w.code] for w in one.warnings]])
json.dump([native.engine_build(), out], sys.stdout, default=str)
"""


def _json_rows(rows: list[tuple[object, ...]]) -> list[list[object]]:
    return json.loads(json.dumps(rows, default=str))  # type: ignore[no-any-return]


def test_the_engine_in_use_gives_what_its_source_gives() -> None:
    env = {**os.environ, native.PURE_ENV: "1"}
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", _REFERENCE],
        env={**env, "PYTHONPATH": os.pathsep.join([str(root), env.get("PYTHONPATH", "")])},
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    build, reference = json.loads(done.stdout)
    assert build == "interpreted"
    rng = random.Random(20261122)
    cases = [_history(rng) for _ in range(800)]
    installed = dict(
        compute_caseload(
            ((i, child, events) for i, (child, events) in enumerate(cases)),
            TODAY,
            include_local=True,
        )
    )
    assert sum(len(found) for found in installed.values()) > 3000
    for i, (child, events) in enumerate(cases):
        batch, single, warnings = reference[i]
        assert _json_rows(_rows(installed[i])) == batch, (i, events)
        ours = compute_timeline(events, TODAY, child, include_local=True)
        assert _json_rows(_rows(ours.milestones)) == single, (i, events)
        assert [[w.event_index, w.message, w.code] for w in ours.warnings] == warnings, i


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


def test_a_module_of_the_group_left_unbuilt_is_stale(tmp_path: Path) -> None:
    # an older build made before the engine was split: engine built and current, the
    # new module beside it has no build of its own
    folder = _package(tmp_path, b"X = 1\n", b"X = 1\n", extension=True)
    (folder / "walkers.py").write_text("Y = 1\n")
    assert native.stale_modules(folder, ("engine", "walkers")) == ["walkers"]


def test_one_stale_module_runs_the_whole_group_from_source() -> None:
    assert native.run_from_source(["walkers"], ("engine", "walkers", "checks")) == [
        "engine",
        "walkers",
        "checks",
    ]
    assert native.run_from_source([], ("engine", "walkers")) == []


def test_every_module_of_the_engine_is_compiled_and_guarded() -> None:
    # setup.py compiles what the guard checks: a module of the engine missing from
    # either would run unguarded or interpreted beside compiled ones
    setup = (Path(__file__).resolve().parents[3] / "setup.py").read_text(encoding="utf-8")
    listed = setup.split("COMPILED = ", 1)[1].split("\n", 1)[0]
    assert ast.literal_eval(listed) == native.COMPILED_MODULES
    folder = Path(native.__file__).parent
    engine_imports = {
        line.split()[1].rsplit(".", 1)[1]
        for module in native.COMPILED_MODULES
        for line in (folder / f"{module}.py").read_text(encoding="utf-8").splitlines()
        if line.startswith("from send_desk.timescales.")
    }
    split_off = {"rule_plan", "run_state", "walkers", "checks"}
    assert split_off <= engine_imports
    assert split_off | {"engine"} == set(native.COMPILED_MODULES)


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
