"""The state of one computation of the clock (:class:`_Run`): the child's events checked,
in date order and grouped by type, the phase transfer proposed, the milestones the
walkers add (:mod:`send_desk.timescales.walkers`), the warnings, and the result.

Compiled with mypyc with the rest of the engine (:mod:`send_desk.timescales.native`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

from send_desk.timescales.calendar import WorkingCalendar
from send_desk.timescales.events import Child, EventLike
from send_desk.timescales.milestones import EventWarning, Milestone, Timeline
from send_desk.timescales.phase_transfer import next_transfer, plan_state_by_type
from send_desk.timescales.rule_plan import _FIELDS, _LABELS, _Ev, _Plan
from send_desk.timeutil import uk_date

_FAR_FUTURE = timedelta(days=366)
_BY_DUE = attrgetter("due")
_MILESTONE_ORDER = attrgetter("due", "id")

# Warning codes, so a caller can decide what to refuse and what to flag.
W_INVALID = "invalid"
W_DUPLICATE = "duplicate"
W_FUTURE = "future"
W_ORDER = "order"
W_UNUSED = "unused"
W_EXCEPTION = "exception"
W_EXCEPTION_AGAIN = "exception_again"
W_CLOSURE = "closure_window"


class _Run:
    """The state of one computation."""

    def __init__(self, plan: _Plan, calendar: WorkingCalendar, today: date, child: Child) -> None:
        self.plan = plan
        self.rules = plan.rules
        self.conventions = plan.rules.conventions
        self.calendar = calendar
        self.today = today
        self.child = child
        self.warnings: list[tuple[int | None, str, str]] = []
        self.events: list[_Ev] = []
        self.by_type: dict[str, list[_Ev]] = {}
        self.used: set[int] = set()  # positions of events used as done or anchor
        self.done_of: dict[tuple[str, int], _Ev | None] = {}
        self.milestones: list[Milestone] = []
        self.checks: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def warn(self, event: _Ev | int | None, code: str, message: str) -> None:
        index = event.index if isinstance(event, _Ev) else event
        self.warnings.append((index, code, message))

    # -- input -------------------------------------------------------------------------

    def prepare(
        self, events: Sequence[EventLike], checked: dict[tuple[str, int], Any] | None = None
    ) -> None:
        """Check each event cheaply (type, extra fields, date after today), then keep them
        in date order (same-day events in the input order), numbered and grouped by type,
        an exact duplicate counted once: one walk, in date order.

        ``checked`` (a whole caseload's) keeps each verdict on a type and details object:
        the store decodes each distinct details text once, so most events share one."""
        today = self.today
        by_type = self.by_type
        kept = self.events
        fields_of, verdicts = _FIELDS.get, checked.get if checked is not None else None
        dates = [event.date for event in events]
        # a stable sort by date of the input positions (a warning names the input index)
        for index in sorted(range(len(dates)), key=dates.__getitem__):
            event = events[index]
            type_id = event.type
            fields = fields_of(type_id)
            if fields:
                details = event.details
                if verdicts is None:
                    problem = _field_problem(details, fields)
                else:
                    key = (type_id, id(details))
                    verdict = verdicts(key)
                    if verdict is None:
                        problem = _field_problem(details, fields)
                        # the details are kept with the verdict, so their id stays theirs
                        checked[key] = (details, problem)  # type: ignore[index]
                    else:
                        problem = verdict[1]
                if problem:
                    label = _LABELS[type_id]
                    self.warn(
                        index, W_INVALID, f"{label} on {uk_date(event.date)} {problem}: not used."
                    )
                    continue
            elif fields is None:
                self.warn(index, W_INVALID, f"'{type_id}' is not a known event type: not used.")
                continue
            day = dates[index]
            if day > today:
                self._warn_future(index, event)
            ev = _Ev(index, type_id, day, event.details, event.proposed)
            same = by_type.get(type_id)
            if same is None:
                by_type[type_id] = [ev]
            else:
                # a duplicate has the same date, so it is among the last ones of its type
                k = len(same) - 1
                while k >= 0 and same[k].date == day:
                    if same[k].details == ev.details:
                        self.warn(
                            ev,
                            W_DUPLICATE,
                            f"{ev.describe()} is recorded twice (also "
                            f"events[{same[k].index}]): counted once.",
                        )
                        break
                    k -= 1
                else:
                    same.append(ev)
                    ev.pos = len(kept)
                    kept.append(ev)
                continue
            ev.pos = len(kept)
            kept.append(ev)

    def _warn_future(self, index: int, event: EventLike) -> None:
        far = event.date - self.today > _FAR_FUTURE
        label = _LABELS[event.type]
        self.warn(
            index,
            W_FUTURE,
            f"{label} on {uk_date(event.date)} is dated "
            + ("more than a year " if far else "")
            + f"after today ({uk_date(self.today)}): check the "
            + ("year." if far else "date; an event is recorded once it has happened."),
        )

    def propose_transfer(self) -> None:
        """Add the child's next phase transfer when the child has a plan in force, unless
        one is recorded for that year (see :mod:`send_desk.timescales.phase_transfer`).

        Runs after :meth:`prepare`: the proposal, dated today and given last, takes
        the place a stable sort by date gives it (after every event up to today). It is
        never a duplicate: a recorded transfer in its year means no proposal."""
        if self.child.date_of_birth is None:
            return
        by_type = self.by_type
        in_force, recorded = plan_state_by_type(by_type)
        if not in_force:
            return
        found = next_transfer(self.child, self.today, recorded, self.rules.phase_transfers)
        if found is None:
            return
        today = self.today
        details = {"transfer_date": found[0], "kind": found[1]}
        proposal = _Ev(None, "phase_transfer", today, details, True)
        events = self.events
        k = len(events)
        while k and events[k - 1].date > today:
            k -= 1
            events[k].pos += 1  # an event dated after today moves up one place
        proposal.pos = k
        events.insert(k, proposal)
        same = by_type.setdefault("phase_transfer", [])
        k = len(same)
        while k and same[k - 1].date > today:
            k -= 1
        same.insert(k, proposal)

    def result(self) -> Timeline:
        milestones = self.milestones
        milestones.sort(key=_BY_DUE)  # stable: same-day ones stay in trigger order
        for i in range(len(milestones) - 1):
            if milestones[i].due == milestones[i + 1].due:  # rare: order these by id too
                milestones.sort(key=_MILESTONE_ORDER)
                break
        warnings = self.warnings
        if len(warnings) > 1:
            warnings.sort(key=lambda w: -1 if w[0] is None else w[0])  # stable
        return Timeline(
            today=self.today,
            milestones=milestones,
            warnings=[EventWarning(index, message, code) for index, code, message in warnings],
        )


def _field_problem(
    details: Mapping[str, Any], fields: tuple[tuple[str, str, tuple[str, ...], bool], ...]
) -> str:
    for name, kind, choices, required in fields:
        value = details.get(name)
        if value is None or value == "":
            if required:
                return f"has no {name}"
            continue
        if not isinstance(value, str | int | float | date):
            # a list or an object: not a value a form or the parser gives, and not one
            # the engine can compare or group by (it is a key when cycles are matched)
            return f"has {name} {value!r}, which is not a single value"
        if kind == "choice" and value not in choices:
            return f"has {name} {value!r}, not one of {', '.join(choices)}"
        if kind == "date" and not isinstance(value, date):
            try:
                date.fromisoformat(str(value))
            except ValueError:
                return f"has {name} {value!r}, not a date"
    return ""
