"""Backoff, Retry-After and the per-host delay, on a fake clock (no real waiting)."""

from __future__ import annotations

from datetime import UTC, datetime

from feed_server import FakeClock, http_date
from newsgraph.ingest.pacing import (
    BACKOFF_CAP,
    RETRY_AFTER_CAP,
    HostPacer,
    backoff,
    host_of,
    retry_after,
)


def test_backoff_doubles_per_failure_with_jitter_between_half_and_all():
    every = 900.0
    assert backoff(0, every) == every
    assert backoff(1, every, jitter=lambda: 0.0) == 450.0
    assert backoff(1, every, jitter=lambda: 0.999999) < 900.0
    assert backoff(3, every, jitter=lambda: 0.0) == 1800.0  # 900 * 4, halved
    assert backoff(30, every, jitter=lambda: 0.0) == BACKOFF_CAP / 2


def test_retry_after_in_seconds_or_as_a_date():
    now = datetime(2017, 4, 5, 12, 0, tzinfo=UTC).timestamp()
    assert retry_after("120", now) == 120.0
    later = datetime(2017, 4, 5, 12, 10, tzinfo=UTC)
    assert retry_after(http_date(later), now) == 600.0
    assert retry_after(http_date(datetime(2017, 4, 5, 11, 0, tzinfo=UTC)), now) == 0.0
    assert retry_after("9999999", now) == RETRY_AFTER_CAP


def test_retry_after_that_cannot_be_read_is_none():
    assert retry_after(None, 0.0) is None
    assert retry_after("soon", 0.0) is None
    assert retry_after("", 0.0) is None


def test_requests_to_one_host_are_spaced_and_other_hosts_are_not_held_up():
    clock = FakeClock()
    pacer = HostPacer(2.0, clock, clock.sleep)
    pacer.wait("https://wire.example.com/a")
    pacer.wait("https://other.example.org/b")
    assert clock.slept == []
    pacer.wait("https://wire.example.com/c")
    assert clock.slept == [2.0]
    clock.now += 5
    pacer.wait("https://WIRE.example.com/d")
    assert clock.slept == [2.0]


def test_a_crawl_delay_slows_its_host_down():
    clock = FakeClock()
    pacer = HostPacer(1.0, clock, clock.sleep)
    pacer.slow_down("wire.example.com", 7.0)
    pacer.wait("https://wire.example.com/a")
    pacer.wait("https://wire.example.com/b")
    assert clock.slept == [7.0]


def test_host_of_keeps_the_port_and_drops_credentials():
    assert host_of("http://user:pw@127.0.0.1:8080/x") == "127.0.0.1:8080"
