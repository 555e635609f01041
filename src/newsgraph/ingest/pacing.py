"""When a watch may ask a server again: a delay between requests to one host, backoff with
jitter after failures, and the server's own Retry-After.

Time comes in through a `Clock` (seconds, like time.time) and a `Sleep`, so a test can run
hours of schedule without waiting; randomness through a `Jitter` (a number in [0, 1)).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

Clock = Callable[[], float]  # seconds since the epoch
Sleep = Callable[[float], object]  # time.sleep, or Event.wait (which a stop cuts short)
Jitter = Callable[[], float]  # uniform in [0, 1)

BACKOFF_CAP = 6 * 3600.0  # a feed failing for days is still tried four times a day
RETRY_AFTER_CAP = 24 * 3600.0  # a server asking for a week's rest gets a day


def backoff(failures: int, every: float, jitter: Jitter = random.random) -> float:
    """Seconds to wait after the `failures`-th failure in a row: the poll interval doubled
    per failure, capped, with "equal jitter" (between half and all of it) so that feeds
    failing together do not retry together."""
    if failures <= 0:
        return every
    full = min(BACKOFF_CAP, every * 2.0 ** (failures - 1))
    return full / 2 + jitter() * full / 2


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), capped; None
    when there is none or it cannot be read."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), RETRY_AFTER_CAP)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, when.timestamp() - now), RETRY_AFTER_CAP)


def host_of(url: str) -> str:
    """The host (and port) a URL's requests go to: the unit of politeness."""
    parts = urlsplit(url)
    return (parts.netloc or url).lower().rsplit("@", 1)[-1]


class HostPacer:
    """Keeps requests to one host `delay` seconds apart (longer where robots.txt asks)."""

    def __init__(self, delay: float, clock: Clock = time.time, sleep: Sleep = time.sleep) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def slow_down(self, host: str, delay: float) -> None:
        """Space this host's requests at least `delay` seconds apart (a Crawl-delay)."""
        self._delays[host] = max(self._delays.get(host, 0.0), delay)

    def wait(self, url: str) -> None:
        """Sleep until a request to the URL's host is due, and count it as made now."""
        host = host_of(url)
        last = self._last.get(host)
        if last is not None:
            due = last + max(self.delay, self._delays.get(host, 0.0))
            if due > self.clock():
                self.sleep(due - self.clock())
        self._last[host] = self.clock()
