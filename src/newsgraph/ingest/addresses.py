"""Which addresses a URL may make newsgraph connect to: public ones, unless the user widens it.

A news URL on the command line, or a redirect from one, must not turn newsgraph into a way to
read the cloud metadata service (169.254.169.254), the host's own services or the office
network. A host is resolved once, every address it has is checked, and the connection is made
to a checked address (ingest/fetch.py), so a name cannot resolve to a public address for the
check and to a private one for the connection.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsgraph.errors import Refused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]  # host, port -> its addresses as text
Refusal = Callable[[IPAddress], str | None]  # why an address is refused, None if it is not

WIDEN = "use --allow-private to fetch it"
# The shorthand forms inet_aton(3) reads as IPv4: "2130706433", "0x7f.1", "0177.0.0.1".
_INET_ATON = re.compile(r"(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}", re.IGNORECASE)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # IPv4 addresses seen from an IPv6-only network

# Read in order, the first that holds names the address: 127.0.0.1 and 240.0.0.1 are also
# "private" to Python, and the more exact word tells the user more.
_KINDS: tuple[tuple[str, str], ...] = (
    ("is_loopback", "a loopback"),
    ("is_unspecified", "an unspecified"),
    ("is_link_local", "a link-local"),
    ("is_multicast", "a multicast"),
    ("is_reserved", "a reserved"),
    ("is_private", "a private"),
)


def non_public(ip: IPAddress) -> str | None:
    """What kind of non-public address `ip` is ("a loopback address"), or None if it is public."""
    ip = _embedded_ipv4(ip)
    for attribute, kind in _KINDS:
        if getattr(ip, attribute):
            return f"{kind} address"
    return None if ip.is_global else "a non-global address"  # 100.64.0.0/10, shared by ISPs


def any_address(ip: IPAddress) -> None:
    """Refuse nothing: what --allow-private asks for."""
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address (A and AAAA) the system resolver gives for `host`."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """How a host becomes addresses, and which of those a fetch may connect to."""

    refuse: Refusal = non_public
    resolver: Resolver = resolve

    def addresses(self, host: str, port: int) -> list[IPAddress]:
        """The addresses to connect to for `host`; Refused if any one of them is refused."""
        literal = ip_literal(host)
        found = [literal] if literal is not None else [_parse(a) for a in self.resolver(host, port)]
        for ip in found:
            why = self.refuse(ip)
            if why is not None:
                raise Refused(f"refused: {_named(host, ip, literal)} {why} ({WIDEN})")
        return found


PUBLIC_ONLY = AddressPolicy()
ANY_ADDRESS = AddressPolicy(refuse=any_address)


def policy_for(allow_private: bool) -> AddressPolicy:
    """The policy a run asked for with (or without) --allow-private."""
    return ANY_ADDRESS if allow_private else PUBLIC_ONLY


def ip_literal(host: str) -> IPAddress | None:
    """The address a host names by itself, in any notation the C library accepts, or None."""
    try:
        return _parse(host)
    except ValueError:
        pass
    if _INET_ATON.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:  # out of range: "256.1.1.1", "0x1ffffffff"
            return None
    return None


def _named(host: str, ip: IPAddress, literal: IPAddress | None) -> str:
    if literal is None:
        return f"{host} resolves to {ip},"
    shorthand = _INET_ATON.fullmatch(host) and host != str(ip)  # "2130706433" says little
    return f"{host} ({ip}) is" if shorthand else f"{host} is"


def _parse(text: str) -> IPAddress:
    return ipaddress.ip_address(text.strip("[]"))


def _embedded_ipv4(ip: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one stands for (::ffff:127.0.0.1, 6to4, NAT64), else `ip`."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip
