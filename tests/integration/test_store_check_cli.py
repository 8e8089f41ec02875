"""A damaged store is found and named: `send-desk check`, verified backups, the weekly
full check. The damage is real: 64 bytes flipped inside a page of the encrypted file."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from send_desk.cli import main
from send_desk.paths import DataPaths
from send_desk.storage.engine import keyed_connection
from send_desk.storage.integrity import LAST_FULL_CHECK
from send_desk.storage.store import open_store
from send_desk.timeutil import utcnow
from tests.constants import PASSWORD, TODAY

PAGE = 4096  # SQLCipher 4's page size


@pytest.fixture(scope="module")
def caseload_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 300 synthetic children, built once and copied into each test."""
    from send_desk.demo.generator import build_demo
    from send_desk.storage.store import create_store

    root = tmp_path_factory.mktemp("check-template") / "store"
    with create_store(DataPaths(root), PASSWORD) as store:
        build_demo(store, children=300, seed=4, today=TODAY)
    return root


@pytest.fixture
def paths(caseload_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataPaths:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    target = tmp_path / "store"
    shutil.copytree(caseload_template, target)
    return DataPaths(target)


def run(paths: DataPaths, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(paths.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def flip(path: Path, offset: int, count: int = 64) -> None:
    """Invert ``count`` bytes at ``offset``, as a failing disk or a bad copy would."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        data = handle.read(count)
        handle.seek(offset)
        handle.write(bytes(byte ^ 0xFF for byte in data))


def table_page_offset(paths: DataPaths, table: str) -> int:
    """An offset in the middle of the page at the root of ``table``'s b-tree."""
    with open_store(paths, PASSWORD) as store:
        raw_key = store.raw_key
    connection = keyed_connection(paths.database, raw_key)
    try:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    finally:
        connection.close()
    return (int(root) - 1) * PAGE + PAGE // 2


def test_a_whole_store_passes_and_says_so(
    paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(paths, capsys, "check")
    assert code == 0
    assert "passed its quick check" in out
    code, out, _ = run(paths, capsys, "check", "--full", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["full"] is True
    assert report["damaged_pages"] == [] and report["restore"] is None


def test_flipped_bytes_in_the_children_table_are_named_with_the_backup_to_restore(
    paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(paths, capsys, "backup", str(paths.backups / "monday.zip"))
    assert code == 0, err
    flip(paths.database, table_page_offset(paths, "child"))

    code, _, err = run(paths, capsys, "check")
    assert code == 2
    assert "The store is damaged: 1 page of the database fails the check" in err
    assert "children's records" in err
    assert "Restore monday.zip" in err
    assert f'send-desk restore "{paths.backups / "monday.zip"}"' in err

    code, out, _ = run(paths, capsys, "check", "--json")
    assert code == 2
    report = json.loads(out)
    assert report["ok"] is False
    assert report["damaged"] == ["child"]
    assert report["restore"]["name"] == "monday.zip"

    # Reading the damaged table is refused in plain words, not as normal output.
    code, out, err = run(paths, capsys, "child", "list")
    assert code == 2
    assert out == ""
    assert "the store is damaged" in err and "send-desk check" in err

    # The backup it names restores a store that passes.
    code, _, err = run(paths, capsys, "restore", str(paths.backups / "monday.zip"))
    assert code == 0, err
    code, out, _ = run(paths, capsys, "check", "--full")
    assert code == 0
    rows = json.loads(run(paths, capsys, "child", "list", "--json")[1])
    assert len(rows) == 300


def test_a_flip_in_the_middle_of_the_file_is_found(
    paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    size = paths.database.stat().st_size
    assert size > 200 * PAGE  # a store this size has table data in its middle
    flip(paths.database, size // 2)
    code, out, _ = run(paths, capsys, "check", "--json")
    assert code == 2
    report = json.loads(out)
    assert report["damaged_pages"] == [size // 2 // PAGE + 1]  # SQLite counts pages from 1
    assert report["damaged"], "the check names what the damaged page holds"
    assert report["restore"] is None
    code, _, err = run(paths, capsys, "check")
    assert "No backup in" in err and "passes its check" in err


def test_a_backup_of_a_damaged_store_is_refused_and_nothing_is_left(
    paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    flip(paths.database, table_page_offset(paths, "child"))
    target = paths.root.parent / "backups-out"
    target.mkdir()
    code, out, err = run(paths, capsys, "backup", str(target))
    assert code == 2
    assert out == ""
    assert "the backup was not written because the store is damaged" in err
    assert list(target.iterdir()) == []


def test_the_newest_backup_that_passes_is_named_not_the_newest(
    paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from send_desk.storage.backup import newest_good_backup

    assert run(paths, capsys, "backup", str(paths.backups / "older.zip"))[0] == 0
    assert run(paths, capsys, "backup", str(paths.backups / "newer.zip"))[0] == 0
    newer = paths.backups / "newer.zip"
    flip(newer, newer.stat().st_size // 2)  # the stored (uncompressed) database's middle
    with open_store(paths, PASSWORD) as store:
        found = newest_good_backup(paths, store.raw_key, store.info.store_id)
    assert found is not None
    assert found["name"] == "older.zip"


def _last_full(paths: DataPaths) -> Any:
    from send_desk.domain.journal import StoreMeta

    with open_store(paths, PASSWORD) as store, store.read() as session:
        row = session.get(StoreMeta, LAST_FULL_CHECK)
        return row.value if row else None


def test_the_full_check_runs_when_a_week_has_passed_and_is_remembered(paths: DataPaths) -> None:
    from send_desk.storage.health import check_store

    with open_store(paths, PASSWORD) as store:
        first = check_store(store)  # never run: full
        second = check_store(store)  # a moment later: quick
        assert (first.result.full, second.result.full) == (True, False)
        eight_days_ago = (utcnow() - timedelta(days=8)).isoformat()
        store.set_meta(LAST_FULL_CHECK, eight_days_ago)
        third = check_store(store)
        assert third.result.full is True
        assert third.ok
    assert _last_full(paths) == third.result.checked_at


def test_backups_lists_each_backup_with_whether_it_passes_its_check(
    paths: DataPaths, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os
    import zipfile

    code, out, _ = run(paths, capsys, "backups")
    assert (code, out) == (0, f"No backups in {paths.backups}.\n")
    monday = paths.backups / "monday.zip"
    code, _, err = run(paths, capsys, "backup", str(monday))
    assert code == 0, err
    # Tuesday's copy went bad on the disk after it was written: a page of its database
    # flipped
    work = tmp_path / "tuesday"
    with zipfile.ZipFile(monday) as source:
        source.extractall(work)
        names = source.namelist()
    flip(work / "caseload.db", table_page_offset(paths, "child"))
    tuesday = paths.backups / "tuesday.zip"
    with zipfile.ZipFile(tuesday, "w") as copy:
        for name in names:
            copy.write(work / name, name)
    later = monday.stat().st_mtime + 86400
    os.utime(tuesday, (later, later))

    code, out, err = run(paths, capsys, "backups")
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split("  ")[2] for line in lines] == ["tuesday.zip", "monday.zip"]
    assert lines[0].endswith("  FAILS its check: do not restore it")
    assert lines[1].endswith("  passes its check")
    code, out, _ = run(paths, capsys, "backups", "--json")
    assert [(row["name"], row["passed"]) for row in json.loads(out)] == [
        ("tuesday.zip", False), ("monday.zip", True),
    ]  # fmt: skip
