"""The central store: an HTTP service (FastAPI) over SQLite or PostgreSQL.

It authenticates users, scopes what each laptop receives, applies what laptops send
(idempotently, merging field by field, quarantining what it refuses, keeping
conflicts) and keeps the authoritative record. Qt-free; run with ``send-desk serve``.
"""
