"""A sync with nothing to do asks little of the central store: the app reuses a live
access token (one request, no refresh), the token's check is remembered but its expiry
still holds, and logging out still stops it at once (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from send_desk.server import signed_in
from send_desk.sync import access
from send_desk.sync.client import Client, NotSignedIn
from send_desk.sync.credentials import load_refresh_token
from send_desk.sync.engine import Syncer
from tests.sync.servers import Central, Device, LiveServer
from tests.sync.test_central_store import Api


def counting(paths: list[str]) -> Any:
    """A client factory that notes the path of every request the laptop makes."""

    def make(url: str) -> Client:
        client = Client(url)
        original = client.request

        def request(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
            paths.append(path)
            return original(method, path, *args, **kwargs)

        client.request = request  # type: ignore[method-assign]
        return client

    return make


def test_an_app_sync_with_nothing_to_do_is_one_request_and_keeps_the_sign_in(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    laptop: Device = device_factory(live.url)
    laptop.login(demo_central.user("caseworker", "North"))
    with laptop.open() as store:
        try:
            first = Syncer(store, keep_access=True).sync()
            assert first.pulled > 0
            token = load_refresh_token(store)
            paths: list[str] = []
            report = Syncer(store, keep_access=True, client_factory=counting(paths)).sync()
            # no refresh, no separate scope check: the pull's one page answers both
            assert paths == ["/api/sync/pull"]
            assert report.pulled == 0 and report.pushed == 0
            assert load_refresh_token(store) == token
        finally:
            access.forget(str(store.info.store_id))


def test_a_one_shot_sync_still_refreshes_and_checks_the_scope_with_its_page(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    laptop: Device = device_factory(live.url)
    laptop.login(demo_central.user("caseworker", "North"))
    laptop.sync()
    with laptop.open() as store:
        paths: list[str] = []
        Syncer(store, client_factory=counting(paths)).sync()
    assert paths == ["/api/auth/refresh", "/api/sync/pull"]


def test_a_kept_token_refused_after_a_sign_out_elsewhere_asks_to_sign_in_again(
    live: LiveServer, demo_central: Central, device_factory: Any
) -> None:
    laptop: Device = device_factory(live.url)
    laptop.login(demo_central.user("caseworker", "North"))
    with laptop.open() as store:
        try:
            Syncer(store, keep_access=True).sync()
            kept = access.held((str(store.info.store_id), live.url, str(load_refresh_token(store))))
            assert kept is not None
            # the sign-in ends on the server (as a logout from this laptop would)
            client = Client(live.url)
            client.access_token = kept.access_token
            client.logout()
            client.close()
            with pytest.raises(NotSignedIn):
                Syncer(store, keep_access=True).sync()
        finally:
            access.forget(str(store.info.store_id))


def test_an_access_token_accepted_once_is_refused_when_it_expires(
    live: LiveServer, demo_central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = Api(live.url)
    try:
        api.login(demo_central.user("caseworker", "North"))
        assert api.http.get("/api/me").status_code == 200
        assert api.http.get("/api/me").status_code == 200  # remembered, still good
        later = time.time() + 11 * 60  # access tokens live 10 minutes
        monkeypatch.setattr(signed_in.time, "time", lambda: later)
        answer = api.http.get("/api/me")
        assert answer.status_code == 401 and answer.json()["code"] == "token_expired"
    finally:
        api.http.close()
