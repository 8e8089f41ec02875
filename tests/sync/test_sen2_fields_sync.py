"""The SEN2 fields sync like every column: pulled with the child, placement and setting,
pushed and applied when valid, quarantined with the model's reason when not (SQLite and
PostgreSQL)."""

from __future__ import annotations

from typing import Any

from tests.sync.servers import Central, LiveServer
from tests.sync.test_central_store import apis as apis  # the fixture
from tests.sync.test_central_store import rows, statuses, update


def test_sen2_fields_are_pulled_pushed_and_checked_centrally(
    apis: Any, live: LiveServer, demo_central: Central
) -> None:
    api = apis()
    api.login(demo_central.user("caseworker", "North"))
    page = api.pull(checkpoint=0)
    child = rows(page, "child")[0]
    values = child["values"]
    # the demo filled them, and the central store sends them down
    assert values["ethnicity"] is not None
    assert {"uln", "upn_unknown_reason"} <= set(values)
    placement = rows(page, "placement")[0]["values"]
    assert {"sen_unit", "resourced_provision", "rank"} <= set(placement)
    assert {"ukprn", "sen2_setting"} <= set(rows(page, "setting")[0]["values"])

    assert statuses(
        api.push(update(1, "child", child["id"], "ethnicity", values["ethnicity"], "BSOM"))
    ) == ["applied"]
    refused = api.push(update(2, "child", child["id"], "ethnicity", "BSOM", "ZZZZ"))
    assert statuses(refused) == ["quarantined"]
    assert "'ZZZZ' is not one of the SEN2 codes" in refused["results"][0]["reason"]
    refused = api.push(update(3, "child", child["id"], "uln", values["uln"], "123"))
    assert statuses(refused) == ["quarantined"]
    assert "'123' is not a ULN" in refused["results"][0]["reason"]
    again = next(c for c in rows(api.pull(checkpoint=0), "child") if c["id"] == child["id"])
    assert again["values"]["ethnicity"] == "BSOM"
