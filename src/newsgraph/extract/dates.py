"""Event dates as calendar days: "on Sunday", "last week", "April 3" against the publication date.

dateparser does the reading (relative to a base date); we only decide what a news date
means: a weekday named in a report is the most recent one on or before publication, and a
date after publication is not a past event's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import dateparser

_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_VAGUE = frozenset({"today", "now", "recently", "currently", "yesterday's"})


def parse_day(text: str | None) -> date | None:
    """An ISO or free-form date (a CSV cell, a feed field) as a day, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    found = _parse(text.strip(), None)
    return found


def resolve_day(text: str | None, published: str | None) -> date | None:
    """The day an event's date phrase names, read relative to the article's publication day."""
    base = parse_day(published)
    if not text:
        return base
    phrase = text.strip().removeprefix("on ").strip()
    if phrase.casefold() in _VAGUE:
        return base
    if base is None and not _YEAR.search(phrase):
        return None  # "on Sunday" with no publication date names no day we can know
    day = _parse(phrase, base)
    if day is None or (base is not None and day > base):
        return base
    return day


@lru_cache(maxsize=4096)
def _parse(phrase: str, base: date | None) -> date | None:
    settings: dict[str, object] = dict(_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        found = dateparser.parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return found.date() if found is not None else None
