"""A plan laid out for print: what the DOCX and PDF writers of a plan both draw.

The council's layout: a title page block (the child, the plan's date and status), then
each section A to K headed with its letter and statutory title; outcomes in E as a
table with their dates; provision in F (and G, H1, H2) as a table of what, who, how
often, how long, group and review; a draft or a proposed amendment marked on every
page with the last day to comment. Dates are written out in British English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from send_desk.domain.codes import NEED_LABELS
from send_desk.plans.checklist import default_plan_checklist
from send_desk.plans.diff import SectionDiff, advice_label
from send_desk.plans.model import (
    SECTION_ORDER,
    SECTION_TITLES,
    NeedList,
    Plan,
    ProvisionList,
)

TITLE = "Education, health and care plan"
CHANGES_TITLE = "What this amendment changes"
PROVISION_HEADERS = ("Ref", "What", "Who", "How often", "How long", "Group", "Review")
# relative widths: "what" gets the most room, the reference the least
PROVISION_WIDTHS = (0.6, 3.0, 2.0, 1.5, 1.3, 1.2, 1.4)
OUTCOME_HEADERS = ("Ref", "Outcome", "By", "For needs")
OUTCOME_WIDTHS = (0.6, 5.2, 1.8, 1.4)
KIND_LABELS = {
    None: "Working draft (not issued)",
    "draft": "Draft plan",
    "final": "Final plan",
    "amendment": "Proposed amendment",
    "amended": "Amended plan",
}
# What marks every page, by kind of version; a final plan carries no mark.
KIND_MARKS = {None: "DRAFT", "draft": "DRAFT", "amendment": "PROPOSED AMENDMENT"}
_AREA_LABELS = {need.value: label for need, label in NEED_LABELS.items()}
_A_PARTS = (
    ("child_views", "The views of {name}"),
    ("child_views_not_obtained_reason", "Why {name}'s views could not be gathered"),
    ("parent_views", "The views of the parents"),
    ("aspirations", "Aspirations"),
)


def long_date(value: date) -> str:
    """16 July 2027 (en-GB, no leading zero)."""
    return f"{value.day} {value:%B %Y}"


def full_date(value: date) -> str:
    """Monday 26 October 2026."""
    return f"{value:%A} {long_date(value)}"


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a section: a subheading, a paragraph, a bullet or a table."""

    kind: str
    text: str = ""
    table: Table | None = None


@dataclass(frozen=True, slots=True)
class PlanSection:
    code: str
    title: str
    parts: tuple[Part, ...]

    @property
    def heading(self) -> str:
        return f"Section {self.code}: {self.title}" if self.code else self.title


@dataclass(frozen=True, slots=True)
class AdviceDocument:
    """An advice report attached to the case, as Section K lists it and an appendix
    carries it. ``ref`` is the document's id as text (what the appendix is read from)."""

    ref: str
    kind: str | None  # the advice it answers (documents.toml [advice]), if said
    title: str
    author: str | None
    received_on: date | None
    media_type: str = ""
    file_name: str | None = None


@dataclass(frozen=True, slots=True)
class PlanDocument:
    council: str
    child_name: str
    facts: tuple[tuple[str, str], ...]  # label, value: the box under the title
    status: str  # "Draft plan", "Final plan"...
    mark: str | None  # "DRAFT" on every page, or None
    mark_note: str | None  # the last day to comment, beside the mark
    sections: tuple[PlanSection, ...]
    plan_date: date | None
    title: str = TITLE
    # the advice reports Section K lists, in its order: appendix N is appendices[N - 1]
    appendices: tuple[AdviceDocument, ...] = ()

    @property
    def page_mark(self) -> str | None:
        if self.mark is None:
            return None
        return f"{self.mark}: {self.mark_note}" if self.mark_note else self.mark


