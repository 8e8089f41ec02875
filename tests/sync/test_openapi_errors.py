"""The central store's OpenAPI lists every refusal each route can give, with its body.

A device (or an integrator's script) reads ``/openapi.json`` to know what can come
back; each 4xx is the same ``ErrorBody`` (code, message). Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute

from send_desk.server.app import create_app
from tests.sync.servers import Central

# Worked out from each route's code: who may call it (401/403 from the access token),
# whether it reads a body (400/413/422) or the protocol header (426), looks up an id
# (404), registers a device (409) or counts failed sign-ins (429). Every route may
# meet the body limit (413), which is checked before any route runs.
EXPECTED = {
    ("get", "/api/health"): {413},
    ("post", "/api/auth/login"): {400, 401, 403, 409, 413, 422, 426, 429},
    ("post", "/api/auth/refresh"): {400, 401, 403, 413, 422, 426},
    ("post", "/api/auth/logout"): {401, 403, 413, 422, 426},
    ("get", "/api/me"): {401, 403, 413, 422},
    ("post", "/api/sync/push"): {400, 401, 403, 413, 422, 426},
    ("post", "/api/sync/retry"): {400, 401, 403, 413, 422, 426},
    ("post", "/api/sync/pull"): {400, 401, 403, 413, 422, 426},
    ("get", "/api/conflicts"): {401, 403, 413, 422, 426},
    ("post", "/api/conflicts/{conflict_id}/resolve"): {400, 401, 403, 404, 413, 422, 426},
    ("get", "/api/children/{child_id}"): {401, 403, 404, 413, 422},
}


@pytest.fixture
def spec_and_routes(central: Central) -> tuple[dict[str, Any], list[APIRoute]]:
    app = create_app(central.engine)
    return app.openapi(), [r for r in app.routes if isinstance(r, APIRoute)]


def _errors(operation: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {int(code): body for code, body in operation["responses"].items() if code[0] == "4"}


def test_each_route_lists_the_refusals_it_can_give(
    spec_and_routes: tuple[dict[str, Any], list[APIRoute]],
) -> None:
    spec, _routes = spec_and_routes
    for (method, path), statuses in EXPECTED.items():
        listed = set(_errors(spec["paths"][path][method]))
        assert listed == statuses, f"{method.upper()} {path}: {sorted(listed)}"


def test_every_refusal_is_described_with_the_error_body(
    spec_and_routes: tuple[dict[str, Any], list[APIRoute]],
) -> None:
    spec, routes = spec_and_routes
    body = spec["components"]["schemas"]["ErrorBody"]
    assert set(body["required"]) == {"code", "message"}
    seen = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in _errors(operation).items():
                seen += 1
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (method, path, status)
                assert response["description"], (method, path, status)
    assert seen >= sum(len(s) for s in EXPECTED.values())
    # a route added later follows the same rules: signed in -> 401 and 403; a body or
    # the protocol header -> 422 and 426; any route -> 413
    for route in routes:
        for method in route.methods:
            listed = set(_errors(spec["paths"][route.path_format][method.lower()]))
            names = {d.call.__name__ for d in route.dependant.dependencies if d.call}
            assert 413 in listed, route.path
            if "principal" in names:
                assert {401, 403} <= listed, route.path
            if "protocol_version" in names:
                assert 426 in listed, route.path
            if route.body_field is not None:
                assert {400, 422} <= listed, route.path
