"""The demo fills what SEN2 asks, so its return is clean; ``--with-sen2-problems`` leaves
exactly the gaps it reports, and each is one `sen2 check` names."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from send_desk.demo.generator import build_demo
from send_desk.paths import DataPaths
from send_desk.sen2.checks import check_return
from send_desk.sen2.export import Options, build_return
from send_desk.storage.store import Store, create_store
from tests.constants import PASSWORD

OPTIONS = Options(date(2027, 1, 21), la="999", dmo="Y", dco="Y", dsco="N")
NOW = datetime(2027, 2, 1, 9, 0)


def _rules(store: Store) -> Counter[tuple[str, str]]:
    with store.read() as session:
        sen2 = build_return(session, OPTIONS, now=NOW)
    return Counter((p.rule, p.severity) for p in check_return(sen2))


def test_the_demo_return_has_no_errors(data_paths: DataPaths) -> None:
    with create_store(data_paths, PASSWORD) as store:
        summary = build_demo(store, children=80, seed=1, today=date(2027, 2, 1))
        assert summary["sen2_problems"] == []
        rules = _rules(store)
    assert [rule for rule, severity in rules if severity == "error"] == []


def test_with_sen2_problems_leaves_the_gaps_it_names(data_paths: DataPaths) -> None:
    with create_store(data_paths, PASSWORD) as store:
        summary = build_demo(
            store, children=80, seed=1, today=date(2027, 2, 1), sen2_problems=True
        )
        rules = _rules(store)
    done = summary["sen2_problems"]
    assert done[:2] == [
        "one child's sex not recorded",
        "one child with no UPN, no ULN and no reason",
    ]
    assert rules[("sex-missing", "error")] == 1
    assert rules[("upn-missing", "error")] == 1
    assert rules[("request-source", "error")] == done.count(
        "a request with no record of who asked"
    ) == 2


def test_the_demo_marks_a_request_from_youth_custody_rarely_and_only_from_10_to_17() -> None:
    from send_desk.demo.sen2_fields import rya, rya_stream

    rng = rya_stream(1)
    assert not any(rya(rng, age) for age in (*range(0, 10), *range(18, 26)) for _ in range(500))
    marked = sum(rya(rng, 14) for _ in range(10_000))
    assert 50 <= marked <= 150  # about one request in a hundred at those ages