def _changes(changes: tuple[SectionDiff, ...]) -> list[Part]:
    parts = []
    for change in changes:
        parts.append(Part("subheading", f"Section {change.section}: {change.title}"))
        parts += [Part("bullet", f"Taken out: {line}") for line in change.removed]
        parts += [Part("bullet", f"Added: {line}") for line in change.added]
    return parts


def _none(reason: str | None) -> list[Part]:
    return [Part("paragraph", reason or "None.")]


def _needs(needs: NeedList, section: str) -> list[Part]:
    if not needs.items:
        return (
            _none(needs.none_reason)
            if needs.none_reason is not None
            else [Part("paragraph", "None identified.")]
        )
    parts = []
    for need in needs.items:
        head = need.id
        if section == "B":
            area = _AREA_LABELS.get(need.area, need.area)
            head += f": {area}" if area else ""
            head += " (primary need)" if need.primary else ""
        parts.append(Part("subheading", head))
        parts.append(Part("paragraph", need.description or "(not yet described)"))
    return parts


def _outcomes(plan: Plan) -> list[Part]:
    if not plan.sections.E:
        return [Part("paragraph", "No outcomes yet.")]
    rows = tuple(
        (
            o.id,
            o.outcome + (" (preparing for adulthood)" if o.pfa else ""),
            long_date(o.by) if o.by else "",
            ", ".join(o.needs),
        )
        for o in plan.sections.E
    )
    return [Part("table", table=Table(OUTCOME_HEADERS, rows, OUTCOME_WIDTHS))]


def _provision(provisions: ProvisionList) -> list[Part]:
    if not provisions.items:
        if provisions.none_reason is not None:
            return _none(provisions.none_reason)
        return [Part("paragraph", "None.")]
    rows = tuple(
        (p.id, p.what, p.who, p.frequency, p.duration, p.group, p.review) for p in provisions.items
    )
    return [Part("table", table=Table(PROVISION_HEADERS, rows, PROVISION_WIDTHS))]


def _views(plan: Plan) -> list[Part]:
    name = plan.child.first_name or "the child"
    parts = []
    for field, label in _A_PARTS:
        text = getattr(plan.sections.A, field)
        if text:
            parts += [Part("subheading", label.format(name=name)), Part("paragraph", text)]
    return parts or [Part("paragraph", "Not yet written.")]


def _placement(plan: Plan, kind: str | None) -> list[Part]:
    placement = plan.sections.I
    parts = [Part("paragraph", f"Type of school or setting: {placement.type or 'not yet decided'}")]
    if placement.name:
        parts.append(Part("paragraph", f"Name: {placement.name}"))
    elif kind in (None, "draft"):
        parts.append(Part("paragraph", "A draft plan names no school: the family is asked for "
                                       "the school or college they would like first."))  # fmt: skip
    return parts


def _budget(plan: Plan) -> list[Part]:
    budget = plan.sections.J
    if budget is None:
        return [Part("paragraph", "No personal budget was asked for.")]
    paid = budget.direct_payments
    said = paid if isinstance(paid, str) else {True: "Yes", False: "No", None: "Not decided"}[paid]
    return [
        Part("paragraph", f"What it covers: {budget.covers or 'not yet said'}"),
        Part("paragraph", "For outcomes: " + (", ".join(budget.outcomes) or "none named")),
        Part("paragraph", f"Direct payments: {said}"),
    ]


def _advice_line(label: str, document: AdviceDocument, number: int) -> str:
    """'Educational psychology advice: Report on Sam, by Dr A. Example, received 3 March
    2026 (Appendix 1)'."""
    line = f"{label} advice: {document.title}"
    if document.author:
        line += f", by {document.author}"
    if document.received_on is not None:
        line += f", received {long_date(document.received_on)}"
    return f"{line} (Appendix {number})"


