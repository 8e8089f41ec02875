"""Build the SEN2 return for a census date from the store, and write it as XML.

Scope (sen2.md section 1): the collection period is 1 January to 31 December of the
year before the census (``Year`` - 1); events up to census day count (the reference
infers review data up to census day is wanted). A request is included when its plan is
active on census day, its plan was active at any time in the period (ceased in it),
anything happened on it in the period (received, decided, plan issued), or it is still
open at census (ongoing work). Decisions made before the period carry ``H``.

Mediation and tribunal flags come from the ``mediation_held`` and ``appeal_received``
events, tied to the decision they follow (:mod:`send_desk.sen2.episodes`).
The child's own details (sex, ethnicity, UPN, ULN, UPN-unknown reason) come from the
child; the cease reason from the review decision that ceased the plan; the LA a plan
came from from the ``plan_transferred_in`` event; what the plan names (PlanRes, PlanWBP,
PB, OA, DP) from the latest plan issued; URN, UKPRN or SEN2 setting code from the setting
and the SEN unit / resourced provision flags and rank from the placement. What is not
recorded (sex "U", a missing cease reason or transferring LA, the LA's officers) is left
out, or given the reference's "not known" code where it has one (ethnicity NOBT,
TransferLA XXX); ``sen2 check`` reports each gap that COLLECT would refuse.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from lxml import etree
from sqlmodel import Session, col, select

from send_desk import __version__
from send_desk.domain.children import Child, Placement
from send_desk.domain.codes import Phase, Sex
from send_desk.domain.events import CaseEvent
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.organisation import Setting
from send_desk.security.files import write_private
from send_desk.sen2.episodes import Episode, episodes
from send_desk.sen2.model import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    Request,
    Sen2Return,
    SettingDetail,
)

ETHNICITY_NOT_OBTAINED = "NOBT"  # no ethnicity recorded on the child
TRANSFER_LA_UNKNOWN = "XXX"  # the plan_transferred_in event does not say which LA
_REVIEW_CODES = {"maintain": "M", "amend": "A", "cease": "C"}


@dataclass(frozen=True)
class Options:
    census: date
    la: str | None = None
    dmo: str | None = None
    dco: str | None = None
    dsco: str | None = None


@dataclass(frozen=True)
class _Placement:
    setting: Setting
    start: date
    end: date | None
    sen_unit: bool = False
    resourced_provision: bool = False
    rank: int | None = None  # recorded; None: from the dates


def period_start(census: date) -> date:
    return date(census.year - 1, 1, 1)


def build_return(session: Session, options: Options, *, now: datetime) -> Sen2Return:
    """The return for ``options.census`` from every child in the store."""
    header = Header(
        year=options.census.year,
        reference_date=options.census,
        la=options.la,
        release=__version__,
        created=now.replace(microsecond=0),
        dmo=options.dmo,
        dco=options.dco,
        dsco=options.dsco,
    )
    # columns, not ORM objects: a 2,000-child store's 32,000 events as objects took 4 s
    events: dict[uuid.UUID, list[tuple[str, date, dict[str, object]]]] = defaultdict(list)
    for child_id, type_id, day, details in session.exec(
        select(
            col(CaseEvent.child_id), col(CaseEvent.type), col(CaseEvent.date),
            col(CaseEvent.details),
        ).where(~col(CaseEvent.withdrawn), col(CaseEvent.date) <= options.census)
    ):  # fmt: skip
        events[child_id].append((type_id, day, details))
    settings = {setting.id: setting for setting in session.exec(select(Setting))}
    placements: dict[uuid.UUID, list[_Placement]] = defaultdict(list)
    # sqlmodel's select takes at most four columns, so this one is SQLAlchemy's
    for row in session.execute(
        sa.select(
            col(Placement.child_id), col(Placement.setting_id), col(Placement.start_date),
            col(Placement.end_date), col(Placement.sen_unit), col(Placement.resourced_provision),
            col(Placement.rank),
        )
    ):  # fmt: skip
        child_id, setting_id, start, end, sen_unit, resourced, rank = row
        placements[child_id].append(
            _Placement(settings[setting_id], start, end, sen_unit, resourced, rank)
        )
    transfers = _phase_transfers(session, options.census)
    result = Sen2Return(header)
    children = session.exec(select(Child).order_by(col(Child.last_name), col(Child.first_name)))
    for child in children:
        person = _person(
            child,
            events.get(child.id, []),
            placements.get(child.id, []),
            transfers.get(child.id),
            options,
        )
        if person is not None:
            result.persons.append(person)
    return result


def _phase_transfers(session: Session, census: date) -> dict[uuid.UUID, tuple[date, date | None]]:
    """Each child's phase-transfer deadline in the period, from the clock: the latest
    ``phase_transfer_plan`` due between 1 January and census day, and the day it was
    met (the amended plan) if by census day. The clock must be current (the CLI sees to
    it, as ``report`` does)."""
    found: dict[uuid.UUID, tuple[date, date | None]] = {}
    rows = session.exec(
        select(col(MilestoneRow.child_id), col(MilestoneRow.due), col(MilestoneRow.done))
        .where(
            col(MilestoneRow.milestone) == "phase_transfer_plan",
            col(MilestoneRow.due) >= period_start(census),
            col(MilestoneRow.due) <= census,
        )
        .order_by(col(MilestoneRow.due))
    )
    for child_id, due, done in rows:
        found[child_id] = (due, done if done is not None and done <= census else None)
    return found


def _in_scope(episode: Episode, census: date) -> bool:
    start = period_start(census)
    if episode.plan_active_between(start, census):
        return True
    happened = (
        episode.received,
        episode.request_decided,
        episode.issue_decided,
        episode.plan_start,
        episode.ceased,
    )
    if any(day is not None and day >= start for day in happened):
        return True
    # ongoing at census: no decision yet, or assessing with no plan yet
    if episode.plan_start is None and episode.request_decision != "not_assess":
        return episode.issue_decision != "not_issue"
    return False


def _person(
    child: Child,
    events: list[tuple[str, date, dict[str, object]]],
    placements: list[_Placement],
    transfer: tuple[date, date | None] | None,
    options: Options,
) -> Person | None:
    requests = [
        _request(episode, child, placements, transfer, options.census)
        for episode in episodes(events, options.census)
        if _in_scope(episode, options.census)
    ]
    if not requests:
        return None
    return Person(
        child_id=str(child.id),
        surname=child.last_name,
        forename=child.first_name,
        birth=child.date_of_birth,
        sex=None if child.sex == Sex.UNKNOWN else str(child.sex),
        ethnicity=child.ethnicity or ETHNICITY_NOT_OBTAINED,
        postcode=child.postcode,
        upn=child.upn,
        uln=child.uln,
        # UPNunknown explains a missing UPN; a young person's ULN stands in for it
        upn_unknown=None if child.upn or child.uln else child.upn_unknown_reason,
        requests=requests,
    )


def _request(
    episode: Episode,
    child: Child,
    placements: list[_Placement],
    transfer: tuple[date, date | None] | None,
    census: date,
) -> Request:
    start = period_start(census)
    if episode.transferred_in is not None:
        outcome, outcome_date = "H", None
    elif episode.request_decision is None:
        # no request on record and no decision either: a plan older than the records
        outcome, outcome_date = ("A" if episode.received is not None else "H"), None
    elif episode.request_decided is not None and episode.request_decided < start:
        outcome, outcome_date = "H", None
    else:
        # decided in the period: Y or N even when the request was never recorded (H is
        # only for a decision before the period, sen2.md section 3); its ReceivedDate is
        # then left out and `sen2 check` asks for it (rule 1: only H goes without)
        outcome = "Y" if episode.request_decision == "assess" else "N"
        outcome_date = episode.request_decided
    request = Request(episode.received, episode.source, outcome, outcome_date)
    if outcome != "H":
        # not recorded reads as "no": the request form's box starts unticked (rule 1: a
        # historical request needs no RYA)
        request.rya = _flag(bool(episode.rya))
    if outcome in ("Y", "N"):
        request.mediation = _flag("request" in episode.mediation)
        request.tribunal = _flag("request" in episode.tribunal)
    if outcome in ("Y", "H"):
        request.assessment = _assessment(episode, placements, census)
        _dispute_flags(request.assessment, episode, start)
    if episode.plan_active_between(start, census):
        request.active_plans = _active_plans(episode, child, placements, census)
        if transfer is not None and episode.plan_active_on(transfer[0]):
            request.active_plans.phase_transfer_due, request.active_plans.phase_transfer_final = (
                transfer
            )
    return request


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _dispute_flags(assessment: Assessment, episode: Episode, start: date) -> None:
    """Mediation held and appeals received, from the events (sen2.md: flags 1/0). Left
    out when the decision is pending or withdrawn (rule 4); "other" disputes count when
    in the period."""
    if assessment.outcome in ("Y", "N"):
        assessment.mediation = _flag("assessment" in episode.mediation)
        assessment.tribunal = _flag("assessment" in episode.tribunal)
    if assessment.outcome in ("Y", "N", "H"):
        assessment.other_mediation = _flag(episode.mediation.get("other", date.min) >= start)
        assessment.other_tribunal = _flag(episode.tribunal.get("other", date.min) >= start)


def _assessment(episode: Episode, placements: list[_Placement], census: date) -> Assessment:
    start = period_start(census)
    if episode.plan_start is not None:
        historical = episode.transferred_in is not None or episode.plan_start < start
        assessment = (
            Assessment("H")
            if historical
            else Assessment("Y", episode.plan_start, week20=_flag(episode.week20))
        )
        end = min(d for d in (episode.plan_end, census) if d is not None)
        assessment.named_plan = NamedPlan(
            start=episode.plan_start,
            details=_details(placements, episode.plan_start, end, census, dated=False),
            named=dict(episode.named),
            cease_date=episode.ceased,
            cease_reason=episode.cease_reason if episode.ceased is not None else None,
        )
        return assessment
    if episode.issue_decision == "not_issue" and episode.issue_decided is not None:
        if episode.issue_decided < start:
            return Assessment("H")
        return Assessment("N", episode.issue_decided, week20=_flag(episode.week20))
    # decided to assess (or to issue) but no plan yet: the decision to issue is pending
    return Assessment("A")


def _active_plans(
    episode: Episode, child: Child, placements: list[_Placement], census: date
) -> ActivePlans:
    assert episode.plan_start is not None  # only called for a plan
    start = period_start(census)
    block = ActivePlans(active_at_census=episode.plan_active_on(census))
    if episode.transferred_in is not None and episode.transferred_in >= start:
        block.transfer_la = episode.transferred_from or TRANSFER_LA_UNKNOWN
    end = min(d for d in (episode.plan_end, census) if d is not None)
    block.placements = _details(placements, max(start, episode.plan_start), end, census, dated=True)
    if child.primary_need is not None:
        block.needs.append((str(child.primary_need), "1"))
    if child.secondary_need is not None:
        block.needs.append((str(child.secondary_need), "2"))
    reviews = [r for r in episode.reviews if r.meeting >= start]
    if reviews:
        review = reviews[-1]
        block.review_meeting = review.meeting
        block.review_outcome = _REVIEW_CODES.get(review.outcome or "")
        block.review_draft = review.draft
        block.last_review = review.decided
    return block


def _details(
    placements: Iterable[_Placement], start: date, end: date, census: date, *, dated: bool
) -> list[SettingDetail]:
    """Settings attended between ``start`` and ``end``: PlacementDetail (dated) for the
    ActivePlans block; for the NamedPlan's PlanDetail the settings attended when the plan
    stood last (SEND Desk does not yet record the setting named in a plan apart from the
    placement). Rank 2 goes to a placement that overlaps an earlier one (dual placement)."""
    chosen = sorted(
        (p for p in placements if p.start <= end and (p.end is None or p.end >= start)),
        key=lambda p: p.start,
    )
    if not dated:
        # a placement ends the day the next one starts (allocation.place)
        chosen = [p for p in chosen if p.end is None or p.end > end][:2]
    details: list[SettingDetail] = []
    for index, placement in enumerate(chosen):
        overlaps = any(
            other.start <= placement.start and (other.end is None or other.end > placement.start)
            for other in chosen[:index]
        )
        rank = str(placement.rank) if placement.rank else ("2" if overlaps else "1")
        detail = _setting(placement, rank)
        if dated:
            detail.entry = placement.start
            detail.leaving = placement.end if placement.end and placement.end <= census else None
        details.append(detail)
    return details


def _setting(placement: _Placement, rank: str) -> SettingDetail:
    """One of URN, UKPRN or SEN2 setting code (rule 6), the first the setting has."""
    setting = placement.setting
    detail = SettingDetail(
        setting_name=setting.name,
        rank=rank,
        sen_unit=_flag(placement.sen_unit),
        resourced_provision=_flag(placement.resourced_provision),
    )
    if setting.urn:
        detail.urn = setting.urn
    elif setting.ukprn:
        detail.ukprn = setting.ukprn
    elif setting.sen2_setting:
        detail.sen_setting = setting.sen2_setting
    elif setting.phase == Phase.EARLY_YEARS:
        detail.sen_setting = "EYP"  # early years provider with no URN
    return detail


# --- XML ---------------------------------------------------------------------------------


def _add(parent: etree._Element, tag: str, value: object | None) -> None:
    if value is None:
        return
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    etree.SubElement(parent, tag).text = text


def to_xml(sen2: Sen2Return) -> etree._ElementTree:
    """The return as an element tree, elements in the XSD's order, no namespace."""
    root = etree.Element("Message")
    header = etree.SubElement(root, "Header")
    details = etree.SubElement(header, "CollectionDetails")
    h = sen2.header
    _add(details, "Collection", "SEN2")
    _add(details, "Year", h.year)
    _add(details, "ReferenceDate", h.reference_date)
    source = etree.SubElement(header, "Source")
    source_items: tuple[tuple[str, object | None], ...] = (
        ("SourceLevel", "L"), ("LEA", h.la), ("SoftwareCode", "SEND Desk"),
        ("Release", h.release), ("SerialNo", h.serial), ("DateTime", h.created),
        ("DMO", h.dmo), ("DCO", h.dco), ("DSCO", h.dsco),
    )  # fmt: skip
    for tag, value in source_items:
        _add(source, tag, value)
    persons = etree.SubElement(root, "Persons")
    for person in sen2.persons:
        _person_xml(etree.SubElement(persons, "Person"), person)
    return etree.ElementTree(root)


