"""A document's content on the central store: received and handed out in chunks.

The ``document`` row itself syncs like any row of the child's record (push and pull);
its bytes travel here, a chunk (1 MB) per request, so a cut connection costs one chunk
and the next pass carries on where it stopped::

    GET  /api/documents/{id}               size, chunks, which the server has, complete
    PUT  /api/documents/{id}/chunks/{n}    one chunk (X-SEND-Desk-Chunk-SHA256: its hash)
    GET  /api/documents/{id}/chunks/{n}    one chunk of complete content

Content is kept once per SHA-256 (``server_document_content``/``_chunk``): a chunk
the server holds, from any document, is reported in ``have`` and never sent again.
Content becomes ``complete`` only when every chunk is in and the whole matches the
document's hash; until then nothing of it is handed out. Every request is checked
against the document's child and the caller's scope (the same ``404`` whether the
document exists or not), and the size limit is the server's own (``413``).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from send_desk.domain.documents import Document, chunk_count, document_rules, size_text
from send_desk.domain.tables import table_of
from send_desk.server import schema
from send_desk.server.audit import record
from send_desk.server.db import writing
from send_desk.server.errors import SIGNED_IN, errors
from send_desk.server.scope import Principal, in_scope
from send_desk.sync.protocol import BAD_REQUEST, CHUNK_HEADER, OUT_OF_SCOPE, TOO_LARGE
from send_desk.timeutil import utcnow

NOT_FOUND_MESSAGE = "no document with that id in your caseload"


def _refusal(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status, {"code": code, "message": message})


def _document(connection: Connection, who: Principal, document_id: str, address: str | None) -> Any:
    """The document's row if it is in the caller's scope; None (recorded) if not: the
    caller raises :func:`_not_found` once the audit row is committed."""
    try:
        wanted = uuid.UUID(document_id)
    except ValueError:
        wanted = None
    table = table_of(Document)
    row = None
    if wanted is not None:
        row = connection.execute(sa.select(table).where(table.c.id == wanted)).mappings().first()
    if row is None or not in_scope(connection, who, row["child_id"]):
        record(
            connection, "denied", user_id=who.user_id, device_id=who.device_id,
            child_id=row["child_id"] if row is not None else None,
            detail="document not in the user's scope or not found", address=address,
        )  # fmt: skip
        return None
    limit = document_rules().max_bytes
    if row["size"] > limit:
        raise _refusal(
            413, TOO_LARGE,
            f"the document is {size_text(row['size'])} ({row['size']:,} bytes): the central "
            f"store keeps documents of at most {size_text(limit)}",
        )  # fmt: skip
    return row


def _not_found() -> HTTPException:
    # the same answer whether the document exists or not: nothing leaks
    return _refusal(404, OUT_OF_SCOPE, NOT_FOUND_MESSAGE)


def _status(connection: Connection, row: Any) -> dict[str, Any]:
    sha = row["content_sha256"]
    content = (
        connection.execute(
            sa.select(schema.document_content).where(
                schema.document_content.c.content_sha256 == sha
            )
        )
        .mappings()
        .first()
    )
    have = connection.scalars(
        sa.select(schema.document_chunk.c.seq)
        .where(schema.document_chunk.c.content_sha256 == sha)
        .order_by(schema.document_chunk.c.seq)
    ).all()
    return {
        "id": str(row["id"]),
        "sha256": sha,
        "size": row["size"],
        "chunk_size": document_rules().chunk_bytes,
        "chunks": chunk_count(row["size"]),
        "have": list(have),
        "complete": bool(content is not None and content["complete"]),
    }


def _expected_length(size: int, seq: int) -> int:
    step = document_rules().chunk_bytes
    return min(step, size - seq * step)


def _complete_if_whole(connection: Connection, row: Any) -> bool | None:
    """Mark the content complete when every chunk is in and the whole matches its hash
    (True); False while chunks are missing; None when the whole did not match: its
    chunks are thrown away, to be sent again."""
    sha, size = row["content_sha256"], row["size"]
    chunks = schema.document_chunk
    count = chunk_count(size)
    held = connection.scalar(
        sa.select(sa.func.count()).select_from(chunks).where(chunks.c.content_sha256 == sha)
    )
    if held != count:
        return False
    digest = hashlib.sha256()
    for seq in range(count):
        digest.update(
            connection.scalar(
                sa.select(chunks.c.data).where(chunks.c.content_sha256 == sha, chunks.c.seq == seq)
            )
            or b""
        )
    if digest.hexdigest() != sha:
        connection.execute(sa.delete(chunks).where(chunks.c.content_sha256 == sha))
        return None
    connection.execute(
        sa.update(schema.document_content)
        .where(schema.document_content.c.content_sha256 == sha)
        .values(complete=True, completed_at=utcnow())
    )
    return True


def _ensure_content_row(connection: Connection, row: Any) -> None:
    sha = row["content_sha256"]
    content = schema.document_content
    exists = connection.scalar(
        sa.select(sa.literal(1)).where(content.c.content_sha256 == sha).limit(1)
    )
    if exists:
        return
    try:
        with connection.begin_nested():
            connection.execute(
                sa.insert(content).values(
                    content_sha256=sha,
                    size=row["size"],
                    chunk_count=chunk_count(row["size"]),
                    complete=False,
                )
            )
    except IntegrityError:
        pass  # another laptop sent the same content at the same moment


def add_document_routes(
    app: FastAPI, engine: Engine, signed_in: Callable[..., Principal],
    address: Callable[[Request], str],
) -> None:  # fmt: skip
    """The three routes, on ``app``; ``signed_in``: the API's signed-in dependency."""
    caller_of = Depends(signed_in)

    @app.get("/api/documents/{document_id}", responses=errors(*SIGNED_IN, 404))
    def document_status(
        document_id: str, request: Request, caller: Principal = caller_of
    ) -> dict[str, Any]:
        with writing(engine) as connection:
            row = _document(connection, caller, document_id, address(request))
            status = None if row is None else _status(connection, row)
        if status is None:
            raise _not_found()
        return status

    @app.put("/api/documents/{document_id}/chunks/{seq}", responses=errors(*SIGNED_IN, 404))
    async def put_chunk(
        document_id: str, seq: int, request: Request, caller: Principal = caller_of
    ) -> dict[str, Any]:
        data = await request.body()
        sent_hash = request.headers.get(CHUNK_HEADER, "")
        where = address(request)

        def store() -> dict[str, Any] | None:
            with writing(engine) as connection:
                row = _document(connection, caller, document_id, where)
                if row is None:
                    return None
                if not 0 <= seq < chunk_count(row["size"]):
                    raise _refusal(422, BAD_REQUEST, f"the document has no chunk {seq}")
                if len(data) != _expected_length(row["size"], seq):
                    raise _refusal(422, BAD_REQUEST, f"chunk {seq} is not the right length")
                if hashlib.sha256(data).hexdigest() != sent_hash:
                    raise _refusal(422, BAD_REQUEST, f"chunk {seq} arrived damaged: send it again")
                _ensure_content_row(connection, row)
                try:
                    with connection.begin_nested():
                        connection.execute(
                            sa.insert(schema.document_chunk).values(
                                content_sha256=row["content_sha256"], seq=seq, data=data
                            )
                        )
                except IntegrityError:
                    pass  # already here: a retry, or the same content from elsewhere
                whole = _complete_if_whole(connection, row)
                if whole:
                    record(
                        connection, "write", user_id=caller.user_id,
                        device_id=caller.device_id, child_id=row["child_id"],
                        detail=f"document {row['id']} content received", address=where,
                    )  # fmt: skip
                status = _status(connection, row)
                status["damaged"] = whole is None
                return status

        status = await run_in_threadpool(store)
        if status is None:
            raise _not_found()
        if status.pop("damaged"):
            raise _refusal(
                422,
                BAD_REQUEST,
                "the document's chunks did not add up to its content: send it again",
            )
        return status

    @app.get("/api/documents/{document_id}/chunks/{seq}", responses=errors(*SIGNED_IN, 404))
    def get_chunk(
        document_id: str, seq: int, request: Request, caller: Principal = caller_of
    ) -> Response:
        with writing(engine) as connection:
            row = _document(connection, caller, document_id, address(request))
            if row is None:
                data = None
            else:
                if not _status(connection, row)["complete"]:
                    raise _refusal(
                        404, "not_complete", "the document's content has not all reached the "
                        "central store yet: try again after the laptop that attached it syncs",
                    )  # fmt: skip
                data = connection.scalar(
                    sa.select(schema.document_chunk.c.data).where(
                        schema.document_chunk.c.content_sha256 == row["content_sha256"],
                        schema.document_chunk.c.seq == seq,
                    )
                )
                if data is None:
                    raise _refusal(404, "not_found", f"the document has no chunk {seq}")
                if seq == 0:
                    record(
                        connection, "read", user_id=caller.user_id, device_id=caller.device_id,
                        child_id=row["child_id"], detail=f"document {row['id']} content sent",
                        address=address(request),
                    )  # fmt: skip
        if data is None:
            raise _not_found()
        chunk = bytes(data)
        return Response(
            content=chunk,
            media_type="application/octet-stream",
            headers={CHUNK_HEADER: hashlib.sha256(chunk).hexdigest()},
        )


__all__ = ["add_document_routes"]
