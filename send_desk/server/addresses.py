"""The address a request came from, for the login limits and the audit trail.

Behind a reverse proxy (nginx, a load balancer) every request arrives from the proxy,
so the client's own address is read from ``X-Forwarded-For`` -- but only when the
request came from a proxy the administrator named (``send-desk serve
--forwarded-allow-ips 10.0.0.5,10.0.1.0/24``). From anyone else the header is
ignored: a client that could choose its own address could dodge the per-address
limit on failed sign-ins.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

ENV_FORWARDED_ALLOW_IPS = "SEND_DESK_FORWARDED_ALLOW_IPS"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class BadProxyList(ValueError):
    """``--forwarded-allow-ips`` names something that is not an address or a network."""


@dataclass(frozen=True)
class TrustedProxies:
    """The proxies whose ``X-Forwarded-For`` is believed (none by default)."""

    networks: tuple[Network, ...] = field(default_factory=tuple)
    everyone: bool = False

    @classmethod
    def parse(cls, text: str | None) -> TrustedProxies:
        """``"10.0.0.5, 10.0.1.0/24"``, ``"*"`` (every peer: only when the server can
        be reached through the proxy alone) or nothing."""
        networks: list[Network] = []
        everyone = False
        for part in (text or "").split(","):
            item = part.strip()
            if not item:
                continue
            if item == "*":
                everyone = True
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                raise BadProxyList(
                    f"'{item}' is not an IP address or network (give addresses such as "
                    "10.0.0.5 or 10.0.1.0/24, separated by commas)"
                ) from None
        return cls(tuple(networks), everyone)

    def trusts(self, address: str) -> bool:
        if self.everyone:
            return True
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)


def client_address(peer: str | None, forwarded: str | None, proxies: TrustedProxies) -> str:
    """The client's address: the nearest hop of ``X-Forwarded-For`` that is not a
    trusted proxy, when the request came from one; else the peer itself."""
    if not peer:
        return "unknown"
    if not forwarded or not proxies.trusts(peer):
        return peer
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if proxies.trusts(hop):
            continue
        try:
            return str(ipaddress.ip_address(hop))
        except ValueError:
            # not an address (a proxy that writes "unknown"): the proxy's own is kept
            return peer
    return hops[0] if hops else peer
