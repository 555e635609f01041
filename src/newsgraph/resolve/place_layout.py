"""Where the text sets place names beside each other: "X, Y" and "Y's eastern city of X" (a
container for X), "California, Oregon and Washington" (a list of regions), found by position
rather than by comparing every span with every other.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsgraph.resolve.gazetteer import GazetteerEntry
from newsgraph.resolve.place_spans import PlaceSpan
from newsgraph.resolve.placenames import exact_key

Resolution = dict[str, tuple[GazetteerEntry, float]]

# What lies between X and Y in "X, Y" (from X's end, Y may start anywhere in "after")
_COMMA_AHEAD = re.compile(r"\s*,(?P<after>\s*)")
# ... and in "Y's eastern city of X" (matched whole, from Y's end to X's start)
_OF_CONTAINER = re.compile(
    r"(?:'s|\u2019s)?\s+(?:[\w-]+\s+){0,3}"
    r"(?:city|town|village|province|governorate|region|district|state|capital|port|base) of\s+"
)
_WORD = re.compile(r"\S+")
# What stands between two names of a list: ", ", ", and ", " and ", " or ".
_LIST_GLUE = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+")


@dataclass(frozen=True, slots=True)
class Layout:
    """Every span in text order, found by where it starts or ends, for "X, Y" and "Y's city
    of X": comparing each span with every other took minutes on one long unbroken text."""

    text: str
    spans: list[PlaceSpan]  # by start; a span's index here is its order
    starts: list[int]
    ends: list[tuple[int, int]]  # (end, order), sorted
    word_ends: list[int]  # where each run of non-space characters ends

    @classmethod
    def of(cls, text: str, groups: dict[str, list[PlaceSpan]]) -> Layout:
        spans = sorted((s for g in groups.values() for s in g), key=lambda s: s.start)
        return cls(
            text,
            spans,
            [s.start for s in spans],
            sorted((s.end, order) for order, s in enumerate(spans)),
            [m.end() for m in _WORD.finditer(text)],
        )

    def listed_after(self, span: PlaceSpan) -> list[int]:
        """Ranks of the spans "X, Y" puts after `span` (X): only a comma between them."""
        comma = _COMMA_AHEAD.match(self.text, span.end)
        if comma is None:
            return []
        lo = bisect_left(self.starts, comma.start("after"))
        return list(range(lo, bisect_right(self.starts, comma.end())))

    def containing_before(self, span: PlaceSpan) -> list[int]:
        """Ranks of the spans "Y's eastern city of X" puts before `span` (X)."""
        # The words between ("'s", up to three words, "city", "of") are at most six runs of
        # non-space characters, so Y ends at most that far back.
        runs = bisect_right(self.word_ends, span.start)
        lowest = self.word_ends[runs - 6] - 2 if runs >= 6 else 0
        lo = bisect_left(self.ends, (lowest, -1))
        hi = bisect_right(self.ends, (span.start, len(self.spans)))
        return [
            order
            for end, order in self.ends[lo:hi]
            if self.spans[order].start < span.end
            and _OF_CONTAINER.fullmatch(self.text, end, span.start)
        ]


def listed_with_regions(group: list[PlaceSpan], layout: Layout, previous: Resolution) -> bool:
    """Named in a list of first-level regions: "California, Oregon and Washington"."""
    for span in group:
        order = bisect_left(layout.starts, span.start)
        for other in (order - 1, order + 1):
            if not 0 <= other < len(layout.spans):
                continue
            a, b = sorted((span, layout.spans[other]), key=lambda s: s.start)
            hit = previous.get(exact_key(layout.spans[other].text))
            glue = _LIST_GLUE.fullmatch(layout.text, a.end, b.start)
            if glue and hit is not None and hit[0].kind == "admin1":
                return True
    return False


def containers(
    group: list[PlaceSpan], layout: Layout, previous: Resolution
) -> tuple[GazetteerEntry, ...]:
    """Entries the text puts these spans inside: "X, Y" and "Y's eastern city of X"."""
    out: list[GazetteerEntry] = []
    for span in group:
        for order in sorted({*layout.containing_before(span), *layout.listed_after(span)}):
            hit = previous.get(exact_key(layout.spans[order].text))
            if hit is not None and hit[0].kind in ("country", "admin1", "admin2"):
                out.append(hit[0])
    return tuple(out)


def layout_outers(
    group: list[PlaceSpan], layout: Layout, chosen: Resolution
) -> list[tuple[str, str]]:
    """Regions "X, Y" and "Y's city of X" put these spans in, as (outer key, rule)."""
    out: list[tuple[str, str]] = []
    for span in group:
        found = [(o, "city-of") for o in layout.containing_before(span)]
        found += [(o, "comma") for o in layout.listed_after(span)]
        for order, rule in found:
            key = exact_key(layout.spans[order].text)
            hit = chosen.get(key)
            if hit is not None and hit[0].kind in ("country", "admin1", "admin2"):
                out.append((key, rule))
    return out
