"""The problems in a SEN2 return: the guide's rules found (sen2.md section 4), the
formats of the XSD, date order, and the data-quality queries COLLECT raises.

Each problem names its rule, is an ``error`` (COLLECT would refuse the file) or a
``query`` (COLLECT would ask), and names the child in words a caseworker can act on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from send_desk.domain.validators import upn_check_letter
from send_desk.resources import read_text
from send_desk.sen2.codes import code_set
from send_desk.sen2.model import ActivePlans, Person, Request, Sen2Return, SettingDetail

_UPN = re.compile(r"[A-Z]\d{12}|[A-Z]\d{11}[A-Z]")
_LA = re.compile(r"\d{3}")
_URN = re.compile(r"\d{1,6}")
_UKPRN = re.compile(r"\d{8}")
_ULN = re.compile(r"\d{10}")


@dataclass(frozen=True)
class Problem:
    rule: str
    severity: str  # "error" or "query"
    child_id: str | None
    module: str  # header, person, request, assessment, named_plan, active_plans
    message: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def check_return(sen2: Sen2Return) -> list[Problem]:
    problems = list(_header(sen2))
    for person in sen2.persons:
        problems += _person(person)
    problems += _duplicate_upns(sen2)
    problems += _other_codes(sen2)
    return problems


def _header(sen2: Sen2Return) -> Iterator[Problem]:
    h = sen2.header
    if h.la is None:
        yield Problem(
            "header-la",
            "error",
            None,
            "header",
            "The file has no LA number: give the council's 3-digit code (--la NNN).",
        )
    elif not _LA.fullmatch(h.la):
        yield Problem(
            "header-la",
            "error",
            None,
            "header",
            f"'{h.la}' is not an LA number: it has three digits (for example 886).",
        )
    for tag, value in (("DMO", h.dmo), ("DCO", h.dco), ("DSCO", h.dsco)):
        if value is None:
            yield Problem(
                "header-officers",
                "error",
                None,
                "header",
                f"Say whether the council has a {tag} (Y, N or R, recruiting): --{tag.lower()}.",
            )
        elif value not in code_set("officer"):
            yield Problem("codes", "error", None, "header", f"{tag} '{value}' is not Y, N or R.")


def _person(p: Person) -> list[Problem]:
    found: list[Problem] = []

    def add(rule: str, module: str, message: str, severity: str = "error") -> None:
        found.append(Problem(rule, severity, p.child_id, module, f"{p.who}: {message}"))

    if p.sex is None:
        add("sex-missing", "person", "sex is not recorded (SEN2 needs M or F).")
    elif p.sex not in code_set("sex"):
        add("codes", "person", f"sex '{p.sex}' is not M or F.")
    if p.upn is None and p.uln is None and p.upn_unknown is None:
        add(
            "upn-missing",
            "person",
            "no UPN or ULN, and no reason recorded (set the UPN, the ULN, or why neither "
            "is known: UN1-UN10).",
        )
    elif p.upn is not None and (
        not _UPN.fullmatch(p.upn) or upn_check_letter(p.upn[1:]) != p.upn[0]
    ):
        add(
            "upn-check-letter",
            "person",
            f"UPN {p.upn} is not valid: its check letter does not match.",
        )
    if p.upn_unknown is not None and p.upn_unknown not in code_set("upn_unknown"):
        add("codes", "person", f"'{p.upn_unknown}' is not a UPN-unknown reason (UN1-UN10).")
    if p.ethnicity not in code_set("ethnicity"):
        add("codes", "person", f"ethnicity '{p.ethnicity}' is not a CBDS ethnicity code.")
    if p.uln is not None and not _ULN.fullmatch(p.uln):
        add("codes", "person", f"ULN {p.uln} is not 10 digits.")
    for request in p.requests:
        _request(request, p, add)
    return found


def _request(r: Request, p: Person, add: Any) -> None:
    if r.outcome in ("Y", "N") and r.received is None:
        add(
            "request-date",
            "request",
            f"the decision whether to assess ({_d(r.outcome_date)}) has no request received "
            "before it: record the request with its date and who asked (ReceivedDate is "
            "needed for a decision in the period; without it the 6- and 20-week timeliness "
            "cannot be counted).",
        )
    elif r.outcome != "H" and r.source is None:
        add(
            "request-source",
            "request",
            f"the request received {_d(r.received)} does not say who asked (RequestSource, "
            "mandatory in 2026).",
        )
    elif r.source is not None and r.source not in code_set("request_source"):
        add("codes", "request", f"request source '{r.source}' is not 1 to 5.")
    if r.outcome in ("Y", "N") and r.outcome_date is None:
        add("outcome-date", "request", "the decision whether to assess has no date.")
    _order(
        add,
        "request",
        [
            ("born", p.birth),
            ("request received", r.received),
            ("decision to assess", r.outcome_date),
        ],
    )
    a = r.assessment
    if a is None:
        if r.active_plans is not None:
            _active(r.active_plans, add)
        return
    if a.outcome in ("Y", "N") and a.outcome_date is None:
        add(
            "outcome-date",
            "assessment",
            "the decision whether to issue a plan has no date (rule 5).",
        )
    _order(
        add,
        "assessment",
        [("decision to assess", r.outcome_date), ("plan decision", a.outcome_date)],
    )
    plan = a.named_plan
    if plan is not None:
        _order(add, "named_plan", [("plan start", plan.start), ("plan ceased", plan.cease_date)])
        for detail in plan.details:
            _setting(detail, "named_plan", add)
        if plan.cease_date is not None and plan.cease_reason is None:
            add(
                "cease-reason",
                "named_plan",
                f"the plan ceased {_d(plan.cease_date)} but the decision does not say why "
                "(record the reason on the review decision: CeaseReason 1-9).",
            )
        elif plan.cease_reason is not None and plan.cease_reason not in code_set("cease_reason"):
            add("codes", "named_plan", f"cease reason '{plan.cease_reason}' is not 1 to 9.")
    if r.active_plans is not None:
        _active(r.active_plans, add)


def _active(block: ActivePlans, add: Any) -> None:
    for detail in block.placements:
        _setting(detail, "active_plans", add)
        _order(
            add,
            "active_plans",
            [("entry to " + detail.setting_name, detail.entry), ("leaving", detail.leaving)],
        )
    ranks = [rank for _need, rank in block.needs]
    if ranks.count("1") != 1:
        add(
            "one-primary-need",
            "active_plans",
            "the plan needs exactly one primary need (set the primary need on the record).",
        )
    for need, _rank in block.needs:
        if need not in code_set("sen_type"):
            add("codes", "active_plans", f"need '{need}' is not a SEN2 need type.")
    if block.transfer_la == "XXX":
        add(
            "transfer-la",
            "active_plans",
            "the plan was transferred in, but the council it came from is not recorded "
            "(sent as XXX, unknown): add its LA number to the transfer event.",
            "query",
        )
    if block.active_at_census and not any(d.leaving is None for d in block.placements):
        add(
            "plan-no-placement",
            "active_plans",
            "the plan is active on census day but no placement is recorded then.",
            "query",
        )
    _order(
        add,
        "active_plans",
        [("review meeting", block.review_meeting), ("review decision", block.last_review)],
    )


def _setting(d: SettingDetail, module: str, add: Any) -> None:
    given = [x for x in (d.urn, d.ukprn, d.sen_setting) if x is not None]
    if len(given) != 1:
        add(
            "one-setting",
            module,
            f"{d.setting_name} needs exactly one of URN, UKPRN or a SEN2 setting code "
            "(record the setting's URN).",
        )
    if d.urn is not None and not _URN.fullmatch(d.urn):
        add("codes", module, f"{d.setting_name}: URN {d.urn} is not 1 to 6 digits.")
    if d.ukprn is not None and not _UKPRN.fullmatch(d.ukprn):
        add("codes", module, f"{d.setting_name}: UKPRN {d.ukprn} is not 8 digits.")
    if d.sen_setting is not None and d.sen_setting not in code_set("sen_setting"):
        add("codes", module, f"{d.setting_name}: '{d.sen_setting}' is not a SEN2 setting code.")
    if d.rank not in code_set("rank"):
        add("one-setting", module, f"{d.setting_name} has no placement rank (1 or 2).")


def _order(add: Any, module: str, steps: list[tuple[str, date | None]]) -> None:
    dated = [(name, day) for name, day in steps if day is not None]
    for (first, early), (then, late) in pairwise(dated):
        if late < early:
            add("date-order", module, f"{then} ({_d(late)}) is before {first} ({_d(early)}).")


def _duplicate_upns(sen2: Sen2Return) -> Iterator[Problem]:
    """A UPN is one child's (CBDS: unique in the file); each child sharing one is named."""
    holders: dict[str, list[Person]] = {}
    for person in sen2.persons:
        if person.upn is not None:
            holders.setdefault(person.upn, []).append(person)
    for upn, people in holders.items():
        if len(people) > 1:
            for person in people:
                others = ", ".join(o.who for o in people if o is not person)
                yield Problem("upn-duplicate", "error", person.child_id, "person",
                              f"{person.who}: UPN {upn} is also given to {others}.")  # fmt: skip


def _other_codes(sen2: Sen2Return) -> Iterator[Problem]:
    limits = tomllib.loads(read_text("sen2", "checks.toml"))["other_codes"]
    share, minimum = float(limits["share"]), int(limits["minimum_items"])
    requests = [r for p in sen2.persons for r in p.requests]
    needs = [n for r in requests if r.active_plans for n, _rank in r.active_plans.needs]
    sources = [r.source for r in requests if r.source is not None]
    for what, items, other in (("need type", needs, "OTH"), ("request source", sources, "5")):
        used = sum(1 for item in items if item == other)
        if len(items) >= minimum and used > share * len(items):
            module = "active_plans" if other == "OTH" else "request"
            yield Problem(
                "other-codes",
                "query",
                None,
                module,
                f"{used} of {len(items)} {what}s are 'other' ({other}): COLLECT will ask "
                "why; check whether a specific code fits.",
            )


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "(no date)"
