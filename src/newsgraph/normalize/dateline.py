"""The day an article's own dateline gives: "Wed 05 Apr 2017", "Posted on August 3 2016 by",
"BEIRUT, Sept 3 (Reuters)", "05-04-2016", "Last updated at Apr 152017".

News copy is often republished, so the date a feed or a dataset gives can be days or years
off the day the text was written; relative dates ("on Sunday") must be read against the
dateline when the text has one. Only the opening of the text is searched: a date further in
is an event's date, not the article's. Numeric dates are read day first (as the outlets that
write them, mostly outside the US, do).
"""

from __future__ import annotations

import re
from datetime import date

REACH = 200  # characters at the start of the text where a dateline can stand
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Ordered: the first form found at the earliest place wins.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day-month-year", re.compile(rf"\b{_DAY}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*{_YEAR}\b", re.I)),
    ("month-day-year", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\s*,?\s*{_YEAR}", re.I)),
    ("numeric", re.compile(rf"(?<![\d.-]){_DAY}[-./](?P<mnum>[01]?\d)[-./]{_YEAR}")),
    ("wire", re.compile(rf"\b{_MONTH}\s+{_DAY}\s*\((?:Reuters|AFP|AP|Xinhua|dpa|IANS)\)", re.I)),
)


def read_dateline(text: str, published: str | None = None) -> str | None:
    """The ISO day of the dateline at the start of `text`, or None; a date without a year
    ("BEIRUT, Sept 3 (Reuters)") takes the publication year."""
    head = text[:REACH]
    found: list[tuple[int, date]] = []
    for _name, pattern in PATTERNS:
        for match in pattern.finditer(head):
            day = _day_of(match, published)
            if day is not None:
                found.append((match.start(), day))
                break
    if not found:
        return None
    return min(found, key=lambda hit: hit[0])[1].isoformat()


def _day_of(match: re.Match[str], published: str | None) -> date | None:
    groups = match.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
    if groups.get("mnum"):
        month = int(groups["mnum"])
    year = int(groups["year"]) if groups.get("year") else _year_of(published)
    if month is None or year is None:
        return None
    try:
        return date(year, month, int(groups["day"]))
    except ValueError:
        return None


def _year_of(published: str | None) -> int | None:
    if published and re.match(r"(?:19|20)\d\d", published):
        return int(published[:4])
    return None
