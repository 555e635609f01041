"""robots.txt, for the article pages a watch fetches (not for the feeds the user names).

Read as RFC 9309 says: a robots.txt that is missing or refused (4xx) allows everything; one
that cannot be reached (5xx, a timeout, a refused address) disallows everything until it is
asked for again. Each host's answer is kept for a day (an unreachable one for an hour).
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from newsgraph.errors import HttpStatus, InputError
from newsgraph.ingest.fetch import Fetched
from newsgraph.ingest.pacing import Clock

AGENT = "newsgraph"  # the product token robots.txt groups are matched against
MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
KEEP = 24 * 3600.0
KEEP_UNREACHABLE = 3600.0
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay past this is read as this
DISALLOWED = "disallowed by robots.txt"

FetchRobots = Callable[[str, int], Fetched]  # url, max_bytes -> the download


@dataclass(frozen=True, slots=True)
class Rules:
    """One host's answer: what it allows, and until when it is kept."""

    parser: urllib.robotparser.RobotFileParser | None  # None: everything is allowed
    disallow_all: bool
    expires: float
    why: str | None = None  # why everything is disallowed


class Robots:
    """Whether a page may be fetched, per its host's robots.txt, fetched once and kept."""

    def __init__(self, fetch: FetchRobots, clock: Clock = time.time) -> None:
        self.fetch = fetch
        self.clock = clock
        self._rules: dict[str, Rules] = {}

    def allows(self, url: str) -> bool:
        """Whether robots.txt lets newsgraph fetch `url`."""
        return self.refusal(url) is None

    def refusal(self, url: str) -> str | None:
        """Why newsgraph may not fetch `url` under its host's robots.txt; None if it may."""
        rules = self._for(url)
        if rules.disallow_all:
            return rules.why or DISALLOWED
        if rules.parser is None or rules.parser.can_fetch(AGENT, url):
            return None
        return DISALLOWED

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the host asks of newsgraph, in seconds (capped), if any."""
        parser = self._for(url).parser
        delay = parser.crawl_delay(AGENT) if parser is not None else None
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)

    def _for(self, url: str) -> Rules:
        parts = urlsplit(url)
        home = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        rules = self._rules.get(home)
        if rules is None or rules.expires <= self.clock():
            rules = self._rules[home] = self._read(home + "/robots.txt")
        return rules

    def _read(self, robots_url: str) -> Rules:
        now = self.clock()
        try:
            fetched = self.fetch(robots_url, MAX_ROBOTS_BYTES)
        except HttpStatus as exc:
            if 400 <= exc.status < 500:  # none, or not for us to read: no rules
                return Rules(None, False, now + KEEP)
            return Rules(None, True, now + KEEP_UNREACHABLE, _unreachable(exc))
        except InputError as exc:  # unreachable, refused, too large: assume the worst for now
            return Rules(None, True, now + KEEP_UNREACHABLE, _unreachable(exc))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(fetched.data.decode("utf-8", errors="replace").splitlines())
        return Rules(parser, False, now + KEEP)


def _unreachable(exc: InputError) -> str:
    return f"robots.txt unreachable, so disallowed for now ({' '.join(str(exc).split())})"
