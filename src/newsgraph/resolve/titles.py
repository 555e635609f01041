"""Title and rank words ("Lieutenant-General", "Deputy Foreign Minister") from the packaged list."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

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


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every lower-case title word in `data/titles.txt`."""
    text = resources.files("newsgraph").joinpath("data/titles.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_title_word(word: str) -> bool:
    """Whether `word` can be part of a title."""
    return word.casefold() in title_words()


def is_head_title(word: str) -> bool:
    """Whether `word` can carry a title on its own (a rank or office, not a qualifier)."""
    low = word.casefold()
    return low in title_words() and low not in MODIFIERS
