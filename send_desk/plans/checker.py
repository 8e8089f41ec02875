"""The automatic criteria of the EHC plan standard, applied to one plan.

Pure: a plan in, a result out; no store, no clock. The criteria's ids, sections,
wording and when each applies, the thresholds and the word lists are data
(resources/plans/plan_checklist.toml); the rules are those of
``shared/reference/ehc-plan-standard.md``, read as follows where it leaves room:

* ``a_child_voice``: ``child_views`` or ``child_views_not_obtained_reason`` is not blank.
* ``b_needs``: fails with no needs; ``items`` are the needs with an area that is not a
  SEN2 code or a description under 10 words, and, when not exactly one need is primary,
  every need (none marked) or the primary ones (more than one marked).
* ``e_outcomes_smart``: fails with no outcomes; an outcome fails with no ``by``, a ``by``
  on or before the plan's date (when the plan has one), or a statement that is not
  measurable (see :mod:`send_desk.plans.wording`).
* ``e_preparing_for_adulthood`` applies from Year 9, and to a young person whatever the
  year group (a young person is over compulsory school age).
* ``f_quantified``: the hedging words are looked for in every text of a provision (what,
  who, frequency, duration, group, review); a blank frequency or duration is left to
  ``f_specified`` (it fails there), so one gap is not reported twice.
* ``g_health_provided``: every need in C is named by a provision in G, or G is
  ``{"none": reason}`` with a reason. ``h_social_care_provided`` likewise with H1 and
  H2: a need in D named by neither passes only if H2 (other social care provision
  reasonably required, the whole of what is left) says why none is needed; H1 saying
  there is nothing under the 1970 Act does not explain a need left without provision.
* ``i_draft_names_no_school``: passes when Section I has no ``name``.
* ``j_personal_budget``: ``covers`` is not blank and ``direct_payments`` is given (true,
  false, or words).
* ``k_all_advice_listed``: advice names are compared as kinds of advice ("EP", "Educational
  psychologist" and "educational_psychology" are one), so ``items`` are the kinds missing.
* ``plain_language``: Section A (its views and aspirations) and Section B (its needs'
  descriptions) are each read as one body with the case-note rule: Flesch reading ease
  at or above the case-note threshold, judged when the body has at least the case-note
  minimum of words (two sections each too short are judged together), and no sentence
  over the maximum. Every acronym in them is spelled out at its first use (reading A
  then B) or is on the glossary's plain-words list. ``items`` name the texts
  (``A.parent_views``, ``b1``): for a hard body, those parts that score below the
  threshold on their own (all its parts if none does alone).

Section-level criteria (A, I, J) have no item ids: their ``items`` are empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from send_desk.domain.codes import Need as Sen2Need
from send_desk.plans.checklist import PlanChecklist, PlanCriterion, default_plan_checklist
from send_desk.plans.model import A_FIELDS, Plan
from send_desk.plans.wording import Wording
from send_desk.quality.acronyms import acronym_uses
from send_desk.quality.checklist import Thresholds as NoteThresholds
from send_desk.quality.checklist import default_checklist
from send_desk.quality.glossary import Glossary, default_glossary
from send_desk.quality.readability import analyse, words_of

SEN2_AREAS = frozenset(need.value for need in Sen2Need)


@dataclass(frozen=True)
class PlanItemResult:
    id: str
    section: str
    applies: bool
    passed: bool
    items: tuple[str, ...]
    message: str
    label: str = ""
    details: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "applies": self.applies,
            "passed": self.passed,
            "section": self.section,
            "items": list(self.items),
            "message": self.message,
        }


@dataclass(frozen=True)
class PlanCheckResult:
    criteria: tuple[PlanItemResult, ...]

    @property
    def applicable(self) -> int:
        return sum(1 for c in self.criteria if c.applies)

    @property
    def passed(self) -> int:
        return sum(1 for c in self.criteria if c.applies and c.passed)

    @property
    def failed(self) -> list[PlanItemResult]:
        return [c for c in self.criteria if c.applies and not c.passed]

    def criterion(self, criterion_id: str) -> PlanItemResult:
        for result in self.criteria:
            if result.id == criterion_id:
                return result
        raise KeyError(criterion_id)

    def to_json(self) -> dict[str, Any]:
        """The contract's output of ``send-desk plan check --json``."""
        return {
            "criteria": [c.to_json() for c in self.criteria],
            "passed": self.passed,
            "applicable": self.applicable,
        }


