"""Refuse a request body larger than the central store reads, before reading it.

A declared ``Content-Length`` over the limit is answered 413 at once; a body sent
without one (chunked) is counted as it arrives and refused as soon as it passes the
limit, so a client can never make the server hold more than the limit in memory.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from send_desk.sync.protocol import TOO_LARGE

log = logging.getLogger(__name__)


def _refusal(limit: int) -> dict[str, str]:
    return {
        "code": TOO_LARGE,
        "message": f"the request is larger than the central store reads ({limit:,} bytes): "
        "send fewer changes at a time",
    }


class _TooLarge(HTTPException):
    """Raised while the body is read: the app answers it as any refusal (FastAPI turns
    other errors met while reading a body into a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _refusal(limit))  # type: ignore[arg-type]


def _answer(limit: int) -> list[Message]:
    body = orjson.dumps(_refusal(limit))
    return [
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        },
        {"type": "http.response.body", "body": body},
    ]


class BodyLimit:
    """ASGI middleware: at most ``limit`` bytes of request body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            log.info("refused a request body of %d bytes to %s", declared, scope.get("path"))
            for message in _answer(self.limit):
                await send(message)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            log.info("refused a request body over %d bytes to %s", self.limit, scope.get("path"))
            if not started:
                for message in _answer(self.limit):
                    await send(message)


def _content_length(scope: Scope) -> int | None:
    headers: Any = scope.get("headers") or []
    for name, value in headers:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
