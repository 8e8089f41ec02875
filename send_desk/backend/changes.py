"""What a write changed: the kinds of record and the children touched (no Qt here).

A write op returns (or declares) a :class:`Changes`; the GUI delivers it on one
signal and each page reloads only when the kinds it shows were touched. Modelled on
Anki's ``OpChanges``: the op says what it changed, pages decide what that means to them,
and no page refreshes another by name.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass


class ChangeKind(enum.Enum):
    """The groups of records a page may show; kept small on purpose."""

    CHILDREN = "children"  # details, family, placement, allocation, a new child
    EVENTS = "events"  # events and the statutory deadlines computed from them
    NOTES = "notes"
    LETTERS = "letters"
    CORRESPONDENCE = "correspondence"  # correspondence, callbacks, complaints
    AUDITS = "audits"
    DOCUMENTS = "documents"
    PLANS = "plans"
    SETTINGS = "settings"  # settings and the organisation (teams, caseworkers)


def _as_uuid(value: uuid.UUID | str) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


@dataclass(frozen=True, slots=True)
class Changes:
    """Kinds changed, children touched, and whether anything at all may have changed.

    ``any_child`` says children beyond ``child_ids`` were touched and which is not known
    (an import); ``everything`` says the whole store may differ (a sync pull, a restore).
    """

    kinds: frozenset[ChangeKind] = frozenset()
    child_ids: frozenset[uuid.UUID] = frozenset()
    any_child: bool = False
    everything: bool = False

    @classmethod
    def of(
        cls,
        *kinds: ChangeKind,
        children: Iterable[uuid.UUID | str] = (),
        any_child: bool = False,
    ) -> Changes:
        """``Changes.of(ChangeKind.EVENTS, children=[child_id])``; ids may be hex text."""
        return cls(
            kinds=frozenset(kinds),
            child_ids=frozenset(_as_uuid(child) for child in children),
            any_child=any_child,
        )

    @classmethod
    def all(cls) -> Changes:
        """Anything may have changed: every page that shows anything reloads."""
        return cls(kinds=frozenset(ChangeKind), any_child=True, everything=True)

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            kinds=self.kinds | other.kinds,
            child_ids=self.child_ids | other.child_ids,
            any_child=self.any_child or other.any_child,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def touches(self, *kinds: ChangeKind) -> bool:
        """True when any of ``kinds`` changed (always, after ``everything``)."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    def touches_child(self, child_id: uuid.UUID | str, *kinds: ChangeKind) -> bool:
        """True when this child (or an unknown child) was touched in one of ``kinds``
        (in any kind, when none are named)."""
        if self.everything:
            return True
        if kinds and not self.touches(*kinds):
            return False
        return self.any_child or _as_uuid(child_id) in self.child_ids

    @property
    def all_children(self) -> bool:
        """Whether a list of children must reload in full rather than row by row."""
        return (
            self.everything
            or self.any_child
            or (ChangeKind.CHILDREN in self.kinds and not self.child_ids)
        )


NO_CHANGES = Changes()
