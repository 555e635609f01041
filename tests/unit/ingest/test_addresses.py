"""The address policy on its own: every notation of a non-public host is refused, no network.

Host names go to a stub resolver; numeric hosts, in any notation, must never reach it.
"""

from __future__ import annotations

import ipaddress

import pytest

from newsgraph.errors import Refused
from newsgraph.ingest.addresses import ANY_ADDRESS, PUBLIC_ONLY, AddressPolicy, non_public

NAMES = {
    "localhost": ["127.0.0.1", "::1"],
    "example.com": ["93.184.216.34"],
    "split.example": ["93.184.216.34", "10.0.0.1"],  # one public record, one private
}


def stub(host: str, port: int) -> list[str]:
    return NAMES[host]  # KeyError for a numeric host: it should never have been looked up


POLICY = AddressPolicy(resolver=stub)
WIDEN = r" \(use --allow-private to fetch it\)$"


@pytest.mark.parametrize(
    ("host", "refused"),
    [
        ("127.0.0.1", "127.0.0.1 is a loopback address"),
        ("2130706433", r"2130706433 \(127.0.0.1\) is a loopback address"),
        ("0x7f.1", r"0x7f.1 \(127.0.0.1\) is a loopback address"),
        ("0177.0.0.1", r"0177.0.0.1 \(127.0.0.1\) is a loopback address"),
        ("localhost", "localhost resolves to 127.0.0.1, a loopback address"),
        ("::1", "::1 is a loopback address"),
        ("[::1]", r"\[::1\] is a loopback address"),
        ("::ffff:127.0.0.1", "::ffff:127.0.0.1 is a loopback address"),
        ("169.254.169.254", "169.254.169.254 is a link-local address"),
        ("fe80::1", "fe80::1 is a link-local address"),
        ("10.0.0.1", "10.0.0.1 is a private address"),
        ("192.168.1.1", "192.168.1.1 is a private address"),
        ("fd00::1", "fd00::1 is a private address"),
        ("224.0.0.1", "224.0.0.1 is a multicast address"),
        ("0.0.0.0", "0.0.0.0 is an unspecified address"),
        ("::", ":: is an unspecified address"),
        ("240.0.0.1", "240.0.0.1 is a reserved address"),
        ("100.64.0.1", "100.64.0.1 is a non-global address"),
        ("2002:7f00:1::", "2002:7f00:1:: is a loopback address"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:1", "64:ff9b::a00:1 is a private address"),  # NAT64 of 10.0.0.1
        ("split.example", "split.example resolves to 10.0.0.1, a private address"),
    ],
)
def test_non_public_hosts_are_refused(host: str, refused: str):
    with pytest.raises(Refused, match=f"^refused: {refused}{WIDEN}"):
        POLICY.addresses(host, 80)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("93.184.216.34", ["93.184.216.34"]),
        ("example.com", ["93.184.216.34"]),
        ("2606:2800:220:1:248:1893:25c8:1946", ["2606:2800:220:1:248:1893:25c8:1946"]),
        ("64:ff9b::5db8:d822", ["64:ff9b::5db8:d822"]),  # NAT64 of 93.184.216.34
    ],
)
def test_public_hosts_give_the_addresses_to_connect_to(host: str, expected: list[str]):
    assert POLICY.addresses(host, 443) == [ipaddress.ip_address(a) for a in expected]


def test_allow_private_refuses_nothing():
    policy = AddressPolicy(refuse=ANY_ADDRESS.refuse, resolver=stub)
    assert policy.addresses("localhost", 80) == [
        ipaddress.ip_address("127.0.0.1"),
        ipaddress.ip_address("::1"),
    ]
    assert policy.addresses("2130706433", 80) == [ipaddress.ip_address("127.0.0.1")]


def test_the_default_policy_refuses_non_public_addresses():
    assert PUBLIC_ONLY.refuse is non_public
    assert non_public(ipaddress.ip_address("93.184.216.34")) is None


def test_a_numeric_host_out_of_range_is_a_name():
    # "256.1.1.1" is no address: it goes to the resolver like any name
    with pytest.raises(KeyError):
        POLICY.addresses("256.1.1.1", 80)