@dataclass
class _Verdict:
    passed: bool = True
    items: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def fail(self, item: str | None, detail: str) -> None:
        self.flag([] if item is None else [item], detail)

    def flag(self, items: Iterable[str], detail: str) -> None:
        self.passed = False
        self.items.extend(item for item in dict.fromkeys(items) if item not in self.items)
        self.details.append(detail)


@dataclass(frozen=True)
class _Context:
    plan: Plan
    checklist: PlanChecklist
    wording: Wording
    glossary: Glossary
    readability: NoteThresholds


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _applies(rule: str, c: _Context) -> bool:
    plan = c.plan
    if rule == "child":
        return not plan.child.young_person
    if rule == "preparing_for_adulthood":
        year = plan.child.year_group
        return plan.child.young_person or (
            year is not None and year >= c.checklist.thresholds.pfa_from_year
        )
    if rule == "health_needs":
        return bool(plan.sections.C.items)
    if rule == "social_care_needs":
        return bool(plan.sections.D.items)
    if rule == "draft":
        return plan.status == "draft"
    if rule == "final_or_amended":
        return plan.status in ("final", "amended")
    if rule == "personal_budget":
        return plan.personal_budget_requested
    return True


def _a_child_voice(c: _Context) -> _Verdict:
    a = c.plan.sections.A
    return _Verdict(not (_blank(a.child_views) and _blank(a.child_views_not_obtained_reason)))


def _a_parent_views(c: _Context) -> _Verdict:
    return _Verdict(not _blank(c.plan.sections.A.parent_views))


def _b_needs(c: _Context) -> _Verdict:
    needs, v = c.plan.sections.B.items, _Verdict()
    least = c.checklist.thresholds.min_need_description_words
    if not needs:
        v.fail(None, "Section B lists no needs.")
        return v
    for need in needs:
        if need.area not in SEN2_AREAS:
            shown = f"'{need.area}' is not a SEN2 area" if need.area else "has no SEN2 area"
            v.fail(need.id, f"{need.id}: {shown} ({', '.join(a.value for a in Sen2Need)}).")
        count = len(words_of(need.description))
        if count < least:
            v.fail(
                need.id, f"{need.id}: describe the need in at least {least} words ({count} now)."
            )
    primary = [need.id for need in needs if need.primary]
    if not primary:
        v.flag([need.id for need in needs], "No need is marked primary: mark one.")
    elif len(primary) > 1:
        v.flag(primary, f"{', '.join(primary)} are all marked primary: mark one.")
    return v


def _e_outcomes_smart(c: _Context) -> _Verdict:
    plan, v = c.plan, _Verdict()
    if not plan.sections.E:
        v.fail(None, "Section E has no outcomes.")
    for outcome in plan.sections.E:
        if outcome.by is None:
            v.fail(outcome.id, f"{outcome.id}: say by when (a date).")
        elif plan.date is not None and outcome.by <= plan.date:
            v.fail(
                outcome.id,
                f"{outcome.id}: its date {outcome.by.isoformat()} is not after the plan's date "
                f"{plan.date.isoformat()}.",
            )
        if _blank(outcome.outcome):
            v.fail(outcome.id, f"{outcome.id}: say what the child will achieve.")
        elif not c.wording.measurable(outcome.outcome):
            v.fail(
                outcome.id,
                f"{outcome.id}: make it measurable: how many, how often, or what the child "
                "will do that can be seen.",
            )
    return v


def _e_preparing_for_adulthood(c: _Context) -> _Verdict:
    return _Verdict(any(outcome.pfa for outcome in c.plan.sections.E))


