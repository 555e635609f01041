"""Spelling keys for place names: an exact key and a loose key that survives transliteration.

News spells the same place many ways (Deir ez-Zor, Deir al-Zor, Deir az-Zour, Deir Ezzor,
Dayr az Zawr). The exact key only folds case, diacritics and punctuation, so an exact spelling
can outrank a loose one; the loose key also drops Arabic articles and reduces vowels and
doubled letters, so all those spellings meet on one key.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into an ASCII base letter.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "\u0131": "i",  # dotless i
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŧ": "t",
        "ħ": "h",
        "ß": "ss",
    }
)
# Apostrophes and ayn/hamza marks carry no sound in Latin transliterations: drop them.
_SILENT = re.compile("['\u2019\u2018`\u00b4\u02bb\u02bc\u02be\u02bf]")
_NON_WORD = re.compile(r"[\W_]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
# The Arabic article and its assimilated forms (al-, el-, ez-, ash-, ...), as whole words.
_ARTICLES = frozenset(
    {
        *("al", "el", "il", "ul", "ad", "ed", "ud", "adh", "ar", "er", "ur", "an", "en", "un"),
        *("as", "es", "us", "ash", "esh", "at", "et", "ath", "az", "ez", "uz"),
    }
)
# An article fused onto a sun letter that it doubled: "Ezzor" -> "zor", "Assuwayda" -> "suwayda".
_FUSED_ARTICLE = re.compile(r"^[aeu]l?(th|dh|sh|[tdrzsn])\1(?=[a-z]{2})")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_SPELLING = ((re.compile(r"kh"), "h"), (re.compile(r"q"), "k"), (re.compile(r"ck"), "k"))
_DOUBLE = re.compile(r"([a-z])\1+")


def fold(name: str) -> str:
    """Casefold and strip diacritics, keeping the string's shape."""
    if name.isascii():  # nothing to decompose (most names, and every one of a dump's ASCII column)
        return name.casefold()
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def exact_key(name: str) -> str:
    """Casefolded, diacritic-free, punctuation-free words: "St. Louis" -> "saint louis"."""
    words = _NON_WORD.sub(" ", _SILENT.sub("", fold(name))).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def name_key(name: str) -> str:
    """The loose key that all transliterations of one name share: "Deir Ezzor" -> "darzar"."""
    return loose_key(exact_key(name))


def loose_key(exact: str) -> str:
    """`name_key` of a name whose `exact_key` is `exact` (for callers that need both)."""
    words = exact.split()
    if len(words) > 1:
        kept = [w for w in words if w not in _ARTICLES]
        words = kept or words
    words = [words[0]] + [_FUSED_ARTICLE.sub(r"\1", w) for w in words[1:]] if words else []
    return "".join(_reduce_word(w) for w in words)


def _reduce_word(word: str) -> str:
    """Reduce one word to its consonant frame with each vowel run written as "a"."""
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    # y and w are vowels inside a word ("Dayr", "Zawr", "Kyiv") but consonants at its start.
    word = word[:1] + re.sub(r"(?<=[aeiou])[yw]|y(?=[aeiou])", "a", word[1:])
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # "Raqqah" and "Raqqa"
    word = _DOUBLE.sub(r"\1", word)
    return _VOWEL_RUN.sub("a", word)


def is_latin(name: str) -> bool:
    """True when the name is written in Latin letters (after folding diacritics)."""
    folded = fold(name)
    return any(c.isalpha() for c in folded) and all(c.isascii() or not c.isalpha() for c in folded)
