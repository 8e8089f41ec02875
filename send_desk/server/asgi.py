"""An ASGI factory for running several worker processes or behind another server::

    SEND_DESK_DATABASE_URL=postgresql+psycopg://... \\
        uvicorn --factory send_desk.server.asgi:app --host 127.0.0.1 --port 8750 --workers 4 \\
        --no-proxy-headers

Behind a reverse proxy, name it in ``SEND_DESK_FORWARDED_ALLOW_IPS`` (addresses or
networks, comma-separated): the app then reads the client's address from its
``X-Forwarded-For`` (``--no-proxy-headers`` leaves that to the app alone).

Every instance is stateless (tokens' key, rate limits and sync state are in the
database), so any number of them can sit behind a load balancer.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

ENV_DATABASE = "SEND_DESK_DATABASE_URL"


def app() -> FastAPI:
    from send_desk.server.addresses import ENV_FORWARDED_ALLOW_IPS
    from send_desk.server.app import create_app
    from send_desk.server.db import open_database

    url = os.environ.get(ENV_DATABASE)
    if not url:
        raise RuntimeError(f"set {ENV_DATABASE} to the central store's database URL")
    return create_app(
        open_database(url), forwarded_allow_ips=os.environ.get(ENV_FORWARDED_ALLOW_IPS)
    )
