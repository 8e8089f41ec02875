"""The demo's quick surname draw gives the surnames Faker itself would give."""

from __future__ import annotations

from datetime import date

from send_desk.demo.generator import _Builder


def test_the_quick_surname_draw_is_fakers_own_draw() -> None:
    quick = _Builder(seed=11, today=date(2026, 11, 22))
    faker = _Builder(seed=11, today=date(2026, 11, 22))
    drawn = [quick.last_name() for _ in range(500)]
    assert drawn == [faker.fake.last_name() for _ in range(500)]
    # weighted, as Faker's en_GB surnames are: Smith is the commonest
    assert len(set(drawn)) > 100
    assert max(set(drawn), key=drawn.count) == "Smith"
