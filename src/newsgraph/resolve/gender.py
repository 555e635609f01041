"""Which first names are a man's or a woman's, for "he" and "she".

The list is `nam_dict.txt` of the pinned `gender_guesser` package (Jörg Michael's list of
first names and their gender in many countries, 48,000 names, Arabic ones included; released
under the GNU FDL, read from the installed package, not copied into newsgraph; see
ATTRIBUTION.md in newsgraph/data). Only names the list calls always or mostly one gender
("M", "1M", "F", "1F") are kept; names used for both ("?", "?M", "?F") tell nothing.
Why not gender_guesser's own code: it is GPL and a lookup table needs no code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from newsgraph.data_files import read_package_text

Gender = Literal["m", "f"]
PACKAGE = "gender_guesser"
NAMES_FILE = "data/nam_dict.txt"
# nam_dict.txt: the gender code in columns 0-1, the name from column 3 to column 29.
_NAME_COLUMNS = slice(3, 29)
_CODES: dict[str, Gender] = {"M": "m", "1M": "m", "F": "f", "1F": "f"}
_SPECIAL = re.compile(r"<[^>]*>")  # the list's own escapes for letters ASCII lacks


@dataclass(frozen=True, slots=True)
class FirstNames:
    """First names by gender, case-folded without accents."""

    genders: dict[str, Gender]

    @classmethod
    def load(cls) -> FirstNames:
        """The list of the installed gender_guesser package."""
        return cls.parse(read_package_text(PACKAGE, NAMES_FILE))

    @classmethod
    def parse(cls, text: str) -> FirstNames:
        """Read nam_dict.txt's fixed columns; a name listed as both genders tells nothing."""
        found: dict[str, Gender | None] = {}
        for line in text.splitlines():
            code = line[:2].strip()
            if code not in _CODES:
                continue
            name = fold(_SPECIAL.sub("", line[_NAME_COLUMNS]).strip().replace("+", " "))
            if not name:
                continue
            gender = _CODES[code]
            found[name] = gender if found.get(name, gender) == gender else None
        return cls({k: v for k, v in found.items() if v is not None})

    def gender(self, first_name: str) -> Gender | None:
        """ "m", "f", or None where the list does not know the name or both use it."""
        return self.genders.get(fold(first_name))


def fold(word: str) -> str:
    """Case-folded, accents dropped: "Zoë" -> "zoe"."""
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()
