"""Title and rank words ("Lieutenant-General", "Deputy Foreign Minister") from the packaged list."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.data_files import read_text

# Words that qualify a title but cannot be one alone ("Foreign" in "Foreign Minister").
MODIFIERS = frozenset(
    [
        "vice",
        "rear",
        "field",
        "deputy",
        "assistant",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "justice",
        "home",
        "affairs",
        "security",
        "intelligence",
        "national",
        "special",
        "state",
        "army",
        "navy",
        "naval",
        "air",
        "force",
        "marine",
        "marines",
        "corps",
        "top",
        "senior",
        "former",
        "acting",
        "prime",
        "crown",
        "warrant",
    ]
)


TITLES_FILE = "titles.txt"


@dataclass(frozen=True, slots=True)
class TitleWords:
    """Every lower-case title word of `data/titles.txt` ("general", "minister", "spokesman")."""

    words: frozenset[str]

    @classmethod
    def load(cls) -> TitleWords:
        """The shipped list."""
        text = read_text(TITLES_FILE)
        return cls(
            frozenset(
                line.strip()
                for line in text.splitlines()
                if line.strip() and not line.startswith("#")
            )
        )

    def is_title_word(self, word: str) -> bool:
        """Whether `word` can be part of a title."""
        return word.casefold() in self.words

    def is_head_title(self, word: str) -> bool:
        """Whether `word` can carry a title on its own (a rank or office, not a qualifier)."""
        low = word.casefold()
        return low in self.words and low not in MODIFIERS