def _person_xml(el: etree._Element, p: Person) -> None:
    items: tuple[tuple[str, object | None], ...] = (
        ("Surname", p.surname), ("Forename", p.forename), ("PersonBirthDate", p.birth),
        ("Sex", p.sex), ("Ethnicity", p.ethnicity), ("PostCode", p.postcode), ("UPN", p.upn),
        ("UniqueLearnerNumber", p.uln), ("UPNunknown", p.upn_unknown),
    )  # fmt: skip
    for tag, value in items:
        _add(el, tag, value)
    for request in p.requests:
        r = etree.SubElement(el, "Requests")
        _add(r, "ReceivedDate", request.received)
        _add(r, "RequestSource", request.source)
        _add(r, "RYA", request.rya)
        _add(r, "RequestOutcomeDate", request.outcome_date)
        _add(r, "RequestOutcome", request.outcome)
        _add(r, "RequestMediation", request.mediation)
        _add(r, "RequestTribunal", request.tribunal)
        if request.assessment is not None:
            _assessment_xml(etree.SubElement(r, "Assessment"), request.assessment)
        if request.active_plans is not None:
            _active_xml(etree.SubElement(r, "ActivePlans"), request.active_plans)


def _assessment_xml(el: etree._Element, a: Assessment) -> None:
    _add(el, "AssessmentOutcome", a.outcome)
    _add(el, "AssessmentOutcomeDate", a.outcome_date)
    _add(el, "AssessmentMediation", a.mediation)
    _add(el, "AssessmentTribunal", a.tribunal)
    _add(el, "OtherMediation", a.other_mediation)
    _add(el, "OtherTribunal", a.other_tribunal)
    _add(el, "Week20", a.week20)
    if a.named_plan is not None:
        plan = etree.SubElement(el, "NamedPlan")
        _add(plan, "StartDate", a.named_plan.start)
        for detail in a.named_plan.details:
            _setting_xml(etree.SubElement(plan, "PlanDetail"), detail)
        for tag in ("PlanRes", "PlanWBP", "PB", "OA", "DP"):
            _add(plan, tag, a.named_plan.named.get(tag))
        _add(plan, "CeaseDate", a.named_plan.cease_date)
        _add(plan, "CeaseReason", a.named_plan.cease_reason)


