"""One SEN2 ``Person`` as what SEND Desk stores: the child, the case events the clock
and the export read, and the placements, with every fault named by line and element.

Each ``Requests`` element becomes the events that :mod:`send_desk.sen2.episodes` turns
back into the same request (so an exported file imports and exports again unchanged):

- ``ReceivedDate`` → ``request_received`` (source and RYA);
- RequestOutcome Y/N → ``assessment_decision`` on RequestOutcomeDate; H (decided before
  the period, date not in the file) with an assessment → ``assessment_decision`` dated
  the day the request came (or the day before the period, if later), saying so in its
  evidence (with no request and no plan, but an assessment: the day before the period);
  A, W: nothing (SEND Desk records no withdrawal: noted);
- a NamedPlan → ``final_plan_issued`` on StartDate with what the plan names, or
  ``plan_transferred_in`` (from TransferLA) for a historical plan that came from another
  council; AssessmentOutcome N → ``issue_decision`` not to issue;
- Week20 → ``exception_recorded`` for the final plan (the reason is not in the file,
  so the clock does not apply it; the flag comes back in the return);
- TransferLA → ``plan_transferred_in`` (what the plan names: an amended plan the next
  day); PhaseTransferDueDate → ``phase_transfer`` with that deadline, FinalDate → the
  ``amended_plan_issued`` that met it;
- mediation and appeal flags → ``mediation_held`` / ``appeal_received`` after the
  decision they are about;
- the review items → ``review_meeting``, ``review_decision`` (with the cease reason),
  ``amendment_notice_issued`` (ReviewDraft); a CeaseDate no review explains →
  ``review_decision`` to cease on that day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from lxml import etree
from pydantic import ValidationError

from send_desk.domain.children import ChildCreate
from send_desk.domain.event_types import (
    CEASE_REASONS,
    DIRECT_PAYMENTS,
    REQUEST_SOURCES,
    RESIDENTIAL,
    WORK_BASED_LEARNING,
)
from send_desk.domain.validators import clean_upn
from send_desk.resources import resource_path
from send_desk.sen2.codes import for_element
from send_desk.sen2.reader import Header, Node, Problem, clean_text
from send_desk.sen2.schema import SCHEMA_FILE
from send_desk.timeutil import uk_date

XSD = "http://www.w3.org/2001/XMLSchema"
_GENDER_CURRENT = {"1": "M", "2": "F", "0": "U", "9": "U"}  # 2023 files
_OUTCOMES = {"Y": "assess", "N": "not_assess"}
_REVIEW = {"M": "maintain", "A": "amend", "C": "cease"}
_RES = dict(zip(("A", "B"), RESIDENTIAL, strict=True))
_WBP = dict(zip(("A", "T", "S"), WORK_BASED_LEARNING, strict=True))
_DP = dict(zip(("E", "S", "H", "I"), DIRECT_PAYMENTS, strict=True))
_YES_NO = {"1": "yes", "0": "no"}
HISTORICAL_NOTE = (
    "Imported from SEN2: decided before the collection period; the file gives no date, "
    "so it is recorded on the day the request was received."
)
HISTORICAL_UNDATED = (
    "Imported from SEN2: decided before the collection period; the file gives neither the "
    "request nor the date, so it is recorded on the day before the period."
)
WEEK20_NOTE = "Imported from SEN2 (Week20 = 1): the file does not say which exception."

SettingKey = tuple[str, str]  # ("urn" | "ukprn" | "sen2_setting", value)


@dataclass
class PlacementRow:
    setting: SettingKey
    start: date
    end: date | None
    sen_unit: bool
    resourced_provision: bool
    rank: int | None


@dataclass
class PersonRows:
    line: int
    child: dict[str, Any]
    valid_child: dict[str, Any] | None = None  # as the child's own rules leave it
    events: list[tuple[str, date, dict[str, Any], str | None]] = field(default_factory=list)
    placements: list[PlacementRow] = field(default_factory=list)
    settings: list[tuple[SettingKey, int]] = field(default_factory=list)  # with line
    notes: list[Problem] = field(default_factory=list)  # imported, but worth knowing
    ignored: list[tuple[str, int]] = field(default_factory=list)  # elements not kept, line


class _Person:
    def __init__(self, node: Node, header: Header, today: date) -> None:
        self.node = node
        self.header = header
        self.today = today
        self.problems: list[Problem] = []
        self.rows = PersonRows(node.line, {})
        self.birth: date | None = None
        self.plan_start: date | None = None  # of the request's plan, for its disputes
        self.cease_reason: str | None = None  # of the request's plan, for its review
        self.cease: tuple[str, date, dict[str, Any], str | None] | None = None

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(node.line, node.tag, message))

    def note(self, node: Node, message: str) -> None:
        self.rows.notes.append(Problem(node.line, node.tag, message))

    # ---- values ------------------------------------------------------------------

    def text(self, parent: Node, tag: str, *, required: bool = False) -> str | None:
        node = parent.first(tag)
        if node is None or node.text is None:
            if required:
                self.problems.append(Problem(parent.line, tag, f"<{parent.tag}> needs a <{tag}>"))
            return None
        value = clean_text(node)
        if value is None:
            self.problem(node, "holds control characters")
            return None
        codes = for_element(tag)
        if codes is not None and value not in codes:
            shown = ", ".join(list(codes.values)[:12])
            more = " ..." if len(codes.values) > 12 else ""
            self.problem(node, f"'{value}' is not a {tag} code ({shown}{more})")
            return None
        return value

    def day(self, parent: Node, tag: str, *, required: bool = False) -> date | None:
        value = self.text(parent, tag, required=required)
        if value is None:
            return None
        node = parent.first(tag)
        assert node is not None
        try:
            day = date.fromisoformat(value)
            if len(value) != 10:
                raise ValueError(value)
        except ValueError:
            self.problem(node, f"'{value}' is not a date (YYYY-MM-DD)")
            return None
        if day > self.today:
            self.problem(node, f"{uk_date(day)} is in the future")
            return None
        if self.birth is not None and day < self.birth and tag != "PersonBirthDate":
            self.problem(node, f"{uk_date(day)} is before the date of birth")
            return None
        return day

    def flag(self, parent: Node, tag: str) -> bool:
        return self.text(parent, tag) == "1"

    # ---- the person --------------------------------------------------------------

    def child(self) -> None:
        n = self.node
        self.birth = self.day(n, "PersonBirthDate", required=True)
        child: dict[str, Any] = {
            "first_name": self.text(n, "Forename", required=True),
            "last_name": self.text(n, "Surname", required=True),
            "date_of_birth": self.birth,
            "postcode": self.text(n, "PostCode"),
            "ethnicity": self.text(n, "Ethnicity"),
            "uln": self.text(n, "UniqueLearnerNumber"),
            "upn_unknown_reason": self.text(n, "UPNunknown"),
        }
        sex = self.text(n, "Sex")
        gender = self.text(n, "GenderCurrent")
        child["sex"] = sex or _GENDER_CURRENT.get(gender or "", "U")
        upn_node = n.first("UPN")
        upn = self.text(n, "UPN")
        if upn is not None and upn_node is not None:
            try:
                child["upn"] = clean_upn(upn)
            except ValueError as error:
                self.problem(upn_node, str(error))
        needs = self._needs()
        if needs:
            child.update(needs)
        self.rows.child = {k: v for k, v in child.items() if v is not None}

    def _needs(self) -> dict[str, str]:
        """The needs of the last ActivePlans block in the file: a child has one primary
        and one secondary need in SEND Desk, and the export sends the same ones in every
        block."""
        blocks = [r.first("ActivePlans") for r in self.node.all("Requests")]
        found: dict[str, str] = {}
        for block in (b for b in blocks if b is not None):
            found.clear()  # the codes of every block are checked; the last one is kept
            for need in block.all("SENneed"):
                kind, rank = self.text(need, "SENtype"), self.text(need, "SENtypeRank")
                if kind is None or rank is None:
                    continue
                name = "primary_need" if rank == "1" else "secondary_need"
                if name in found:
                    self.problem(need, f"a second need of rank {rank}")
                found[name] = kind
        return found

    def validate_child(self) -> None:
        if self.problems:
            return
        try:
            valid = ChildCreate.model_validate(self.rows.child, context={"today": self.today})
            self.rows.valid_child = valid.model_dump()
        except ValidationError as error:
            for detail in error.errors():
                where = detail["loc"][0] if detail["loc"] else None
                message = str(detail["msg"]).removeprefix("Value error, ")
                tag = _CHILD_TAGS.get(str(where), "Person")
                node = self.node.first(tag) or self.node
                self.problems.append(Problem(node.line, tag, message))

    # ---- requests ----------------------------------------------------------------

    def add(
        self, type_id: str, day: date | None, details: dict[str, Any] | None = None,
        evidence: str | None = None,
    ) -> None:  # fmt: skip
        if day is not None:
            self.rows.events.append((type_id, day, details or {}, evidence))

    def request(self, r: Node) -> None:
        received = self.day(r, "ReceivedDate")
        source = self.text(r, "RequestSource")
        rya = self.text(r, "RYA")
        outcome = self.text(r, "RequestOutcome", required=True)
        decided = self.day(r, "RequestOutcomeDate")
        assessment = r.first("Assessment")
        active = r.first("ActivePlans")
        if received is not None:
            details: dict[str, Any] = {}
            if source is not None:
                details["source"] = REQUEST_SOURCES[int(source) - 1]
            if rya is not None:
                details["rya"] = rya == "1"
            self.add("request_received", received, details)
        if outcome in _OUTCOMES:
            if decided is None:
                self.problems.append(Problem(
                    r.line, "RequestOutcomeDate",
                    f"RequestOutcome {outcome} needs the date of the decision",
                ))  # fmt: skip
            self.add("assessment_decision", decided, {"outcome": _OUTCOMES[outcome]})
        elif outcome == "H" and received is not None and assessment is not None:
            decided = min(received, self.header.period_start - timedelta(days=1))
            self.add("assessment_decision", decided, {"outcome": "assess"}, HISTORICAL_NOTE)
        elif outcome == "H" and assessment is not None and assessment.first("NamedPlan") is None:
            # no request on record and no plan yet, but an assessment: the council decided
            # to assess before the period (a plan alone needs no decision: it came in)
            decided = self.header.period_start - timedelta(days=1)
            if self.birth is not None:
                decided = max(decided, self.birth)
            self.add("assessment_decision", decided, {"outcome": "assess"}, HISTORICAL_UNDATED)
        elif outcome == "H" and received is not None:
            self.note(r, "decided before the period with no assessment to say how: "
                         "SEND Desk records the request only")  # fmt: skip
        elif outcome == "W":
            self.note(r, "withdrawn before a decision: SEND Desk records the request only")
        if self.flag(r, "RequestMediation"):
            self.add("mediation_held", decided)
        if self.flag(r, "RequestTribunal"):
            self.add("appeal_received", decided)
        self.plan_start = self.cease_reason = self.cease = None
        if assessment is not None:
            self._assessment(assessment, active, decided)
        if active is not None:
            self._active(active, assessment)
        if self.cease is not None:
            self.rows.events.append(self.cease)

    def _assessment(self, a: Node, active: Node | None, decided: date | None) -> None:
        outcome = self.text(a, "AssessmentOutcome", required=True)
        when = self.day(a, "AssessmentOutcomeDate")
        plan = a.first("NamedPlan")
        disputes = [
            (kind, self.flag(a, tag))
            for kind, tag in (("mediation_held", "AssessmentMediation"),
                              ("appeal_received", "AssessmentTribunal"))
        ]  # fmt: skip
        if self.flag(a, "Week20"):
            # the clock will say the reason is not one the regulations allow, and not
            # apply it: the file says an exception applied, not which
            week20 = {"reason": "not given in the SEN2 file", "milestone": "final_plan",
                      "evidence": WEEK20_NOTE}  # fmt: skip
            self.add("exception_recorded", decided or when, week20)
        if outcome == "N":
            if when is None:
                self.problems.append(Problem(
                    a.line, "AssessmentOutcomeDate", "AssessmentOutcome N needs its date (rule 5)"
                ))  # fmt: skip
            self.add("issue_decision", when, {"outcome": "not_issue"})
            for kind, held in disputes:
                if held:
                    self.add(kind, when)
        elif outcome == "Y" and plan is None:
            self.add("final_plan_issued", when)
        elif outcome in ("A", "W") and plan is not None:
            self.problem(plan, f"AssessmentOutcome {outcome} has no plan (rule 4)")
        elif outcome == "W":
            self.note(a, "withdrawn before the decision to issue: not recorded")
        if plan is not None and outcome in ("Y", "H"):
            self._plan(plan, active, disputes if outcome == "Y" else [])
        self._other_disputes(a, plan)

    def _plan(self, plan: Node, active: Node | None, disputes: list[tuple[str, bool]]) -> None:
        start = self.day(plan, "StartDate", required=True)
        self.plan_start = start
        if start is None:
            return
        for detail in plan.all("PlanDetail"):
            key = self._setting_key(detail)
            if key is not None:
                self.rows.settings.append((key, detail.line))
        transfer = self.text(active, "TransferLA") if active is not None else None
        if transfer is not None:
            self.add("plan_transferred_in", start, {} if transfer == "XXX" else {
                "from_la": transfer})  # fmt: skip
            named = self._named(plan)
            if named:
                # a transferred plan carries no details: the council's first amendment
                self.add("amended_plan_issued", min(start + timedelta(days=1), self.today), named)
        else:
            if any(held for _kind, held in disputes):
                # about the decision to issue, so between that decision and the plan
                before = start - timedelta(days=1)
                self.add("issue_decision", before, {"outcome": "issue"})
                for kind, held in disputes:
                    if held:
                        self.add(kind, before)
            self.add("final_plan_issued", start, self._named(plan))
        ceased = self.day(plan, "CeaseDate")
        reason = self.text(plan, "CeaseReason")
        if ceased is not None:
            review = active.first("LastReview") if active is not None else None
            by_review = (
                review is not None
                and review.text == ceased.isoformat()
                and active is not None
                and active.value("ReviewOutcome") == "C"
            )
            if not by_review:
                details: dict[str, Any] = {"outcome": "cease"}
                if reason is not None:
                    details["cease_reason"] = CEASE_REASONS[int(reason) - 1]
                # after the review's own decision: on the same day, that one answers
                # the review and this one ends the plan
                self.cease = ("review_decision", ceased, details, None)
        self.cease_reason = reason

    def _named(self, plan: Node) -> dict[str, Any]:
        named: dict[str, Any] = {}
        for tag, name, codes in (
            ("PlanRes", "residential", _RES), ("PlanWBP", "work_based_learning", _WBP),
            ("PB", "personal_budget", _YES_NO), ("OA", "organised_arrangements", _YES_NO),
            ("DP", "direct_payments", _DP),
        ):  # fmt: skip
            value = self.text(plan, tag)
            if value is not None:
                named[name] = codes[value]
        if named.get("personal_budget") != "yes":
            for name, tag in (("organised_arrangements", "OA"), ("direct_payments", "DP")):
                if name in named:
                    self.problem(plan.first(tag) or plan, "is given only with a personal budget")
        return named

    def _other_disputes(self, a: Node, plan: Node | None) -> None:
        """OtherMediation / OtherTribunal: about the plan, in the period."""
        start = self.plan_start if plan is not None else None
        day = max(start, self.header.period_start) if start is not None else None
        if day is not None and day > self.today:
            day = None
        for kind, tag in (("mediation_held", "OtherMediation"),
                          ("appeal_received", "OtherTribunal")):  # fmt: skip
            if self.flag(a, tag):
                if day is None:
                    self.problem(a.first(tag) or a, "is about a plan, and there is none")
                self.add(kind, day)

    def _active(self, active: Node, assessment: Node | None) -> None:
        for detail in active.all("PlacementDetail"):
            self._placement(detail)
        meeting = self.day(active, "ReviewMeeting")
        outcome = self.text(active, "ReviewOutcome")
        decided = self.day(active, "LastReview")
        draft = self.day(active, "ReviewDraft")
        self.add("review_meeting", meeting)
        if decided is not None and outcome is not None:
            details: dict[str, Any] = {"outcome": _REVIEW[outcome]}
            reason = self.cease_reason
            if outcome == "C" and reason is not None:
                details["cease_reason"] = CEASE_REASONS[int(reason) - 1]
            self.add("review_decision", decided, details)
        elif (decided is None) != (outcome is None):
            self.note(active, "a review decision needs both LastReview and ReviewOutcome: "
                              "not recorded")  # fmt: skip
        self.add("amendment_notice_issued", draft)
        self.cease_reason = None
        self._phase_transfer(active)

    def _phase_transfer(self, active: Node) -> None:
        """The phase-transfer dates come from the clock: a ``phase_transfer`` event whose
        deadline is the due date (15 February: a school move; 31 March: post-16; the
        move itself taken as 1 September), and the amended plan that met it."""
        due = self.day(active, "PhaseTransferDueDate")
        final = self.day(active, "PhaseTransferFinalDate")
        if due is None:
            if final is not None:
                self.note(active, "PhaseTransferFinalDate without its due date: not imported")
            return
        kind = {(2, 15): "school", (3, 31): "post16"}.get((due.month, due.day))
        if kind is None:
            node = active.first("PhaseTransferDueDate") or active
            self.note(node, "not 15 February or 31 March, so not a phase transfer SEND Desk's "
                            "clock knows: not imported")  # fmt: skip
            return
        # the file does not say when the move was known: a year before the deadline, when
        # the window for the amended plan opens (not before the plan)
        known = max(due - timedelta(days=365), self.plan_start or date.min)
        transfer = date(due.year, 9, 1).isoformat()
        self.add("phase_transfer", min(known, self.today), {"transfer_date": transfer,
                                                            "kind": kind})  # fmt: skip
        plans = ("final_plan_issued", "amended_plan_issued", "plan_transferred_in")
        if final is not None and not any(e[0] in plans and e[1] == final for e in self.rows.events):
            self.add("amended_plan_issued", final)

    def _setting_key(self, detail: Node) -> SettingKey | None:
        given = [
            (name, value)
            for name, tag in (("urn", "URN"), ("ukprn", "UKPRN"), ("sen2_setting", "SENSetting"))
            if (value := self.text(detail, tag)) is not None
        ]
        if len(given) != 1:
            self.problem(detail, "needs exactly one of URN, UKPRN or SENSetting (rule 6)")
            return None
        return given[0]

    def _placement(self, detail: Node) -> None:
        key = self._setting_key(detail)
        entry = self.day(detail, "EntryDate", required=True)
        leaving = self.day(detail, "LeavingDate")
        rank = self.text(detail, "PlacementRank")
        if key is None or entry is None:
            return
        if leaving is not None and leaving < entry:
            self.problem(detail, "LeavingDate is before EntryDate")
            return
        self.rows.settings.append((key, detail.line))
        row = PlacementRow(
            key, entry, leaving, self.flag(detail, "SENunitIndicator"),
            self.flag(detail, "ResourcedProvisionIndicator"), int(rank) if rank else None,
        )  # fmt: skip
        if row.sen_unit and row.resourced_provision:
            self.problem(detail, "a place is in a SEN unit or in resourced provision, not both")
            return
        if not any(p.setting == key and p.start == entry for p in self.rows.placements):
            self.rows.placements.append(row)


_CHILD_TAGS = {
    "first_name": "Forename", "last_name": "Surname", "date_of_birth": "PersonBirthDate",
    "sex": "Sex", "upn": "UPN", "uln": "UniqueLearnerNumber", "ethnicity": "Ethnicity",
    "upn_unknown_reason": "UPNunknown", "postcode": "PostCode",
}  # fmt: skip


# read but not kept: SEND Desk has nowhere for them yet
NOT_KEPT = frozenset({"Exported", "SENSettingOther", "Res", "WBP"})


@cache
def _known() -> frozenset[str]:
    """Every element of the bundled XSD, and the 2023 GenderCurrent."""
    tree = etree.parse(str(resource_path("sen2", SCHEMA_FILE)))
    names = tree.xpath("//xs:element/@name", namespaces={"xs": XSD})
    assert isinstance(names, list)
    return frozenset({*map(str, names), "GenderCurrent"})


def _ignored(node: Node, known: frozenset[str], found: list[tuple[str, int]]) -> None:
    for child in node.children:
        if child.tag not in known or child.tag in NOT_KEPT:
            found.append((child.tag, child.line))
        if child.children:
            _ignored(child, known, found)


def person_rows(node: Node, header: Header, today: date) -> tuple[PersonRows, list[Problem]]:
    """The person's rows and the problems that refuse the file."""
    person = _Person(node, header, today)
    _ignored(node, _known(), person.rows.ignored)
    person.child()
    person.validate_child()
    for request in node.all("Requests"):
        person.request(request)
    events = person.rows.events
    for type_id, day, _details, _evidence in events:
        if person.birth is not None and day < person.birth:
            person.problems.append(Problem(
                node.line, "Person", f"{type_id} on {uk_date(day)} is before the date of birth"
            ))  # fmt: skip
    return person.rows, person.problems
