"""Every table, imported in one place so that metadata and migrations see them all."""

from send_desk.domain.children import Allocation, Child, FamilyMember, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.journal import DeviceState, JournalEntry, StoreMeta
from send_desk.domain.organisation import Setting, Team, User

# Tables whose writes are journaled, in an order that satisfies foreign keys.
JOURNALED = (Team, User, Setting, Child, FamilyMember, Placement, Allocation, CaseEvent)

__all__ = [
    "JOURNALED",
    "Allocation",
    "CaseEvent",
    "Child",
    "DeviceState",
    "FamilyMember",
    "JournalEntry",
    "Placement",
    "Setting",
    "StoreMeta",
    "Team",
    "User",
]
