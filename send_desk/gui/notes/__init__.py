"""Case notes in the app: the editor with its live checklist, the Notes tab of a child's
record, and the "Search notes" page (registered here, reached from the search box)."""

from send_desk.gui.pages import PageSpec, register_page

NOTE_SEARCH_PAGE = "note_search"


def _search_page(context):  # type: ignore[no-untyped-def]
    from send_desk.gui.notes.search_page import NoteSearchPage

    return NoteSearchPage(context)


register_page(PageSpec(NOTE_SEARCH_PAGE, "Search notes", _search_page, order=70))
