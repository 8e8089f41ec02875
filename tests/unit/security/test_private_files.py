"""Files with records or keys in them are the owner's alone, and logs hold no names."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from send_desk.cli import main
from send_desk.paths import DataPaths
from tests.constants import PASSWORD, TODAY

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common default, under which files are made readable by everyone (0644)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_store_key_backups_export_and_log_are_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    paths = DataPaths(tmp_path / "store")
    code, _, err = run(paths.root, capsys, "demo", "--children", "5", "--today", str(TODAY))
    assert code == 0, err
    code, _, err = run(paths.root, capsys, "backup", str(paths.backups))
    assert code == 0, err
    export = tmp_path / "export.json"
    code, _, err = run(paths.root, capsys, "export", str(export))
    assert code == 0, err

    assert mode(paths.database) == 0o600
    assert mode(paths.keyfile) == 0o600
    for sidecar in (Path(f"{paths.database}-wal"), Path(f"{paths.database}-shm")):
        if sidecar.exists():
            assert mode(sidecar) == 0o600, sidecar.name
    (backup,) = paths.backups.glob("*.zip")
    assert mode(backup) == 0o600
    assert mode(export) == 0o600
    for folder in (paths.root, paths.backups, paths.logs):
        assert mode(folder) == 0o700, folder.name

    # a new password rewrites the key file: still owner-only
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", "another long password 2026")
    assert run(paths.root, capsys, "change-password")[0] == 0
    assert mode(paths.keyfile) == 0o600

    # a restore puts the backup's files in place owner-only, the old ones kept aside
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    code, _, err = run(paths.root, capsys, "restore", str(backup))
    assert code == 0, err
    assert mode(paths.database) == 0o600 and mode(paths.keyfile) == 0o600
    (kept,) = paths.backups.glob("before-restore-*")
    assert mode(kept) == 0o700


def test_a_store_made_by_an_earlier_version_is_tightened_when_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    root = tmp_path / "store"
    assert run(root, capsys, "init")[0] == 0
    paths = DataPaths(root)
    for path in (paths.database, paths.keyfile):
        path.chmod(0o644)
    assert run(root, capsys, "stats")[0] == 0
    assert mode(paths.database) == 0o600
    assert mode(paths.keyfile) == 0o600


def test_a_failing_command_about_a_named_child_writes_no_name_to_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug while saving a child's new surname: the log says where, and which child,
    and never the name (SQLAlchemy's message carries the values being saved)."""
    import sqlcipher3
    from sqlalchemy.exc import IntegrityError

    from send_desk.services import children

    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    root = tmp_path / "store"
    assert run(root, capsys, "demo", "--children", "3", "--today", str(TODAY))[0] == 0
    code, out, _ = run(root, capsys, "child", "list", "--json")
    import json

    child = json.loads(out)[0]

    def failing_update(_session: Any, child_id: Any, changes: dict[str, Any]) -> None:
        raise IntegrityError(
            "UPDATE child SET last_name=? WHERE child.id = ?",
            (changes["last_name"], str(child_id)),
            sqlcipher3.IntegrityError("CHECK constraint failed: last_name"),
        )

    monkeypatch.setattr(children, "update_child", failing_update)
    code, _, err = run(root, capsys, "child", "update", child["id"], "--set", "last_name=Quayle")
    assert code == 1
    assert "something went wrong inside SEND Desk" in err
    log_file = DataPaths(root).logs / "send-desk.log"
    text = log_file.read_text(encoding="utf-8")
    assert "Quayle" not in text
    assert child["name"] not in text and child["name"].split()[-1] not in text
    assert "sqlalchemy.exc.IntegrityError" in text
    assert "CHECK constraint failed: last_name" in text  # the database's own words stay
    assert child["id"] in text  # the record is named by its id
    assert "failing_update" in text  # and where it happened
    assert mode(log_file) == 0o600


def test_the_app_log_redacts_errors_and_is_owner_only(tmp_path: Path) -> None:
    from send_desk.security.private_log import private_log_handler

    handler = private_log_handler(tmp_path / "logs")
    logger = logging.getLogger("send_desk.test_private_log")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        try:
            raise ValueError("Aoife Quayle, born 03/04/2015, 12 Harbour Row")
        except ValueError as error:
            logger.error("saving failed", exc_info=error)
            logger.warning("sync status: %s", error)
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = (tmp_path / "logs" / "send-desk.log").read_text(encoding="utf-8")
    assert "saving failed" in text and "sync status: builtins.ValueError" in text
    assert "Quayle" not in text and "Harbour" not in text and "03/04/2015" not in text
    assert "test_the_app_log_redacts_errors_and_is_owner_only" in text
    assert mode(tmp_path / "logs" / "send-desk.log") == 0o600
    assert mode(tmp_path / "logs") == 0o700


def test_reports_calendars_chronologies_and_the_sen2_return_are_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each of these files carries children's names or dates out of the store, often
    into a shared Documents folder: under the usual umask they must still be 0600."""
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    root = tmp_path / "store"
    assert run(root, capsys, "demo", "--children", "12", "--today", str(TODAY))[0] == 0
    code, out, _ = run(root, capsys, "child", "list", "--json")
    import json

    child = json.loads(out)[0]["id"]
    files = {
        "report.csv": ["report", "--from", "2026-04-01", "--to", "2026-09-30", "--csv"],
        "deadlines.ics": ["calendar", "--today", str(TODAY), "--out"],
        "chronology.pdf": ["chronology", "--child", child, "--out"],
        "return.xml": ["sen2", "export", "--census", "2027-01-21", "--la", "999", "--out"],
        "audits.xlsx": ["audit", "report", "--today", str(TODAY), "--xlsx"],
    }
    for name, args in files.items():
        target = tmp_path / "shared" / name
        target.parent.mkdir(exist_ok=True)
        code, _, err = run(root, capsys, *args, str(target))
        assert target.exists(), (name, code, err)
        assert mode(target) == 0o600, name
