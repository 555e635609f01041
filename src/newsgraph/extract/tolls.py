"""Casualty counts an analyst can sum: "killing at least 20" -> 20 (approximate), "129
loyalists and 116 rebels were killed" -> 245, "the death toll rose to 112" -> 112, "dozens
were killed" -> no number, the words kept.

The forms are an ordered table (`FORMS`); each toll records the form that read it. A count
joined to its victims by "including", "among them" or "of whom" is part of the toll, not
added to it ("48 people including 10 children" is 48); "among 48 people killed" makes 48 the
toll. Why regular expressions over the sentence and not the parse: the parse of stripped,
comma-less wire copy often attaches the number to the wrong verb, while the words around a
count ("N people were killed", "killing N") are fixed and few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal["killed", "injured"]

UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if w != "_"
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = ("dozens", "scores", "hundreds", "thousands", "several", "many", "numerous", "a number")
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(list(UNITS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r"|a dozen|a hundred)"
    r"(?:\s+(?:hundred|thousand)(?:\s+and\s+\w+)?)?"
)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})"
HEDGE = r"(?:at least|more than|over|nearly|almost|about|around|some|up to|roughly|an estimated|approximately|at most|as many as|fewer than|less than|no fewer than)"
_NOT_VICTIM = r"(?!(?:killed|dead|died|injured|wounded|hurt|were|was|and|in|on|by|when)\b)"
# "people", "government soldiers", "people including 28 children"
VICTIMS = (
    rf"(?:{_NOT_VICTIM}[A-Za-z'-]+\s+){{0,4}}?"
    rf"(?:(?:including|among them|of whom|mostly|mainly)\s+[^.;]{{0,60}}?\s+)?"
)
_AUX = r"(?:(?:were|was|have|has|had|been|are|is|being|got|reportedly|reported|confirmed|also|all|allegedly)\s+){0,4}"
KILLED = r"(?:killed|dead|died|deaths?|slain|massacred|executed|martyred|perished|lost their lives|lives)"
INJURED = r"(?:injured|wounded|hurt|injuries|maimed)"
_KILL_VERB = r"(?:killing|killed|kills|kill|leaving|left|claimed the lives of|claiming the lives of|executing|executed)"
_WOUND_VERB = r"(?:injuring|injured|injures|wounding|wounded|wounds|leaving|left)"


@dataclass(frozen=True, slots=True)
class Toll:
    """A casualty count in the text: its characters, what it counts and how it was read."""

    start: int
    end: int
    kind: Kind
    count: int | None  # None for "dozens", "hundreds"
    approximate: bool
    words: str
    method: str


def _forms(kind: Kind) -> tuple[tuple[str, re.Pattern[str]], ...]:
    noun, verb = (KILLED, _KILL_VERB) if kind == "killed" else (INJURED, _WOUND_VERB)
    other = INJURED if kind == "killed" else KILLED  # "killed 6 22 injured": 22 were hurt
    count = rf"(?P<hedge>{HEDGE}\s+)?(?P<n>{NUMBER}|{'|'.join(VAGUE)})(?![\d,-])"
    tail = r"(?P<more>(?:\s+(?:[A-Za-z'-]+\s+){0,2}?and\s+" + NUMBER + r"\s+[A-Za-z'-]+){0,3})"
    toll = (
        r"(?:death|casualty)\s+toll|\btoll"
        if kind == "killed"
        else r"number of (?:injured|wounded)"
    )
    return (
        # "the death toll rose to 112", "putting the death toll at at least 70"
        (
            "toll-reached",
            re.compile(
                rf"(?:{toll})\b[^.;]{{0,100}}?\b(?:(?:to|at|of|reached|hit|is|was|stands? at)\s+"
                rf"|(?={HEDGE}\s))" + count,
                re.I,
            ),
        ),
        # "among 48 people executed", "among at least 20 killed"
        ("among", re.compile(rf"\bamong\s+{count}\s+{VICTIMS}{noun}\b", re.I)),
        # "killing 12 civilians", "left 11 people dead", "claimed the lives of 129 loyalists"
        (
            "verb-count",
            re.compile(rf"\b{verb}\s+{count}{tail}(?!\s+(?:others?\s+)?{other})", re.I),
        ),
        # "12 civilians were killed", "four dead", "two persons were injured"
        (
            "count-verb",
            re.compile(
                rf"{count}\s+{VICTIMS}(?P<more2>(?:and\s+{NUMBER}\s+{VICTIMS})*){_AUX}{noun}\b",
                re.I,
            ),
        ),
    )


FORMS: dict[Kind, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "killed": _forms("killed"),
    "injured": _forms("injured"),
}


def find_tolls(text: str, start: int = 0, end: int | None = None) -> list[Toll]:
    """Every casualty count in `text[start:end]`, in text order, one per place in the text."""
    end = len(text) if end is None else end
    found: list[Toll] = []
    for kind in ("killed", "injured"):
        taken: list[tuple[int, int]] = []
        for toll in _read(text, start, end, kind):
            if any(toll.start < b and a < toll.end for a, b in taken):
                continue  # an earlier form already read this count
            taken.append((toll.start, toll.end))
            found.append(toll)
    return sorted(found, key=lambda t: t.start)


def _read(text: str, start: int, end: int, kind: Kind) -> Iterator[Toll]:
    window = text[start:end]
    for method, pattern in FORMS[kind]:
        for match in pattern.finditer(window):
            words = match.group("n")
            value = number(words)
            extra = (match.groupdict().get("more") or "") + (match.groupdict().get("more2") or "")
            if (
                value is not None
                and extra
                and not re.search(r"\binclud|\bamong|\bof whom", match.group(0), re.I)
            ):
                value += sum(v for w in re.findall(NUMBER, extra) if (v := number(w)) is not None)
            if value is not None and _is_year(words, window, match.start("n")):
                continue
            yield Toll(
                start=start + match.start(),
                end=start + match.end(),
                kind=kind,
                count=value,
                approximate=bool(match.group("hedge")),
                words=match.group(0).strip(),
                method=method,
            )


def number(words: str) -> int | None:
    """ "1,400" -> 1400, "Seventy-six" -> 76, "a dozen" -> 12, "dozens" -> None."""
    w = words.casefold().strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", w):
        return int(w.replace(",", ""))
    if w in VAGUE or not w:
        return None
    total, current = 0, 0
    for part in re.split(
        r"[\s-]+", w.replace("a dozen", "twelve").replace("a hundred", "one hundred")
    ):
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in SCALES:
            current = max(current, 1) * SCALES[part]
            if SCALES[part] >= 1000:
                total, current = total + current, 0
        elif part != "and":
            return None
    return total + current


def _is_year(words: str, window: str, at: int) -> bool:
    """ "in 2013 killed", "Sun 16 Apr 2017 Death toll": a year is no count, unless people
    follow it ("2017 people died" is rare, but "1500 people" is not a year)."""
    if not re.fullmatch(r"(?:19|20)\d\d", words):
        return False
    after = window[at + len(words) : at + len(words) + 40].split()
    return not (after and after[0].casefold().rstrip(",.") in PEOPLE)


PEOPLE = frozenset(
    [
        "people",
        "persons",
        "civilians",
        "children",
        "women",
        "men",
        "soldiers",
        "fighters",
        "rebels",
        "militants",
        "troops",
        "members",
        "residents",
        "citizens",
    ]
)
