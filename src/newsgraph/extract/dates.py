"""Event dates as calendar days, months or years, read against the article's own date.

What a news date means is decided here, in order (`READINGS`; the name of the reading that
fired is kept so a wrong day leads to its rule):

- "today", "yesterday", "the day before": counted from the base day (the article's dateline,
  else its publication date);
- a weekday ("on Wednesday", "Saturdays attacks", whose apostrophe the source stripped) is
  the most recent one on or before the base day, the base day included: "on Wednesday" in a
  Wednesday article is that Wednesday;
- a full date ("3 June 2016", "June 3, 2016") is kept exactly, day first or month first as
  written, never swapped;
- a day and month with no year is in the base day's year, or the year before when that would
  be after the base day;
- a month and year ("August 2013", "last month") has month precision and a year ("in 2014",
  "last year") year precision: no day is invented for them.

Phrases naming no point in time ("earlier this week", "recently", "for years") give nothing.
dateparser reads what the table does not (free-form dates in feeds and datasets, `parse_day`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from newsgraph.model import DayPrecision
from newsgraph.normalize.dateline import MONTHS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}


@dataclass(frozen=True, slots=True)
class DayReading:
    """A point in time a phrase names: its ISO form at its precision, and the rule that read it."""

    iso: str  # "2016-07-11", "2016-07" or "2016"
    precision: DayPrecision
    method: str

    @property
    def last_day(self) -> date:
        """The last calendar day the reading covers (a month's last day, a year's 31 Dec)."""
        if self.precision == "day":
            return date.fromisoformat(self.iso)
        if self.precision == "month":
            year, month = (int(x) for x in self.iso.split("-"))
            nxt = date(year + month // 12, month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(int(self.iso), 12, 31)


Reader = Callable[[str, date | None], DayReading | None]


def _relative(phrase: str, base: date | None) -> DayReading | None:
    if base is None:
        return None
    shift = {"today": 0, "tonight": 0, "this morning": 0, "yesterday": 1, "the day before": 1}
    for words, days in shift.items():
        if re.search(rf"\b{words}\b", phrase):
            return _day(base - timedelta(days=days), "relative")
    return None


def _full_date(phrase: str, base: date | None) -> DayReading | None:
    for pattern in (
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s*{_YEAR}\b",
        rf"\b{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}\b",
    ):
        match = re.search(pattern, phrase)
        if match and (found := _make(match, int(match["year"]))):
            return _day(found, "full-date")
    return None


def _day_month(phrase: str, base: date | None) -> DayReading | None:
    if base is None:
        return None
    for pattern in (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*\d)", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*\d)"):
        match = re.search(pattern, phrase)
        if match is None:
            continue
        found = _make(match, base.year)
        if found is not None and found > base + timedelta(days=2):
            found = _make(match, base.year - 1)
        if found is not None:
            return _day(found, "day-month")
    return None


def _weekday(phrase: str, base: date | None) -> DayReading | None:
    match = re.search(r"\b(" + "|".join(WEEKDAYS) + r")(?:'?s)?\b", phrase)
    if match is None or base is None:
        return None
    back = (base.weekday() - WEEKDAYS.index(match.group(1))) % 7
    if re.search(r"\blast\s+" + match.group(1), phrase) and back == 0:
        back = 7  # "last Wednesday" said on a Wednesday is a week ago
    return _day(base - timedelta(days=back), "weekday")


def _month_year(phrase: str, base: date | None) -> DayReading | None:
    match = re.search(rf"\b{_MONTH}\s*,?\s*(?:of\s+)?{_YEAR}\b", phrase)
    if match:
        return DayReading(
            f"{match['year']}-{MONTHS[match['month'].rstrip('.')]:02d}", "month", "month-year"
        )
    if base is not None and re.search(r"\blast month\b", phrase):
        first = base.replace(day=1) - timedelta(days=1)
        return DayReading(f"{first.year}-{first.month:02d}", "month", "last-month")
    if base is not None and (match := re.search(rf"\b(?:in|since|during|of)\s+{_MONTH}\b", phrase)):
        month = MONTHS[match["month"].rstrip(".")]
        year = base.year if month <= base.month else base.year - 1
        return DayReading(f"{year}-{month:02d}", "month", "month")
    return None


def _year(phrase: str, base: date | None) -> DayReading | None:
    match = re.search(rf"\b{_YEAR}\b", phrase)
    if match:
        return DayReading(match["year"], "year", "year")
    if base is not None and re.search(r"\blast year\b", phrase):
        return DayReading(str(base.year - 1), "year", "last-year")
    return None


READINGS: tuple[tuple[str, Reader], ...] = (
    ("full-date", _full_date),
    ("relative", _relative),
    ("weekday", _weekday),
    ("day-month", _day_month),
    ("month-year", _month_year),
    ("year", _year),
)


def read_date(text: str | None, base: date | None) -> DayReading | None:
    """The point in time a date phrase names, read against `base`; None when it names none."""
    if not text:
        return None
    phrase = " ".join(text.casefold().split())
    for _name, reader in READINGS:
        found = reader(phrase, base)
        if found is not None:
            return found
    return None


def base_day(dateline: str | None, published: str | None) -> date | None:
    """The day relative dates are read against: the article's dateline, else its publication."""
    return parse_day(dateline) or parse_day(published)


def resolve_day(text: str | None, published: str | None) -> date | None:
    """The calendar day a phrase names (the publication day when there is no phrase)."""
    base = parse_day(published)
    if not text:
        return base
    found = read_date(text, base)
    if found is None or found.precision != "day":
        return None
    return date.fromisoformat(found.iso)


def parse_day(text: str | None) -> date | None:
    """An ISO or free-form date (a CSV cell, a feed field) as a day, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    return _parse(text.strip())


def _day(day: date, method: str) -> DayReading:
    return DayReading(day.isoformat(), "day", method)


def _make(match: re.Match[str], year: int) -> date | None:
    try:
        return date(year, MONTHS[match["month"].rstrip(".")], int(match["day"]))
    except ValueError:
        return None


# A compute cache of a pure function, not data: dateparser takes about a millisecond a call
# and articles repeat their date phrases. Nothing is read from disk here.
@lru_cache(maxsize=4096)
def _parse(phrase: str) -> date | None:
    try:
        found = dateparser.parse(phrase, languages=["en"], settings=dict(_SETTINGS))
    except (ValueError, OverflowError):
        return None
    if isinstance(found, datetime):
        return found.date()
    return None
