"""The laptop build: PyInstaller's one-folder app passes its self-test on a demo store.

This is the slowest test (about 40 s); it is what CI has instead of trusting that a
working source tree freezes into a working app.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_app_builds_a_demo_store_and_passes_its_self_test(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
            "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
        ],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "send-desk" / "send-desk"
    assert exe.exists()

    env = {
        **os.environ,
        "SEND_DESK_PASSWORD": "frozen build check 1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    store = tmp_path / "store"
    demo = subprocess.run(
        [str(exe), "--data-dir", str(store), "demo", "--children", "300", "--json"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert demo.returncode == 0, demo.stderr
    test = subprocess.run(
        [str(exe), "--data-dir", str(store), "--self-test"],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )
    assert test.returncode == 0, test.stderr
    assert "300" in test.stdout
    # the laptop build carries the clock engine compiled by the install (setup.py)
    assert "clock engine compiled" in test.stdout, test.stdout

    wrong = subprocess.run(
        [str(exe), "--data-dir", str(store), "stats"],
        capture_output=True, text=True, env={**env, "SEND_DESK_PASSWORD": "nope nope nope"},
        check=False,
    )
    assert wrong.returncode == 2 and "wrong password" in wrong.stderr
