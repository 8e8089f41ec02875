"""The plan editor's form: filling its fields from a plan and reading the plan back
from them (the draft's keys the editor does not show are kept), and the words of the
section pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from send_desk.gui.forms.ui_plan_editor import Ui_PlanEditorDialog
from send_desk.gui.plans.models import SectionItemsModel, parse_ids
from send_desk.plans import (
    Need,
    NeedList,
    Outcome,
    PersonalBudget,
    Plan,
    Provision,
    ProvisionList,
)

# Where the needs an item names may be (as the plan parser reads links).
NEED_SOURCES = {"E": ("B", "C", "D"), "F": ("B",), "G": ("C", "B", "D"),
                "H1": ("D", "B", "C"), "H2": ("D", "B", "C")}  # fmt: skip
HINTS = {
    "B": "Each special educational need with its SEN2 area, described in at least 10 words. "
    "Tick one as the primary need.",
    "C": "Health needs related to the child's special educational needs.",
    "D": "Social care needs related to the special educational needs or a disability.",
    "E": "What the child will do, by when, and which needs each outcome serves "
    "(from Year 9, include preparing for adulthood).",
    "F": "Provision for every need in B: what, who, how often and for how long, with numbers "
    "and units; name the needs (B) and outcomes (E) it serves.",
    "G": "Health provision for each health need in C (name it: c1).",
    "H1": "Social care provision under the 1970 Act for needs in D (name them: d1).",
    "H2": "Other social care provision for needs in D (name them: d1).",
}


def load(
    ui: Ui_PlanEditorDialog, plan: Plan, answers: list[bool | str | None]
) -> list[bool | str | None]:
    """Fill the fields of the pages that are not tables; the direct payments answers
    come back with the plan's own words added when it gives them in words."""
    answers = list(answers)
    s = plan.sections
    ui.childViewsEdit.setPlainText(s.A.child_views)
    ui.childReasonEdit.setText(s.A.child_views_not_obtained_reason)
    ui.parentViewsEdit.setPlainText(s.A.parent_views)
    ui.aspirationsEdit.setPlainText(s.A.aspirations)
    ui.placementTypeEdit.setText(s.I.type)
    ui.placementNameEdit.setText(s.I.name or "")
    ui.typeOnlyCheck.setChecked(s.I.type_only)
    ui.budgetRequestedCheck.setChecked(plan.personal_budget_requested)
    budget = s.J or PersonalBudget()
    ui.budgetCoversEdit.setPlainText(budget.covers)
    ui.budgetOutcomesEdit.setText(", ".join(budget.outcomes))
    answer = budget.direct_payments
    if isinstance(answer, str):  # said in words: kept as written
        ui.directPaymentsCombo.addItem(answer)
        answers.append(answer)
    ui.directPaymentsCombo.setCurrentIndex(
        next(i for i, a in enumerate(answers) if a is answer or a == answer)
    )
    ui.adviceEdit.setPlainText("\n".join(s.K))
    received = ", ".join(plan.advice_received) or "none recorded yet"
    ui.adviceReceivedLabel.setText(f"Advice received on the case: {received}.")
    return answers


def describe(models: Mapping[str, SectionItemsModel], item_id: str) -> str:
    """The start of an item's text, to pick it by more than its id."""
    for model in models.values():
        row = model.row_of(item_id)
        if row >= 0:
            item = model.items[row]
            text = getattr(item, "description", "") or getattr(item, "outcome", "")
            text = text or getattr(item, "what", "")
            words = " ".join(str(text).split())
            return words if len(words) <= 60 else words[:59].rstrip() + "…"
    return ""


def plan_of(
    ui: Ui_PlanEditorDialog,
    base: Plan,
    models: Mapping[str, SectionItemsModel],
    none_reasons: Mapping[str, str],
    direct: bool | str | None,
) -> Plan:
    """The plan as the fields hold it, on top of ``base`` (the draft as opened)."""
    s = base.sections

    def needs(key: str) -> NeedList:
        items = tuple(i for i in models[key].items if isinstance(i, Need))
        return NeedList(items, none_reasons.get(key) or None)

    def provision(key: str) -> ProvisionList:
        items = tuple(i for i in models[key].items if isinstance(i, Provision))
        return ProvisionList(items, none_reasons.get(key) or None)

    outcomes = tuple(item.id for item in models["E"].items)
    covers = ui.budgetCoversEdit.toPlainText()
    serves = tuple(i for i in dict.fromkeys(parse_ids(ui.budgetOutcomesEdit.text()))
                   if i in outcomes)  # fmt: skip
    budget = s.J
    if budget is not None or covers.strip() or serves or direct is not None:
        budget = replace(
            budget or PersonalBudget(), covers=covers, outcomes=serves, direct_payments=direct
        )
    name = ui.placementNameEdit.text().strip()
    sections = replace(
        s,
        A=replace(
            s.A,
            child_views=ui.childViewsEdit.toPlainText(),
            child_views_not_obtained_reason=ui.childReasonEdit.text(),
            parent_views=ui.parentViewsEdit.toPlainText(),
            aspirations=ui.aspirationsEdit.toPlainText(),
        ),
        B=needs("B"),
        C=needs("C"),
        D=needs("D"),
        E=tuple(i for i in models["E"].items if isinstance(i, Outcome)),
        F=provision("F"),
        G=provision("G"),
        H1=provision("H1"),
        H2=provision("H2"),
        I=replace(
            s.I,
            type=ui.placementTypeEdit.text(),
            name=name or None,
            type_only=ui.typeOnlyCheck.isChecked(),
        ),
        J=budget,
        K=tuple(line.strip() for line in ui.adviceEdit.toPlainText().splitlines() if line.strip()),
    )
    return replace(
        base,
        personal_budget_requested=ui.budgetRequestedCheck.isChecked(),
        sections=sections,
    )
