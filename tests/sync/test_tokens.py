"""Refresh tokens are replaced at each use, a copied one withdraws the sign-in, logging
out stops the access token, and nobody learns a device's state without its token
(SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from send_desk.cli.common import EXIT_BAD_INPUT
from send_desk.server import admin, auth, schema
from send_desk.server.audit import trail
from send_desk.server.db import reading
from send_desk.sync.client import SyncError, check_transport
from send_desk.sync.credentials import load_refresh_token
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_central_store import Api


@pytest.fixture
def api(live: LiveServer, demo_central: Central) -> Any:
    client = Api(live.url)
    yield client
    client.http.close()


def refresh(api: Api, token: str, device: str | None = None) -> httpx.Response:
    return api.http.post(
        "/api/auth/refresh", json={"refresh_token": token, "device_id": device or api.device}
    )


def me(api: Api, access: str) -> int:
    answer = api.http.get("/api/me", headers={"Authorization": f"Bearer {access}"})
    return answer.status_code


def test_a_refresh_token_is_spent_by_its_use_and_a_copy_used_later_withdraws_the_sign_in(
    api: Api, demo_central: Central
) -> None:
    first = api.login(demo_central.user("caseworker", "North")).json()["refresh_token"]
    answer = refresh(api, first)
    assert answer.status_code == 200
    second = answer.json()["refresh_token"]
    assert second and second != first
    answer = refresh(api, second)
    assert answer.status_code == 200
    third, access = answer.json()["refresh_token"], answer.json()["access_token"]
    assert me(api, access) == 200
    # the first token, copied off the laptop, used again: the whole sign-in ends
    stolen = refresh(api, first)
    assert stolen.status_code == 401 and stolen.json()["code"] == "not_signed_in"
    assert refresh(api, third).status_code == 401
    assert me(api, access) == 401
    with reading(demo_central.engine) as connection:
        assert [row["action"] for row in trail(connection, action="token_reused")] == [
            "token_reused"
        ]


def test_a_lost_answer_to_a_refresh_may_be_retried_and_only_the_retry_counts(
    api: Api, demo_central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = api.login(demo_central.user("caseworker", "East")).json()["refresh_token"]
    lost = refresh(api, first).json()["refresh_token"]  # the answer never arrived
    retried = refresh(api, first)
    assert retried.status_code == 200
    kept = retried.json()["refresh_token"]
    assert refresh(api, lost).status_code == 401  # replaced by the retry's, never used
    assert refresh(api, kept).status_code == 200
    # but once the replacement has been used, the spent token is a copy: all ends
    monkeypatch.setattr(auth, "REUSE_GRACE", timedelta(0))
    latest = api.login(demo_central.user("caseworker", "East")).json()["refresh_token"]
    newer = refresh(api, latest).json()["refresh_token"]
    assert refresh(api, latest).status_code == 401
    assert refresh(api, newer).status_code == 401


def test_logging_out_stops_the_access_token_at_once(api: Api, demo_central: Central) -> None:
    body = api.login(demo_central.user("supervisor", "South")).json()
    assert api.http.get("/api/me").status_code == 200
    assert api.http.post("/api/auth/logout").status_code == 200
    assert api.http.get("/api/me").status_code == 401
    assert api.http.post("/api/sync/pull", json={"checkpoint": 0}).status_code == 401
    assert refresh(api, body["refresh_token"]).status_code == 401


def test_refresh_tells_only_the_devices_holder_that_it_was_withdrawn(
    api: Api, demo_central: Central
) -> None:
    token = api.login(demo_central.user("caseworker", "West")).json()["refresh_token"]
    admin.revoke_device(demo_central.engine, api.device)
    # a stranger who knows (or guesses) the device id learns nothing, and changes nothing
    stranger = refresh(api, "made-up-token")
    assert stranger.status_code == 401 and stranger.json()["code"] == "not_signed_in"
    with reading(demo_central.engine) as connection:
        wiped = connection.execute(
            sa.select(schema.device.c.wiped_at).where(schema.device.c.id == uuid.UUID(api.device))
        ).scalar()
    assert wiped is None
    # the laptop itself is told, and told to wipe
    owner = refresh(api, token)
    assert owner.status_code == 403 and owner.json()["code"] == "device_revoked"


def test_a_laptop_keeps_each_replacement_and_syncs_again(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    laptop: Device = device_factory(live.url)
    laptop.login(demo_central.user("caseworker", "North"))

    def kept() -> str | None:
        with laptop.open() as store:
            return load_refresh_token(store)

    first = kept()
    laptop.sync()
    second = kept()
    assert second and second != first
    report = laptop.sync()
    assert report["pulled"] == 0  # signed in again with the replacement, nothing new
    assert kept() not in (first, second)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://senddesk.council.example", True),
        ("http://127.0.0.1:8750", True),
        ("http://localhost:8750", True),
        ("http://[::1]:8750", True),
        ("http://senddesk.council.example", False),
        ("http://10.0.0.5:8750", False),
    ],
)
def test_a_password_is_sent_over_plain_http_only_to_this_computer(url: str, allowed: bool) -> None:
    if allowed:
        check_transport(url)
    else:
        with pytest.raises(SyncError, match="not encrypted"):
            check_transport(url)
        check_transport(url, insecure=True)  # said so on purpose


def test_login_refuses_plain_http_to_another_computer_and_creates_nothing(
    device_factory: Any,
) -> None:
    laptop: Device = device_factory("http://senddesk.council.example")
    code, _out, err = laptop.run(
        "login", "--server", "http://senddesk.council.example", "--user", "bwells"
    )
    assert code == EXIT_BAD_INPUT
    assert "not encrypted" in err and "--insecure" in err
    assert not (laptop.root / "caseload.db").exists()
