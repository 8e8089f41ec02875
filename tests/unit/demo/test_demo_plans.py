"""The demo's EHC plans: a version for each plan event of a recent plan, as the service
would have issued it, checked by the checker, and a few supervisors' plan audits."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, col, select

from send_desk.demo.generator import build_demo
from send_desk.domain.children import Allocation, Child, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.organisation import Setting
from send_desk.domain.plans import PlanVersion
from send_desk.domain.school_year import nc_year
from send_desk.domain.supervision import NoteAudit
from send_desk.paths import DataPaths
from send_desk.plans import check_plan, default_plan_checklist, parse_plan
from send_desk.services.audit_trends import audit_trends
from send_desk.services.plan_audit_rules import default_plan_rubric
from send_desk.services.plan_audits import overall_for, own_plan_refusal, plans_to_audit
from send_desk.storage.store import Store, create_store
from tests.constants import PASSWORD, TODAY

PLAN_EVENTS = {
    "draft_plan_issued": "draft",
    "final_plan_issued": "final",
    "amendment_notice_issued": "amendment",
    "amended_plan_issued": "amended",
}
# the plan's own status for each kind of version (the standard's field)
STATUS = {"draft": "draft", "final": "final", "amendment": "amended", "amended": "amended"}
EIGHTEEN_MONTHS = timedelta(days=548)


def _build(root: Path, *, children: int, seed: int = 11) -> Store:
    store = create_store(DataPaths(root), PASSWORD)
    build_demo(store, children=children, seed=seed, today=TODAY)
    return store


def _versions(session: Session) -> dict[uuid.UUID, list[PlanVersion]]:
    by_child: dict[uuid.UUID, list[PlanVersion]] = defaultdict(list)
    for row in session.exec(select(PlanVersion).order_by(col(PlanVersion.version))).all():
        by_child[row.child_id].append(row)
    return by_child


def test_each_plan_event_of_a_recent_plan_is_a_version(tmp_path: Path) -> None:
    with _build(tmp_path / "s", children=60) as store, store.read() as session:
        events: dict[uuid.UUID, list[CaseEvent]] = defaultdict(list)
        for event in session.exec(
            select(CaseEvent).where(col(CaseEvent.type).in_(list(PLAN_EVENTS)))
        ).all():
            events[event.child_id].append(event)
        since = TODAY - EIGHTEEN_MONTHS
        # a plan the council drafted, with an event in the last 18 months
        expected = sum(
            len(found) for found in events.values()
            if min(found, key=lambda e: e.date).type == "draft_plan_issued"
            and max(e.date for e in found) >= since
        )  # fmt: skip
        versions = session.exec(select(PlanVersion)).all()
        older = [
            child for child, found in events.items()
            if max(e.date for e in found) < since
        ]  # fmt: skip
        assert expected > 0
        assert len(versions) == expected
        assert not {v.child_id for v in versions} & set(older)


def test_versions_follow_the_events_and_the_case(tmp_path: Path) -> None:
    with _build(tmp_path / "s", children=60) as store, store.read() as session:
        kind_of = default_plan_checklist().advice_kind
        for child_id, rows in _versions(session).items():
            child = session.get(Child, child_id)
            assert child is not None
            assert [r.version for r in rows] == list(range(1, len(rows) + 1))
            assert rows[0].kind == "draft" and rows[0].supersedes_id is None
            received = {
                kind_of(str(e.details["from"]))
                for e in session.exec(select(CaseEvent).where(
                    CaseEvent.child_id == child_id, CaseEvent.type == "advice_received"))
            }  # fmt: skip
            placement = session.exec(
                select(Placement).where(Placement.child_id == child_id)
            ).first()
            school = session.get(Setting, placement.setting_id) if placement else None
            allocations = session.exec(
                select(Allocation).where(Allocation.child_id == child_id)
            ).all()
            for before, row in zip([None, *rows], rows, strict=False):
                assert row.plan_id == rows[0].id
                assert row.supersedes_id == (before.id if before else None)
                event = session.get(CaseEvent, row.event_id)
                assert event is not None and event.child_id == child_id
                assert PLAN_EVENTS[event.type] == row.kind
                assert event.date == row.issued_on
                plan = parse_plan(row.content)  # refuses a link to nothing
                assert plan.date == row.issued_on
                assert plan.status == STATUS[row.kind]
                assert plan.child.first_name == (child.preferred_name or child.first_name)
                assert plan.child.year_group == nc_year(child.date_of_birth, row.issued_on)
                needs = plan.sections.B.items
                assert needs[0].area == child.primary_need and needs[0].primary
                ids = plan.ids()
                for provision in plan.sections.F.items:
                    assert provision.needs and set(provision.needs) <= ids
                    assert set(provision.outcomes) <= ids
                assert all(o.by is not None and o.by > row.issued_on for o in plan.sections.E)
                assert set(plan.sections.K) <= received
                if row.kind == "draft":
                    assert plan.sections.I.name is None
                elif school is not None:
                    assert plan.sections.I.name == school.name
                allocated = [
                    a.caseworker_id for a in allocations
                    if a.start_date <= row.issued_on
                    and (a.end_date is None or a.end_date > row.issued_on)
                ]  # fmt: skip
                if allocated:
                    assert row.author_id == allocated[0]
                assert row.author_id is not None
                # the final plan names the school the draft left out
                if row.kind == "final":
                    assert "I" in {c["section"] for c in row.changed_sections}
                assert all(c["changed_by"] == [str(row.author_id)] for c in row.changed_sections)


def test_stored_checklists_are_the_checkers_and_a_minority_have_faults(tmp_path: Path) -> None:
    with _build(tmp_path / "s", children=400, seed=5) as store, store.read() as session:
        rows = session.exec(select(PlanVersion)).all()
        failed_anywhere: set[str] = set()
        clean = 0
        for row in rows:
            result = check_plan(parse_plan(row.content))
            assert (row.checklist_passed, row.checklist_applicable) == (
                result.passed, result.applicable,
            )  # fmt: skip
            assert row.failed_items == [
                {"id": i.id, "section": i.section, "message": i.message} for i in result.failed
            ]
            failed_anywhere |= {item.id for item in result.failed}
            clean += not result.failed
    # the faults supervisors find, in some plans; most plans meet every criterion
    assert {"f_quantified", "f_specified", "f_every_need_provided",
            "k_all_advice_listed"} <= failed_anywhere  # fmt: skip
    assert 0.5 < clean / len(rows) < 0.95


def test_supervisors_audit_plans_over_months_with_a_moderation(tmp_path: Path) -> None:
    rubric = default_plan_rubric()
    with _build(tmp_path / "s", children=400, seed=5) as store, store.read() as session:
        audits = session.exec(select(NoteAudit).where(NoteAudit.subject == "plan")).all()
        firsts = [a for a in audits if a.role == "audit"]
        moderations = [a for a in audits if a.role == "moderation"]
        assert len(firsts) >= 6 and moderations
        by_id = {a.id: a for a in audits}
        for audit in audits:
            version = session.get(PlanVersion, audit.version_id)
            assert version is not None and audit.note_id == version.plan_id
            assert version.kind in ("final", "amended")
            assert audit.caseworker_id == version.author_id
            assert own_plan_refusal(session, version, audit.auditor_id) is None
            automatic = [c for c in audit.criteria if c["kind"] == "automatic"]
            manual = {c["id"]: c["grade"] for c in audit.criteria if c["kind"] == "manual"}
            assert set(manual) == set(rubric.manual_ids)
            assert audit.overall == overall_for(rubric, automatic, manual)[0]
            assert audit.created_at is not None
            assert audit.created_at.date() <= TODAY
        for moderation in moderations:
            assert moderation.moderates_id is not None
            first = by_id[moderation.moderates_id]
            assert first.role == "audit" and first.version_id == moderation.version_id
            assert first.auditor_id != moderation.auditor_id
        # the "EHC plans" trend has a line: audits in more than one month
        start = date(TODAY.year - 1, TODAY.month, 1).strftime("%Y-%m")
        trends = audit_trends(session, start=start, end=TODAY.strftime("%Y-%m"), subject="plan")
        months = {
            a.created_at.strftime("%Y-%m") for a in firsts if a.created_at is not None
        }  # fmt: skip
        listed = plans_to_audit(session)
        assert sum(1 for p in listed if p["audited"]) == len({a.version_id for a in firsts})
    line = {m["month"]: m["total"] for m in trends["service"]["by_month"] if m["total"]}
    assert len(line) >= 3
    assert set(line) == months
    assert sum(line.values()) == len(firsts)


def test_the_same_seed_writes_the_same_plans(tmp_path: Path) -> None:
    def plans(store: Store) -> list[tuple[object, ...]]:
        with store.read() as session:
            return sorted(
                (str(r.id), r.version, r.kind, r.issued_on, repr(r.content), repr(r.failed_items))
                for r in session.exec(select(PlanVersion)).all()
            )

    with _build(tmp_path / "a", children=60) as one, _build(tmp_path / "b", children=60) as two:
        first, second = plans(one), plans(two)
    assert first and first == second
