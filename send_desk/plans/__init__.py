"""EHC plans: the structured plan of the EHC plan standard, and its checker.

Public API::

    parse_plan(data) -> Plan                 (raises PlanFormatError naming the place)
    Plan.to_json() -> dict                   (parse_plan(plan.to_json()) == plan)
    check_plan(plan, *, checklist=None, glossary=None, readability=None) -> PlanCheckResult
    default_plan_checklist() / load_plan_checklist(path) -> PlanChecklist
"""

from send_desk.plans.checker import PlanCheckResult, PlanItemResult, check_plan
from send_desk.plans.checklist import (
    CRITERIA_IDS,
    PlanChecklist,
    PlanChecklistError,
    default_plan_checklist,
    load_plan_checklist,
)
from send_desk.plans.model import (
    SECTION_ORDER,
    SECTION_TITLES,
    STATUSES,
    Child,
    Need,
    NeedList,
    Outcome,
    PersonalBudget,
    Placement,
    Plan,
    Provision,
    ProvisionList,
    Sections,
    Views,
)
from send_desk.plans.parsing import PlanFormatError, parse_plan

__all__ = [
    "CRITERIA_IDS",
    "SECTION_ORDER",
    "SECTION_TITLES",
    "STATUSES",
    "Child",
    "Need",
    "NeedList",
    "Outcome",
    "PersonalBudget",
    "Placement",
    "Plan",
    "PlanCheckResult",
    "PlanChecklist",
    "PlanChecklistError",
    "PlanFormatError",
    "PlanItemResult",
    "Provision",
    "ProvisionList",
    "Sections",
    "Views",
    "check_plan",
    "default_plan_checklist",
    "load_plan_checklist",
    "parse_plan",
]
