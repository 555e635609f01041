"""robots.txt as RFC 9309 reads it, with a stand-in fetcher and a fake clock."""

from __future__ import annotations

from feed_server import FakeClock
from newsgraph.errors import HttpStatus, InputError
from newsgraph.ingest.fetch import Fetched
from newsgraph.ingest.robots import KEEP, Robots

RULES = b"""User-agent: *
Disallow: /private/

User-agent: newsgraph
Disallow: /wire/embargoed/
Crawl-delay: 5
"""


class Site:
    def __init__(self, answer: bytes | Exception) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, url: str, max_bytes: int) -> Fetched:
        self.asked.append(url)
        if isinstance(self.answer, Exception):
            raise self.answer
        return Fetched(url, url, "text/plain", self.answer)


def test_rules_for_newsgraph_are_followed_and_read_once_per_host():
    site = Site(RULES)
    robots = Robots(site, FakeClock())
    assert robots.allows("https://news.example.com/wire/story-1")
    assert not robots.allows("https://news.example.com/wire/embargoed/story-2")
    assert robots.crawl_delay("https://news.example.com/wire/story-1") == 5.0
    assert site.asked == ["https://news.example.com/robots.txt"]


def test_rules_are_read_again_after_a_day():
    site = Site(RULES)
    clock = FakeClock()
    robots = Robots(site, clock)
    robots.allows("https://news.example.com/a")
    clock.now += KEEP + 1
    robots.allows("https://news.example.com/b")
    assert len(site.asked) == 2


def test_a_missing_robots_txt_allows_everything():
    robots = Robots(Site(HttpStatus("HTTP 404 Not Found", 404)), FakeClock())
    assert robots.allows("https://news.example.com/private/x")


def test_an_unreachable_robots_txt_disallows_everything_for_now():
    robots = Robots(Site(HttpStatus("HTTP 503 Service Unavailable", 503)), FakeClock())
    assert not robots.allows("https://news.example.com/story")
    robots = Robots(Site(InputError("timed out after 20 s")), FakeClock())
    assert not robots.allows("https://news.example.com/story")


def test_an_unreachable_robots_txt_says_why_it_disallows():
    robots = Robots(Site(InputError("timed out after 20 s")), FakeClock())
    why = robots.refusal("https://news.example.com/story")
    assert why is not None and "unreachable" in why and "timed out after 20 s" in why
    assert Robots(Site(RULES), FakeClock()).refusal("https://news.example.com/story") is None