def _f_every_need_provided(c: _Context) -> _Verdict:
    s, v = c.plan.sections, _Verdict()
    for need in s.B.items:
        if not s.F.naming(need.id):
            v.fail(need.id, f"{need.id}: no provision in Section F names it.")
    return v


_SPECIFIED = (
    ("what", "what"),
    ("who", "who"),
    ("frequency", "how often"),
    ("duration", "for how long"),
)


def _f_specified(c: _Context) -> _Verdict:
    v = _Verdict()
    for provision in c.plan.sections.F.items:
        missing = [words for name, words in _SPECIFIED if _blank(getattr(provision, name))]
        if missing:
            v.fail(provision.id, f"{provision.id}: say {', '.join(missing)}.")
    return v


def _f_quantified(c: _Context) -> _Verdict:
    v, w = _Verdict(), c.wording
    for p in c.plan.sections.F.items:
        gaps = [
            words
            for name, words in (("frequency", "how often"), ("duration", "for how long"))
            if not _blank(getattr(p, name)) and not w.quantified(getattr(p, name), name)
        ]
        if gaps:
            v.fail(p.id, f"{p.id}: say {' and '.join(gaps)} with a number and a unit.")
        for name, text in p.texts():
            for phrase in w.hedges(text):
                v.fail(p.id, f"{p.id}: '{phrase}' in {name} is not enforceable.")
    return v


def _f_serves_outcomes(c: _Context) -> _Verdict:
    v = _Verdict()
    for provision in c.plan.sections.F.items:
        if not provision.outcomes:
            v.fail(provision.id, f"{provision.id}: name the outcome it serves.")
    return v


def _g_health_provided(c: _Context) -> _Verdict:
    s, v = c.plan.sections, _Verdict()
    if not _blank(s.G.none_reason):
        return v
    for need in s.C.items:
        if not s.G.naming(need.id):
            v.fail(need.id, f"{need.id}: no health provision in Section G names it.")
    return v


def _h_social_care_provided(c: _Context) -> _Verdict:
    s, v = c.plan.sections, _Verdict()
    if not _blank(s.H2.none_reason):
        return v
    for need in s.D.items:
        if not (s.H1.naming(need.id) or s.H2.naming(need.id)):
            v.fail(need.id, f"{need.id}: no provision in Section H1 or H2 names it.")
    return v


def _i_draft_names_no_school(c: _Context) -> _Verdict:
    name = c.plan.sections.I.name
    return _Verdict(_blank(name), details=[] if _blank(name) else [f"Take out '{name}'."])


def _i_final_names_placement(c: _Context) -> _Verdict:
    placement, v = c.plan.sections.I, _Verdict()
    if _blank(placement.type):
        v.fail(None, "Section I gives no type of school or institution.")
    if _blank(placement.name) and not placement.type_only:
        v.fail(None, "Section I gives no name.")
    return v


def _j_personal_budget(c: _Context) -> _Verdict:
    budget, v = c.plan.sections.J, _Verdict()
    if budget is None:
        v.fail(None, "Section J is empty.")
        return v
    if _blank(budget.covers):
        v.fail(None, "Say what the budget covers.")
    if budget.direct_payments is None:
        v.fail(None, "Say whether direct payments are made.")
    return v


def _k_all_advice_listed(c: _Context) -> _Verdict:
    kind = c.checklist.advice_kind
    listed = {kind(name) for name in c.plan.sections.K}
    v = _Verdict()
    for name in c.plan.advice_received:
        if kind(name) not in listed:
            v.fail(kind(name), f"{name} is not listed.")
    return v


def _plain_parts(plan: Plan) -> list[tuple[str, str]]:
    a = plan.sections.A
    parts = [(f"A.{name}", getattr(a, name)) for name in A_FIELDS]
    parts += [(need.id, need.description) for need in plan.sections.B.items]
    return [(where, text) for where, text in parts if not _blank(text)]


