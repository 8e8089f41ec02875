"""Reading a SEN2 file as a stream: the header, then one person at a time.

lxml's ``iterparse`` hands over each ``Person`` once it is complete; it becomes a small
:class:`Node` tree (tags in their 2026 spelling, text and line numbers) and the element
is cleared, with the persons read before it, so a 100,000-person file is read in the
memory of one person. The spellings the reference lists as disagreeing (sen2.md section
2: ``PlanWPB``/``WPB``, ``RES``, ``SENsetting``) are read as ``PlanWBP``, ``WBP``,
``Res`` and ``SENSetting``; the 2023 ``GenderCurrent`` is left for the caller to map.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from send_desk.textsafe import has_control

ALIASES = {"PlanWPB": "PlanWBP", "WPB": "WBP", "RES": "Res", "SENsetting": "SENSetting"}


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: the file's line and the element's name."""

    line: int | None
    element: str | None
    message: str

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "element": self.element, "message": self.message}

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "the file"
        if self.element:
            where += f", <{self.element}>"
        return f"{where}: {self.message}"


class Unreadable(Exception):
    """The file cannot be opened or read at all (exit 2), as against a file with faults."""


class NotSen2(Exception):
    """The file is XML but not a SEN2 return, or breaks off: nothing more can be read."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class Node:
    """An element as the importer reads it: tag (in its 2026 spelling), line, the text of
    a value or the elements inside a part."""

    __slots__ = ("_index", "children", "line", "tag", "text")

    def __init__(
        self, tag: str, line: int, text: str | None = None, children: list[Node] | None = None
    ) -> None:
        self.tag = tag
        self.line = line
        self.text = text
        self.children = children or []
        self._index: dict[str, Node] | None = None

    def first(self, tag: str) -> Node | None:
        index = self._index
        if index is None:
            # each part is asked for most of its values: one pass, then lookups
            index = self._index = {}
            for child in self.children:
                index.setdefault(child.tag, child)
        return index.get(tag)

    def all(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def value(self, tag: str) -> str | None:
        child = self.first(tag)
        return child.text if child is not None else None


@dataclass(frozen=True)
class Header:
    year: int
    reference_date: date
    la: str | None
    line: int

    @property
    def period_start(self) -> date:
        """1 January of the year before the return's (sen2.md section 1)."""
        return date(self.year - 1, 1, 1)


def _node(element: etree._Element) -> Node:
    tag = element.tag
    tag = ALIASES.get(tag, tag)
    if len(element):
        # comments and processing instructions have a function for a tag
        kids = [_node(child) for child in element if type(child.tag) is str]
        return Node(tag, element.sourceline or 0, None, kids)
    text = element.text
    return Node(tag, element.sourceline or 0, (text.strip() or None) if text else None)


def _header(node: Node) -> Header:
    details = node.first("CollectionDetails")
    collection = details.value("Collection") if details else None
    if collection != "SEN2":
        where = details.first("Collection") if details else None
        raise NotSen2(Problem(
            (where or details or node).line, "Collection",
            f"this is not a SEN2 return: the collection is '{collection or 'missing'}', "
            "not SEN2",
        ))  # fmt: skip
    assert details is not None
    year_text = details.value("Year") or ""
    if not (year_text.isdigit() and len(year_text) == 4):
        raise NotSen2(Problem(details.line, "Year", f"'{year_text}' is not the return's year"))
    reference = details.value("ReferenceDate")
    try:
        day = date.fromisoformat(reference or "")
    except ValueError:
        day = date(int(year_text), 1, 1)  # not needed to import; the period is from Year
    source = node.first("Source")
    return Header(int(year_text), day, source.value("LEA") if source else None, node.line)


def read(path: Path) -> Iterator[Header | Node]:
    """The header, then each ``Person`` as a :class:`Node`. Raises :class:`Unreadable`
    when the file cannot be opened, :class:`NotSen2` for a file that is not a SEN2
    return or breaks off (the problem names the line)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise Unreadable(f"cannot read {path}: {error.strerror or error}") from None
    # opened here, not by lxml: a file given up on half read is still closed
    with handle:
        yield from _read(handle)


# the elements whose start and end the reader follows: the parts of a person, not each
# value (a third of the events, and what a broken file is named by)
_FOLLOWED = ("Message", "Header", "Persons", "Person", "Requests", "Assessment", "NamedPlan",
             "ActivePlans")  # fmt: skip
_OPTIONS: dict[str, Any] = {"resolve_entities": False, "no_network": True, "huge_tree": True}


def _syntax(error: etree.XMLSyntaxError, inside: str | None) -> NotSen2:
    message = str(error.msg or error)
    if "end of data" in message.lower() or "premature end" in message.lower():
        message = f"the file ends too soon; it may be cut short ({message})"
    return NotSen2(Problem(error.lineno or None, inside, f"not well-formed XML: {message}"))


def _check_root(handle: BinaryIO) -> None:
    """A file whose first element is not ``Message`` is refused before it is read on."""
    try:
        for _event, element in etree.iterparse(handle, events=("start",), **_OPTIONS):
            tag = element.tag
            if tag != "Message":
                raise NotSen2(Problem(
                    element.sourceline, str(tag),
                    f"this is not a SEN2 return: its first element is <{tag}>, not <Message>",
                ))  # fmt: skip
            return
    except etree.XMLSyntaxError as error:
        raise _syntax(error, None) from None
    raise NotSen2(Problem(None, None, "the file is empty"))


def _read(handle: BinaryIO) -> Iterator[Header | Node]:
    _check_root(handle)
    handle.seek(0)
    header_seen = False
    open_tags: list[str] = []  # to name the element a broken file breaks off in
    try:
        for event, element in etree.iterparse(
            handle, events=("start", "end"), tag=_FOLLOWED, **_OPTIONS
        ):
            tag = element.tag
            if event == "start":
                open_tags.append(tag)
                continue
            open_tags.pop()
            if tag == "Header":
                header_seen = True
                yield _header(_node(element))
                element.clear()
            elif tag == "Person":
                if not header_seen:
                    raise NotSen2(Problem(
                        element.sourceline, "Header",
                        "this is not a SEN2 return: there is no <Header> before the people",
                    ))  # fmt: skip
                yield _node(element)
                # free the person, and the (already cleared) ones before it
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        raise _syntax(error, open_tags[-1] if open_tags else None) from None
    if not header_seen:
        raise NotSen2(Problem(None, "Header", "this is not a SEN2 return: it has no <Header>"))


def clean_text(node: Node) -> str | None:
    """The node's text, refused (None) when it holds control characters."""
    if node.text is None or has_control(node.text):
        return None
    return node.text
