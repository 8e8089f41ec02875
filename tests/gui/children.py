"""The demo's children as the pages take them (ids as hex text), for the GUI tests."""

from __future__ import annotations

from send_desk.backend import Backend
from send_desk.services.caseload import CaseloadQuery


def child_ids(backend: Backend, query: CaseloadQuery | None = None) -> list[str]:
    """The children matching ``query`` in its order, as the caseload list holds them."""
    return [child.hex for child in backend.caseload.caseload_ids(query)]


def my_children(backend: Backend) -> list[str]:
    """The signed-in caseworker's own children (the "mine" saved filter)."""
    me = backend.me()
    query = backend.caseload.saved_filter(
        "mine", caseworker_id=me.id if me else None, team_id=me.team_id if me else None
    )
    return child_ids(backend, query)
