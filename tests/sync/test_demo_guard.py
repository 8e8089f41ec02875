"""`send-desk server demo` never fills a central store that has users, unless told to,
and never gives a published password without saying so (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from send_desk.server import schema
from send_desk.server.db import reading
from tests.sync.servers import SERVER_PASSWORD, Central
from tests.sync.test_server_commands import Admin


@pytest.fixture
def server_admin(central: Central, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Admin:
    return Admin(central, capsys, tmp_path / "admin")


def _hashes(central: Central) -> dict[str, str]:
    with reading(central.engine) as connection:
        rows = connection.execute(
            sa.select(schema.credential.c.user_id, schema.credential.c.password_hash)
        ).all()
    return {str(row.user_id): row.password_hash for row in rows}


def test_demo_refuses_a_store_with_users_unless_forced_and_leaves_them_alone(
    server_admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", SERVER_PASSWORD)
    server_admin.json("add-team", "North")
    server_admin.json("add-user", "realadmin", "--name", "Real Admin", "--role", "admin")
    before = _hashes(server_admin.central)
    code, _out, err = server_admin.run("demo", "--children", "6", "--seed", "2")
    assert code == 2
    assert "already has 1 user(s)" in err and "--force" in err
    assert [u["username"] for u in server_admin.json("users")] == ["realadmin"]

    forced = server_admin.json("demo", "--children", "6", "--seed", "2", "--force")
    assert forced["children"] == 6
    names = {u["username"] for u in server_admin.json("users")}
    assert "realadmin" in names and len(names) > 1
    # the existing account's password is not touched
    after = _hashes(server_admin.central)
    assert {k: after[k] for k in before} == before


def test_demo_says_so_when_every_user_gets_the_published_password(
    server_admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEND_DESK_NEW_PASSWORD", raising=False)
    code, out, err = server_admin.run("demo", "--children", "4", "--seed", "3", "--json")
    assert code == 0
    assert "Warning" in err and "demo-password-2026" in err
    assert json.loads(out)["password_is_published_default"] is True


def test_demo_with_a_chosen_password_gives_no_warning(
    server_admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", SERVER_PASSWORD)
    code, out, err = server_admin.run("demo", "--children", "4", "--seed", "3", "--json")
    assert code == 0
    assert "demo-password-2026" not in err + out
    assert json.loads(out)["password_is_published_default"] is False
