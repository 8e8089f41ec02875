"""`send-desk server ...` administration as an administrator meets it, on SQLite and
PostgreSQL, and the central store's schema as its migrations make it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from send_desk.cli import main
from send_desk.server.db import target_metadata
from tests.sync.servers import SERVER_PASSWORD, Central


class Admin:
    def __init__(self, central: Central, capsys: pytest.CaptureFixture[str], root: Path) -> None:
        self.central = central
        self.capsys = capsys
        self.root = root

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.root), "server", *args, "--database", self.central.url])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str) -> Any:
        code, out, err = self.run(*args, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def server_admin(
    central: Central,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Admin:
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", SERVER_PASSWORD)
    return Admin(central, capsys, tmp_path / "admin")


def test_teams_users_and_allocation_from_the_command_line(server_admin: Admin) -> None:
    assert server_admin.json("add-team", "North")["name"] == "North"
    server_admin.json("add-team", "South")
    code, _out, err = server_admin.run("add-team", "north")
    assert code == 2 and "already a team" in err
    worker = server_admin.json(
        "add-user", "ABell", "--name", "Amy Bell", "--role", "caseworker", "--team", "North"
    )
    assert worker["username"] == "abell" and worker["teams"] == ["North"]
    boss = server_admin.json(
        "add-user",
        "cdee",
        "--name",
        "Cal Dee",
        "--role",
        "supervisor",
        "--team",
        "North",
        "--team",
        "South",
    )
    assert boss["teams"] == ["North", "South"]
    code, _out, err = server_admin.run("add-user", "x", "--name", "X Y", "--role", "caseworker")
    assert code == 2 and "exactly one team" in err
    code, _out, err = server_admin.run(
        "add-user", "y", "--name", "Y Z", "--role", "caseworker", "--team", "Nowhere"
    )
    assert code == 2 and "no team called" in err
    users = server_admin.json("users")
    assert {u["username"]: u["can_sign_in"] for u in users} == {"abell": True, "cdee": True}
    disabled = server_admin.json("disable-user", "abell")
    assert disabled["active"] is False
    assert {u["username"]: u["active"] for u in server_admin.json("users")}["abell"] is False


def test_a_weak_password_is_refused(server_admin: Admin, monkeypatch: pytest.MonkeyPatch) -> None:
    server_admin.json("add-team", "East")
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", "abc")
    code, _out, err = server_admin.run("add-user", "weak", "--name", "We Ak", "--role", "admin")
    assert code == 2 and "too weak" in err


def test_demo_fills_the_store_and_says_how_users_sign_in(
    server_admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEND_DESK_NEW_PASSWORD")
    code, out, _err = server_admin.run(
        "demo", "--children", "12", "--seed", "4", "--today", "2026-11-22"
    )
    assert code == 0
    assert "Users:" in out and "demo-password-2026" in out
    assert "caseworker" in out and "supervisor" in out and "admin" in out
    code, _out, err = server_admin.run("demo", "--children", "12", "--seed", "4")
    assert code == 2 and "already holds 12 children" in err
    child = server_admin.json("audit", "--action", "admin")[0]
    assert "demo 12" in child["detail"]


def test_assign_moves_a_child_and_keeps_history(server_admin: Admin) -> None:
    summary = server_admin.json("demo", "--children", "8", "--seed", "5", "--today", "2026-11-22")
    workers = [u for u in summary["users"] if u["role"] == "caseworker"]
    import sqlalchemy as sa

    from send_desk.server.admin import resolve_child  # noqa: F401 - the CLI resolves ids
    from send_desk.sync.tables import registry

    allocations = registry()["allocation"].table
    with server_admin.central.engine.connect() as connection:
        current = (
            connection.execute(sa.select(allocations).where(allocations.c.end_date.is_(None)))
            .mappings()
            .first()
        )
    assert current is not None
    target = next(w["username"] for w in workers if w["team"] != "-")
    result = server_admin.json(
        "assign", str(current["child_id"])[-12:], "--to", target, "--date", "2026-11-22"
    )
    assert result["caseworker"] == target
    with server_admin.central.engine.connect() as connection:
        rows = (
            connection.execute(
                sa.select(allocations).where(allocations.c.child_id == current["child_id"])
            )
            .mappings()
            .all()
        )
    assert len([r for r in rows if r["end_date"] is None]) == 1
    assert any(r["end_date"] is not None for r in rows)


def test_import_loads_an_export_all_or_nothing(
    server_admin: Admin,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEND_DESK_PASSWORD", "laptop store password 2026")
    local = tmp_path / "local"
    assert (
        main(
            [
                "--data-dir",
                str(local),
                "demo",
                "--children",
                "10",
                "--seed",
                "2",
                "--today",
                "2026-11-22",
            ]
        )
        == 0
    )
    export = tmp_path / "export.json"
    assert main(["--data-dir", str(local), "export", str(export)]) == 0
    capsys.readouterr()
    result = server_admin.json("import", str(export))
    assert result["rows"]["child"] == 10
    code, _out, err = server_admin.run("import", str(export))
    assert code == 2 and "already on the central store" in err
    assert len([u for u in server_admin.json("users") if not u["can_sign_in"]]) > 0


def test_revoking_an_unknown_device_says_so(server_admin: Admin) -> None:
    code, _out, err = server_admin.run("revoke-device", "0123abcd")
    assert code == 2 and "no device" in err
    assert server_admin.json("devices") == []


def test_the_migrations_make_the_schema_the_models_describe(central: Central) -> None:
    with central.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), target_metadata())
    assert differences == [], (
        "the central store's schema differs from the models: add a migration in "
        "send_desk/server/migrations/versions"
    )
