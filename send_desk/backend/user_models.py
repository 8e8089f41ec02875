"""Who is signed in: the read model ``backend.me()`` returns."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Me:
    """The store's user (a fresh store has none until its first sync or demo)."""

    id: uuid.UUID
    name: str
    username: str
    role: str  # the stored code: "caseworker", "supervisor", "admin"...
    team: str | None
    team_id: uuid.UUID | None

    @property
    def is_caseworker(self) -> bool:
        return self.role == "caseworker"