def _bodies(parts: list[tuple[str, str]], least: int) -> list[list[tuple[str, str]]]:
    """Section A and Section B each read as one body, as a case note's body is; when one
    is too short to judge alone, A and B are also judged together, so that a few
    sentences of jargon cannot hide in a short section."""
    sections = [
        [(where, text) for where, text in parts if where.startswith("A.") == in_a]
        for in_a in (True, False)
    ]
    count = [len(words_of(" ".join(text for _, text in body))) for body in sections]
    bodies = [body for body, n in zip(sections, count, strict=True) if n >= least]
    if len(bodies) < len(sections):
        bodies.append(parts)
    return bodies


def _plain_language(c: _Context) -> _Verdict:
    t, v = c.readability, _Verdict()
    parts = _plain_parts(c.plan)
    for body in _bodies(parts, t.min_body_words):
        whole = "\n\n".join(text for _, text in body)
        if len(words_of(whole)) < t.min_body_words or (body is parts and not v.passed):
            continue
        overall = analyse(whole, t.max_sentence_words)
        if overall.reading_ease < t.min_reading_ease:
            hard = [
                where for where, text in body
                if analyse(text).reading_ease < t.min_reading_ease
            ] or [where for where, _ in body]  # fmt: skip
            v.flag(
                hard,
                f"Reading ease is {overall.reading_ease:.0f} (aim for {t.min_reading_ease:.0f} "
                f"or more): use shorter words and sentences in {', '.join(hard)}.",
            )
    for where, text in parts:
        for sentence in analyse(text, t.max_sentence_words).long_sentences:
            v.fail(
                where,
                f"{where}: this sentence has {len(words_of(sentence))} words: "
                f"“{_short(sentence, 60)}”",
            )
    seen: set[str] = set()
    for where, text in parts:
        for use in acronym_uses(text, c.glossary):
            if use.acronym.upper() in seen:
                continue
            seen.add(use.acronym.upper())
            if not use.explained:
                spelled = f" ({use.in_full[0]})" if use.in_full else ""
                v.fail(where, f"{where}: spell out {use.written}{spelled} the first time.")
    return v


_RULES: dict[str, Callable[[_Context], _Verdict]] = {
    "a_child_voice": _a_child_voice,
    "a_parent_views": _a_parent_views,
    "b_needs": _b_needs,
    "e_outcomes_smart": _e_outcomes_smart,
    "e_preparing_for_adulthood": _e_preparing_for_adulthood,
    "f_every_need_provided": _f_every_need_provided,
    "f_specified": _f_specified,
    "f_quantified": _f_quantified,
    "f_serves_outcomes": _f_serves_outcomes,
    "g_health_provided": _g_health_provided,
    "h_social_care_provided": _h_social_care_provided,
    "i_draft_names_no_school": _i_draft_names_no_school,
    "i_final_names_placement": _i_final_names_placement,
    "j_personal_budget": _j_personal_budget,
    "k_all_advice_listed": _k_all_advice_listed,
    "plain_language": _plain_language,
}


def _message(criterion: PlanCriterion, checklist: PlanChecklist) -> str:
    t = checklist.thresholds
    return criterion.message.format(
        min_words=t.min_need_description_words, pfa_year=t.pfa_from_year
    )


def check_plan(
    plan: Plan,
    *,
    checklist: PlanChecklist | None = None,
    glossary: Glossary | None = None,
    readability: NoteThresholds | None = None,
) -> PlanCheckResult:
    """Every automatic criterion, in the standard's order.

    ``readability`` defaults to the case-note checklist's thresholds: one rule for both.
    """
    checklist = checklist or default_plan_checklist()
    context = _Context(
        plan,
        checklist,
        checklist.wording,
        glossary or default_glossary(),
        readability or default_checklist().thresholds,
    )
    results = []
    for criterion in checklist.criteria:
        applies = _applies(criterion.applies, context)
        verdict = _RULES[criterion.id](context) if applies else _Verdict()
        failed = applies and not verdict.passed
        details = verdict.details
        results.append(
            PlanItemResult(
                id=criterion.id,
                section=criterion.section,
                applies=applies,
                passed=not failed,
                items=tuple(verdict.items) if failed else (),
                message=" ".join([_message(criterion, checklist), *details]) if failed else "",
                label=criterion.label,
                details=tuple(details) if failed else (),
            )
        )
    return PlanCheckResult(tuple(results))
