"""Talking to the central store over HTTP (httpx), with plain errors for the user.

The refresh token lives in the OS keyring, or in the encrypted store where no keyring
works (:mod:`send_desk.sync.credentials`); the short-lived access token only in
memory. Every request says which protocol version it speaks.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import ssl
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from send_desk import __version__
from send_desk.sync.protocol import (
    CHECKSUM_HEADER,
    CHUNK_HEADER,
    HEADER,
    PROTOCOL_UNSUPPORTED,
    PROTOCOL_VERSION,
    WIPE_CODES,
    body_checksum,
)

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@cache
def _tls() -> ssl.SSLContext:
    """The system's trusted certificates, loaded once per process: httpx would load
    them again for every client (tens of milliseconds of CPU each sync pass)."""
    return httpx.create_ssl_context()


class SyncError(Exception):
    """Sync could not go on; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Offline(SyncError):
    """The central store could not be reached (no network, server down, cut off)."""


class NotSignedIn(SyncError):
    """The saved sign-in is missing or no longer valid: sign in again."""


class Refused(SyncError):
    """The central store refused the request (a bad password, too many attempts...)."""

    def __init__(self, message: str, code: str = "", status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class WipeOrdered(SyncError):
    """The device was revoked or its user disabled: the laptop must wipe its store."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


class ProtocolMismatch(SyncError):
    pass


class ChecksumMismatch(SyncError):
    """A page arrived damaged: nothing of it is used."""


def normalise_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncError(f"'{url}' is not a server address (it starts with https:// or http://)")
    return url


def check_transport(url: str, *, insecure: bool = False) -> None:
    """Refuse to send a password over plain ``http://`` to another computer: anyone on
    the network between could read it. Loopback (this computer) is allowed; anything
    else needs ``insecure`` (a test network, said so on purpose)."""
    parsed = urlsplit(url)
    if parsed.scheme != "http" or insecure:
        return
    host = (parsed.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise SyncError(
        f"{url} is not encrypted (http://): your password and the caseload would cross the "
        "network readable by anyone on the way. Use the server's https:// address, or "
        "--insecure if this is a test network"
    )


class Client:
    """One central store; ``transport`` lets tests put a fault in the way."""

    def __init__(
        self,
        url: str,
        *,
        protocol: int = PROTOCOL_VERSION,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float = TIMEOUT,
    ) -> None:
        self.url = normalise_url(url)
        self.protocol = protocol
        self.access_token: str | None = None
        self._http = httpx.Client(
            base_url=self.url,
            timeout=timeout,
            verify=_tls(),
            transport=transport,
            headers={HEADER: str(protocol), "User-Agent": f"send-desk/{__version__}"},
        )

    def set_protocol(self, version: int) -> None:
        self.protocol = version
        self._http.headers[HEADER] = str(version)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _send(
        self,
        method: str,
        path: str,
        *,
        auth: bool = True,
        body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        headers = dict(headers or {})
        if auth:
            if not self.access_token:
                raise NotSignedIn("not signed in to the central store")
            headers["Authorization"] = f"Bearer {self.access_token}"
        try:
            if content is not None:
                return self._http.request(method, path, content=content, headers=headers)
            return self._http.request(method, path, json=body, headers=headers)
        except httpx.TimeoutException as error:
            raise Offline(f"the central store at {self.url} did not answer in time") from error
        except httpx.TransportError as error:
            raise Offline(f"cannot reach the central store at {self.url} ({error})") from error

    def request(
        self, method: str, path: str, body: Any = None, *, auth: bool = True, verify: bool = False
    ) -> Any:
        response = self._send(method, path, auth=auth, body=body)
        if verify and response.status_code < 400:
            sent = response.headers.get(CHECKSUM_HEADER)
            if self.protocol >= 2 and sent != body_checksum(response.content):
                raise ChecksumMismatch(
                    "a page from the central store arrived damaged; nothing of it was saved. "
                    "Sync again."
                )
        return self._answer(response)

    def _answer(self, response: httpx.Response) -> Any:
        if response.status_code < 400:
            try:
                return orjson.loads(response.content)
            except ValueError as error:
                raise Offline(
                    f"{self.url} answered with something that is not SEND Desk's central store"
                ) from error
        try:
            detail = response.json().get("detail", response.json())
        except ValueError:
            detail = {}
        if not isinstance(detail, dict):
            detail = {"message": str(detail)}
        code = str(detail.get("code", ""))
        message = str(detail.get("message") or response.reason_phrase)
        if code in WIPE_CODES:
            raise WipeOrdered(message, code)
        if response.status_code == 426 or code == PROTOCOL_UNSUPPORTED:
            raise ProtocolMismatch(message)
        if response.status_code == 401:
            raise NotSignedIn(message)
        if response.status_code >= 500:
            raise Offline(f"the central store had a problem ({response.status_code}); try later")
        if response.status_code == 404 and not code:
            raise Offline(f"{self.url} does not look like SEND Desk's central store")
        raise Refused(message, code, response.status_code)

    # -- calls

    def health(self) -> dict[str, Any]:
        result: dict[str, Any] = self.request("GET", "/api/health", auth=False)
        return result

    def login(
        self, username: str, password: str, device_id: str, device_name: str
    ) -> dict[str, Any]:
        result: dict[str, Any] = self.request(
            "POST",
            "/api/auth/login",
            {
                "username": username,
                "password": password,
                "device_id": device_id,
                "device_name": device_name,
            },
            auth=False,
        )
        self.access_token = str(result["access_token"])
        return result

    def refresh(self, refresh_token: str, device_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.request(
            "POST",
            "/api/auth/refresh",
            {"refresh_token": refresh_token, "device_id": device_id},
            auth=False,
        )
        self.access_token = str(result["access_token"])
        return result

    def push(self, device_id: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
        from send_desk.sync.protocol import entries_checksum

        body: dict[str, Any] = {"device_id": device_id, "entries": entries}
        if self.protocol >= 2:
            body["checksum"] = entries_checksum(entries)
        result: dict[str, Any] = self.request("POST", "/api/sync/push", body)
        return result

    def retry(self, device_id: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {"device_id": device_id}
        if self.protocol >= 2:
            body["entries"] = entries
        else:  # version 1 retried one entry at a time
            body["entry"] = entries[0]
        result: dict[str, Any] = self.request("POST", "/api/sync/retry", body)
        return result

    def pull(self, **body: Any) -> dict[str, Any]:
        result: dict[str, Any] = self.request("POST", "/api/sync/pull", body, verify=True)
        return result

    def resolve(
        self, conflict_id: str, choice: str, value: Any = None, note: str | None = None
    ) -> Any:
        return self.request(
            "POST",
            f"/api/conflicts/{conflict_id}/resolve",
            {"choice": choice, "value": value, "note": note},
        )

    def child(self, child_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.request("GET", f"/api/children/{child_id}")
        return result

    def logout(self) -> None:
        self.request("POST", "/api/auth/logout")

    # -- a document's content, a chunk at a time (send_desk.server.documents)

    def document_status(self, document_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.request("GET", f"/api/documents/{document_id}")
        return result

    def put_chunk(self, document_id: str, seq: int, data: bytes) -> dict[str, Any]:
        response = self._send(
            "PUT",
            f"/api/documents/{document_id}/chunks/{seq}",
            content=data,
            headers={
                CHUNK_HEADER: hashlib.sha256(data).hexdigest(),
                "Content-Type": "application/octet-stream",
            },
        )
        result: dict[str, Any] = self._answer(response)
        return result

    def get_chunk(self, document_id: str, seq: int) -> bytes:
        """One chunk, checked against the hash the server sent with it."""
        response = self._send("GET", f"/api/documents/{document_id}/chunks/{seq}")
        if response.status_code >= 400:
            self._answer(response)  # raises the server's refusal
        data = response.content
        if hashlib.sha256(data).hexdigest() != response.headers.get(CHUNK_HEADER):
            raise ChecksumMismatch(
                "a piece of a document arrived damaged; nothing of it was saved. Sync again."
            )
        return data