def _advice(
    plan: Plan, documents: Sequence[AdviceDocument]
) -> tuple[list[Part], tuple[AdviceDocument, ...]]:
    """Section K: each kind of advice the plan lists, with the reports attached to the
    case that answer it (numbered as appendices in that order); reports answering no
    kind K lists follow, so nothing attached is left out of the appendices."""
    checklist = default_plan_checklist()
    by_kind: dict[str, list[AdviceDocument]] = {}
    for document in documents:
        key = checklist.advice_kind(document.kind) if document.kind else ""
        by_kind.setdefault(key, []).append(document)
    numbered: list[AdviceDocument] = []
    parts: list[Part] = []
    if plan.sections.K:
        parts.append(Part("paragraph", "The advice and information gathered for this plan:"))
    else:
        parts.append(Part("paragraph", "No advice listed yet."))
    for kind in plan.sections.K:
        label = advice_label(kind)
        answering = by_kind.pop(checklist.advice_kind(kind), [])
        if not answering:
            parts.append(Part("bullet", label))
        for document in answering:
            numbered.append(document)
            parts.append(Part("bullet", _advice_line(label, document, len(numbered))))
    others = [d for docs in by_kind.values() for d in docs]
    if others:
        parts.append(Part("paragraph", "Other advice attached to the case:"))
        for document in others:
            numbered.append(document)
            label = advice_label(document.kind) if document.kind else "Other"
            parts.append(Part("bullet", _advice_line(label, document, len(numbered))))
    return parts, tuple(numbered)


def section_parts(plan: Plan, code: str, kind: str | None) -> list[Part]:
    s = plan.sections
    if code == "A":
        return _views(plan)
    if code in ("B", "C", "D"):
        return _needs(getattr(s, code), code)
    if code == "E":
        return _outcomes(plan)
    if code in ("F", "G", "H1", "H2"):
        return _provision(getattr(s, code))
    if code == "I":
        return _placement(plan, kind)
    if code == "J":
        return _budget(plan)
    return _advice(plan, ())[0]


def build_document(
    plan: Plan,
    *,
    council: str,
    child_name: str,
    date_of_birth: date | None,
    kind: str | None,
    version: int | None,
    comment_by: date | None,
    changes: tuple[SectionDiff, ...] = (),
    advice_documents: Sequence[AdviceDocument] = (),
) -> PlanDocument:
    """The plan laid out; ``kind`` is the version's (None for the working draft). An
    amendment's ``changes`` are listed first, section by section (the plan "with the
    changes marked" that goes with the amendment notice). ``advice_documents``: the
    advice reports attached to the case that Section K lists (and the appendices)."""
    status = KIND_LABELS.get(kind, kind or "")
    facts = [("Name", child_name)]
    if date_of_birth is not None:
        facts.append(("Date of birth", long_date(date_of_birth)))
    if plan.child.year_group is not None:
        year = plan.child.year_group
        facts.append(("Year group", "Reception" if year == 0 else f"Year {year}"))
    if plan.date is not None:
        facts.append(("Date of this plan", long_date(plan.date)))
    facts.append(("Status", status + (f" (version {version})" if version else "")))
    mark = KIND_MARKS.get(kind)
    note = None
    if mark is not None:
        note = (f"comments by {full_date(comment_by)}" if comment_by
                else "not yet issued" if kind is None else None)  # fmt: skip
        if comment_by:
            facts.append(("Last day to comment", full_date(comment_by)))
    advice, appendices = _advice(plan, advice_documents)
    sections = tuple(
        PlanSection(
            code,
            SECTION_TITLES[code],
            tuple(advice if code == "K" else section_parts(plan, code, kind)),
        )
        for code in SECTION_ORDER
    )
    if changes:
        sections = (PlanSection("", CHANGES_TITLE, tuple(_changes(changes))), *sections)
    return PlanDocument(
        council=council,
        child_name=child_name,
        facts=tuple(facts),
        status=status,
        mark=mark,
        mark_note=note,
        sections=sections,
        plan_date=plan.date,
        appendices=appendices,
    )
