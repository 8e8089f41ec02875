"""Time-ordered ids: seeded ones repeat by seed, and each is an ordinary UUID."""

from __future__ import annotations

import uuid

from send_desk.ids import SeededIds, uuid7

START_MS = 1_795_305_600_000  # 2026-11-22 00:00 UTC


def test_seeded_ids_are_version_7_uuids_like_any_parsed_one() -> None:
    made = [SeededIds(4, START_MS)() for _ in range(3)]
    ids = SeededIds(4, START_MS)
    drawn = [ids() for _ in range(5000)]
    assert made == [drawn[0]] * 3  # the same seed starts with the same id
    for value in (drawn[0], drawn[4096], drawn[-1]):
        parsed = uuid.UUID(str(value))
        assert value == parsed and hash(value) == hash(parsed)
        assert value.version == 7 and value.variant == uuid.RFC_4122
        assert value.is_safe is uuid.SafeUUID.unknown
        # the first 48 bits are the milliseconds
        assert int(value.hex[:12], 16) in range(START_MS, START_MS + 2)
    assert drawn == sorted(drawn) and len(set(drawn)) == 5000
    # counters 1 to 4,095 in the first millisecond, then 0 upwards in the next
    assert drawn[4094].hex[:12] == f"{START_MS:012x}" and drawn[4094].hex[13:16] == "fff"
    assert drawn[4095].hex[:12] == f"{START_MS + 1:012x}" and drawn[4095].hex[13:16] == "000"


def test_device_ids_are_version_7_and_in_the_order_made() -> None:
    made = [uuid7() for _ in range(100)]
    assert made == sorted(made) and all(value.version == 7 for value in made)
