"""The store's health for the app: a check it runs in the background after unlocking."""

from __future__ import annotations

from typing import Any

from send_desk.storage.health import check_store
from send_desk.storage.store import Store


class IntegrityMixin:
    _store: Store

    def check_store(self, full: bool | None = None) -> dict[str, Any]:
        """Quick check; the full one too when a week has passed since the last.

        ``summary`` says what is damaged and ``advice`` which backup to restore (the
        newest that passes its own check), both in plain words.
        """
        health = check_store(self._store, full=full)
        return {
            "ok": health.ok,
            "full": health.result.full,
            "summary": health.result.summary(),
            "advice": health.advice(command_line=False),
            "damaged": list(health.result.damaged),
            "backup": health.backup,
        }
