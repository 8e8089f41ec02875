"""``backend.me()``: the signed-in user as a typed read model."""

from __future__ import annotations

import uuid
from pathlib import Path

from send_desk.backend import Backend
from send_desk.backend.user_models import Me
from send_desk.domain.organisation import Team, User
from send_desk.paths import DataPaths

from .conftest import PASSWORD

TEAM = uuid.UUID("00000000-0000-4000-8000-00000000000a")
WORKER = uuid.UUID("00000000-0000-4000-8000-00000000000b")
MANAGER = uuid.UUID("00000000-0000-4000-8000-00000000000c")


def _store(tmp_path: Path) -> Backend:
    backend = Backend.create(DataPaths(tmp_path / "s"), PASSWORD)
    with backend._store.write() as session:
        session.add(Team(id=TEAM, name="North"))
        session.add(User(id=WORKER, username="aoife.byrne", display_name="Aoife Byrne",
                         role="caseworker", team_id=TEAM))  # fmt: skip
        session.add(User(id=MANAGER, username="sam.hale", display_name="Sam Hale",
                         role="admin"))  # fmt: skip
    return backend


def test_a_caseworker_in_a_team(tmp_path: Path) -> None:
    backend = _store(tmp_path)
    try:
        backend._store.set_user(WORKER)
        me = backend.me()
        assert me == Me(WORKER, "Aoife Byrne", "aoife.byrne", "caseworker", "North", TEAM)
        assert me.is_caseworker
    finally:
        backend.close()


def test_a_user_without_a_team_is_not_a_caseworker(tmp_path: Path) -> None:
    backend = _store(tmp_path)
    try:
        backend._store.set_user(MANAGER)
        me = backend.me()
        assert me == Me(MANAGER, "Sam Hale", "sam.hale", "admin", None, None)
        assert me is not None and not me.is_caseworker
    finally:
        backend.close()


def test_a_fresh_store_has_nobody_signed_in(tmp_path: Path) -> None:
    backend = Backend.create(DataPaths(tmp_path / "s"), PASSWORD)
    try:
        assert backend.me() is None
    finally:
        backend.close()
