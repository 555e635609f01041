"""The curated names the place stage looks for or turns away, read once from the packaged data:
feature names NER mislabels ("Al Udeid"), institutions that are no places ("the Pentagon"),
country demonyms ("Israeli" -> IL), and regions' abbreviations ("NSW" -> New South Wales)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsgraph.data_files import read_text
from newsgraph.resolve.placenames import exact_key

FEATURES_FILE = "places/curated_features.json"
DEMONYMS_FILE = "actors/demonyms.tsv"
ABBREVIATIONS_FILE = "places/region_abbreviations.tsv"


@dataclass(frozen=True, slots=True)
class PlaceNames:
    """Curated names: `curated` to find in text whatever NER made of them, `not_places` (exact
    keys) to refuse, `demonyms` (exact key -> ISO country code) to recognise."""

    curated: tuple[str, ...]
    not_places: frozenset[str]
    demonyms: Mapping[str, str]
    pattern: re.Pattern[str]  # every curated name and abbreviation, longest first
    # a region's or country's abbreviation, as written ("NSW") -> the name it stands for
    abbreviations: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> PlaceNames:
        """The shipped names (data/places/curated_features.json, data/actors/demonyms.tsv)."""
        data = json.loads(read_text(FEATURES_FILE))
        features = data["features"]
        # a feature marked `in_text: false` is not looked for: "the EU said" names an organisation
        curated = [
            n for f in features if f.get("in_text", True) for n in (f["name"], *f["aliases"])
        ]
        abbreviations = _abbreviations(read_text(ABBREVIATIONS_FILE))
        return cls(
            curated=tuple(curated),
            not_places=frozenset(exact_key(n) for n in data["not_places"]),
            demonyms=_demonyms(read_text(DEMONYMS_FILE)),
            pattern=_alternation([*curated, *abbreviations]),
            abbreviations=abbreviations,
        )

    def is_not_place(self, text: str) -> bool:
        """Whether `text` names an institution, not a place ("the Pentagon")."""
        return exact_key(text) in self.not_places

    def expand(self, text: str) -> str | None:
        """The name an abbreviation stands for ("NSW" -> "New South Wales"), as written."""
        return self.abbreviations.get(text)

    def demonym_country(self, text: str) -> str | None:
        """The ISO code of the country a demonym names ("Israeli" -> "IL")."""
        return self.demonyms.get(exact_key(text))


def _alternation(names: Sequence[str]) -> re.Pattern[str]:
    """One alternation of every name, as written, longest first, on word boundaries (none:
    never matches)."""
    if not names:
        return re.compile(r"(?!)")
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def _abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> the gazetteer name it stands for, from the TSV's first two columns."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("abbreviation\t") or not line.strip():
            continue
        abbreviation, name, *_rest = line.split("\t")
        out[abbreviation] = name
    return out


def _demonyms(text: str) -> dict[str, str]:
    """Exact key of each country demonym and adjective ("Israeli", "Americans") -> ISO code."""
    out: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        if line.startswith("#") or line.startswith("iso2\t") or not line.strip():
            continue
        iso, *forms = line.split("\t")
        for form in forms:
            for word in form.split("|"):
                if word and word != "-":
                    out.setdefault(exact_key(word), iso)
    return out
