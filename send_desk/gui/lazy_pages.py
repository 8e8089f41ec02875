"""The main window's pages, each built the first time it is asked for.

Building every page at start-up cost a third of a second and loaded the reports,
the charts (QtCharts) and supervision before the caseload could be shown. Each page
now waits in the stack as an empty placeholder until it is opened (or looked up),
and is then built once and put in the placeholder's place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages(Mapping[str, QWidget]):
    """Page id -> page widget; looking a page up builds it (once)."""

    def __init__(self, stack: QStackedWidget, build: Callable[[str], QWidget]) -> None:
        self._stack = stack
        self._build = build
        self._ids: list[str] = []
        self._built: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}

    def add(self, page_id: str) -> None:
        """Reserve the page's place in the stack; it is built on first look-up."""
        placeholder = QWidget()
        placeholder.setAccessibleName("Loading…")
        self._placeholders[page_id] = placeholder
        self._ids.append(page_id)
        self._stack.addWidget(placeholder)

    def built(self) -> dict[str, QWidget]:
        """The pages built so far (looking at these builds nothing)."""
        return dict(self._built)

    def __getitem__(self, page_id: str) -> QWidget:
        widget = self._built.get(page_id)
        if widget is not None:
            return widget
        placeholder = self._placeholders[page_id]  # KeyError: no such page
        widget = self._build(page_id)
        self._stack.insertWidget(self._stack.indexOf(placeholder), widget)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        del self._placeholders[page_id]
        self._built[page_id] = widget
        return widget

    def __contains__(self, page_id: object) -> bool:
        return page_id in self._ids  # without building it

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
