"""The Correspondence page and a child record's Correspondence tab.

The page lists every item awaiting a reply across the caseload (mine, my team's or
everyone's), overdue first, with callbacks (missed ones flagged), complaints by stage
and who is away or on duty. The tab shows one child's items, callbacks and complaints.
Both offer the same actions: log an item, record the reply, book a callback and record
what happened, record a complaint and each step of it. Items are listed by id and their
rows fetched a page at a time, so a caseload of 20,000 children scrolls without a wait.
"""

from send_desk.gui.correspondence_page.due_box import DueBox
from send_desk.gui.correspondence_page.models import LazyItemsModel, StatusRows, table
from send_desk.gui.correspondence_page.page import CorrespondencePage
from send_desk.gui.correspondence_page.tab import CorrespondenceTab

__all__ = [
    "CorrespondencePage",
    "CorrespondenceTab",
    "DueBox",
    "LazyItemsModel",
    "StatusRows",
    "table",
]