def _active_xml(el: etree._Element, a: ActivePlans) -> None:
    _add(el, "TransferLA", a.transfer_la)
    for detail in a.placements:
        _setting_xml(etree.SubElement(el, "PlacementDetail"), detail)
    for need, rank in a.needs:
        need_el = etree.SubElement(el, "SENneed")
        _add(need_el, "SENtype", need)
        _add(need_el, "SENtypeRank", rank)
    _add(el, "ReviewMeeting", a.review_meeting)
    _add(el, "ReviewOutcome", a.review_outcome)
    _add(el, "ReviewDraft", a.review_draft)
    _add(el, "PhaseTransferDueDate", a.phase_transfer_due)
    _add(el, "PhaseTransferFinalDate", a.phase_transfer_final)
    _add(el, "LastReview", a.last_review)


def _setting_xml(el: etree._Element, d: SettingDetail) -> None:
    _add(el, "URN", d.urn)
    _add(el, "UKPRN", d.ukprn)
    _add(el, "SENSetting", d.sen_setting)
    _add(el, "PlacementRank", d.rank)
    _add(el, "EntryDate", d.entry)
    _add(el, "LeavingDate", d.leaving)
    _add(el, "SENunitIndicator", d.sen_unit)
    _add(el, "ResourcedProvisionIndicator", d.resourced_provision)


def write_xml(sen2: Sen2Return, path: Path) -> None:
    """Write the file whole or not at all (a temporary file renamed into place)."""
    data = etree.tostring(to_xml(sen2), encoding="UTF-8", xml_declaration=True, pretty_print=True)
    write_private(path, data)
