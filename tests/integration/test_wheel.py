"""A regular (non-editable) install carries the data the app reads at run time."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from send_desk.timescales import native

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_holds_resources_and_migrations(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    wheel = next(tmp_path.glob("send_desk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = {n for n in names if n.startswith("send_desk/storage/migrations/versions/")}
    assert "send_desk/storage/migrations/versions/0001_initial_caseload_schema.py" in migrations
    assert "send_desk/storage/migrations/env.py" in names
    assert "send_desk/storage/migrations/script.py.mako" in names
    shipped = {
        n.removeprefix("send_desk/_resources/")
        for n in names
        if n.startswith("send_desk/_resources/")
    }
    on_disk = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    assert on_disk and on_disk <= shipped

    # where this machine compiled the clock for the editable install, the wheel has it
    # too, with the record of the source it was built from
    if native.engine_build() == "compiled":
        folder = ROOT / "send_desk" / "timescales"
        for module in native.COMPILED_MODULES:
            prefix = f"send_desk/timescales/{module}."
            built = [n for n in names if n.startswith(prefix) and n[-3:] != ".py"]
            assert built, sorted(n for n in names if n.startswith("send_desk/timescales/"))
        record = json.loads(zipfile.ZipFile(wheel).read("send_desk/timescales/compiled.json"))
        assert record == {
            module: hashlib.sha256((folder / f"{module}.py").read_bytes()).hexdigest()
            for module in native.COMPILED_MODULES
        }
