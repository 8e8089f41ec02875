"""The SEN2 return in the app: check it for a census day, and write the file.

``Sen2Api`` builds the return from the store as ``send-desk sen2 check|export`` does
(:mod:`send_desk.sen2`), after bringing the statutory clock's cached deadlines up to
date (the phase-transfer dates come from them). The file is written only when COLLECT
would take it: no errors, and every query looked at by the user (the export is given
the queries the user saw; a query that appeared since is refused until it is seen).

Only administrators and supervisors prepare the return; a store no one has signed in
to (a single-user laptop) may too, as its command line may.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from send_desk.backend.access import StoreAccess
from send_desk.backend.errors import Refused, ServiceError, ValidationFailed
from send_desk.backend.sen2_models import (
    COUNT_NAMES,
    ModuleCount,
    Sen2Check,
    Sen2Export,
    Sen2Options,
    Sen2Problem,
)
from send_desk.domain.codes import Role
from send_desk.textsafe import has_control

if TYPE_CHECKING:
    from send_desk.sen2.model import Sen2Return

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
OFFICER_CODES = ("Y", "N", "R")
PREPARERS = frozenset({Role.ADMIN.value, Role.SUPERVISOR.value})
_STEPS = 3  # the clock, the return, the checks (and the file)


class Sen2Cancelled(ServiceError):
    """The user stopped the check or the export; nothing was written."""


class Sen2Api:
    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    def may_prepare(self) -> bool:
        """Whether the signed-in user prepares the return (admin or supervisor)."""
        from send_desk.domain.organisation import User

        user_id = self._access.store.info.user_id
        if user_id is None:
            return True
        with self._access.read() as session:
            user = session.get(User, user_id)
            return user is not None and str(user.role) in PREPARERS

    def default_census(self) -> date:
        """The census whose return is being prepared today (sen2/census.py)."""
        from send_desk.sen2.census import census_to_prepare

        return census_to_prepare(self._access.today())

    def check(
        self,
        options: Sen2Options,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Sen2Check:
        """The return for ``options`` built in memory and every problem in it."""
        check, _sen2 = self._build(options, progress, cancelled)
        return check

    def export(
        self,
        options: Sen2Options,
        path: str | Path,
        *,
        acknowledged: Iterable[Sen2Problem] = (),
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Sen2Export:
        """Build the return again, check it, and write it to ``path`` when COLLECT would
        take it: no errors, and no query the user has not looked at (``acknowledged``:
        the queries the user saw and accepted). Refused otherwise; nothing written."""
        from send_desk.sen2.export import write_xml

        target = _target(path)
        check, sen2 = self._build(options, progress, cancelled)
        if check.errors:
            raise Refused(
                f"the return has {_plural(len(check.errors), 'error')}: COLLECT would "
                "refuse the file. Put them right and check again; nothing was written."
            )
        seen = set(acknowledged)
        unseen = [query for query in check.queries if query not in seen]
        if unseen:
            raise Refused(
                f"{_plural(len(unseen), 'query', 'queries')} not looked at yet: tick "
                "'I have looked at the queries' after reading them (check again if the "
                "records changed); nothing was written."
            )
        try:
            write_xml(sen2, target)
        except OSError as error:
            raise Refused(f"could not write {target}: {error.strerror or error}") from None
        _say(progress, _STEPS, _STEPS)
        if check.queries:
            # rule ids and numbers only: the messages name children, the log must not
            rules = Counter(query.rule for query in check.queries)
            log.info("SEN2 return written with acknowledged queries: %s",
                     ", ".join(f"{rule} x{n}" for rule, n in sorted(rules.items())))  # fmt: skip
        return Sen2Export(target, check, check.queries)

    def _build(
        self, options: Sen2Options, progress: Progress | None, cancelled: Cancelled | None
    ) -> tuple[Sen2Check, Sen2Return]:
        from send_desk.sen2.checks import check_return
        from send_desk.sen2.export import Options, build_return, period_start
        from send_desk.services import milestones
        from send_desk.timeutil import LONDON, utcnow

        _valid(options)
        stop = cancelled or (lambda: False)
        _say(progress, 0, _STEPS)
        today = self._access.today()
        # the phase-transfer dates come from the clock's cached milestones
        with self._access.read() as session:
            current = milestones.is_current(session, today=today)
        if not current:
            with self._access.write() as session:
                milestones.ensure_current(session, today=today)
        _stop(stop)
        _say(progress, 1, _STEPS)
        built = Options(options.census, options.la, options.dmo, options.dco, options.dsco)
        # the file's DateTime as the council's clock shows it (no zone in SEN2)
        now = utcnow().astimezone(LONDON).replace(tzinfo=None)
        with self._access.read() as session:
            sen2 = build_return(session, built, now=now)
        _stop(stop)
        _say(progress, 2, _STEPS)
        counts = sen2.counts()
        check = Sen2Check(
            options=options,
            year=sen2.header.year,
            period_start=period_start(options.census),
            counts=tuple(ModuleCount(name, counts.get(name, 0)) for name in COUNT_NAMES),
            problems=tuple(
                Sen2Problem(
                    p.rule,
                    p.severity,
                    uuid.UUID(p.child_id) if p.child_id else None,
                    p.module,
                    p.message,
                )
                for p in check_return(sen2)
            ),
        )
        return check, sen2


def _valid(options: Sen2Options) -> None:
    fields: dict[str, str] = {}
    la = options.la
    if la is not None and not (len(la) == 3 and la.isdigit()):
        shown = "that" if has_control(la) else f"'{la}'"
        fields["la"] = f"{shown} is not an LA number (three digits, e.g. 886)"
    for name in ("dmo", "dco", "dsco"):
        value = getattr(options, name)
        if value is not None and value not in OFFICER_CODES:
            fields[name] = "is Y, N or R (recruiting)"
    if not isinstance(options.census, date) or isinstance(options.census, datetime):
        fields["census"] = "is a date"
    if fields:
        raise ValidationFailed(
            "; ".join(f"{name.upper()} {reason}" for name, reason in fields.items()), fields
        )


def _target(path: str | Path) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise Refused(f"the folder {target.parent} does not exist; nothing was written")
    if target.is_dir():
        raise Refused(f"{target} is a folder: give a file name")
    return target


def _stop(cancelled: Cancelled) -> None:
    if cancelled():
        raise Sen2Cancelled("stopped; nothing was written")


def _say(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


__all__ = ["Sen2Api", "Sen2Cancelled"]
