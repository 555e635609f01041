"""Article -> Doc: title and byline split off, spacing, quotes and dashes normalised, the dateline
read, page furniture marked (related headlines, share lines: nothing is recorded there), a stable id.

Every later offset points into the cleaned `Doc.text`, so all cleanup happens here, once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newsgraph.model import Article, Doc, Span
from newsgraph.normalize.boilerplate import find_boilerplate
from newsgraph.normalize.dateline import read_dateline

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
    }
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A dash used as punctuation (en/em dash) becomes a spaced hyphen, so the tokenizer splits it.
_DASH = re.compile(r"\s*[\u2013\u2014\u2015]+\s*")
# "Syria :" / "word ," — a space the source put before punctuation.
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w)[ ]+(?=[:;,.!?](?:\s|$))")
# "USA -backed" / "US- led": a hyphenated compound broken by a stray space.
_BROKEN_COMPOUND = re.compile(r"(?<=\w)[ ]+-(?=[a-z]{2,})|(?<=\w)-[ ]+(?=(?:backed|led|based)\b)")
_BYLINE = re.compile(
    r"^\s*(?:[\u2022\u00b7*\-]\s*|[Bb][Yy]\s+)(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,4})\s*$"
)
# Two apostrophes as a double quotation mark (the New York Times' and LaTeX's convention):
# ''It's more tinkering,'' said Alan Cole. Opening before a word, closing after one.
_TWO_APOSTROPHES = re.compile(r"(?<![\w'])''(?=[^\s'])|(?<=[^\s'])''(?![\w'])")
_BLANKS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ ]{2,}")


def normalise_characters(text: str) -> str:
    """Unicode NFC, straight quotes, plain hyphens, ordinary spaces, no zero-width characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text.translate(_QUOTES))
    text = _TWO_APOSTROPHES.sub('"', text)
    return _DASH.sub(" - ", text)


def normalise_keeping_offsets(text: str) -> str:
    """Straight quotes and ordinary spaces, character for character: offsets stay valid.

    For text whose offsets must match an outside annotation (gold data), where `clean`
    would move characters.
    """
    text = _ZERO_WIDTH.sub(" ", text.translate(_QUOTES))
    return _TWO_APOSTROPHES.sub(_quote_in_two, text)


def _quote_in_two(match: re.Match[str]) -> str:
    """'' as a quotation mark in two characters: the mark next to its word, a space beside."""
    before_a_word = match.end() < len(match.string) and not match.string[match.end()].isspace()
    opening = before_a_word and (match.start() == 0 or match.string[match.start() - 1].isspace())
    return ' "' if opening else '" '


def fix_spacing(line: str) -> str:
    """Remove stray spaces before punctuation and inside hyphenated compounds."""
    line = _SPACE_BEFORE_PUNCT.sub("", line)
    line = _BROKEN_COMPOUND.sub("-", line)
    return _SPACES.sub(" ", line).strip()


def split_header(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(title, byline, body lines): first non-empty line is the title; a `• Name`/`By Name` line the byline."""
    body = list(lines)
    while body and not body[0]:
        body.pop(0)
    title = body.pop(0) if body else None
    byline = None
    for index in (_last_nonempty(body), _first_nonempty(body)):
        if index is not None and byline is None:
            match = _BYLINE.match(body[index])
            if match:
                byline = match.group("name")
                del body[index]
    return title, byline, body


def _first_nonempty(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line), None)


def _last_nonempty(lines: list[str]) -> int | None:
    return next((i for i in range(len(lines) - 1, -1, -1) if lines[i]), None)


def document_id(url: str | None, text: str) -> str:
    """Deterministic id: hash of the canonical URL, else of the whitespace-normalised text."""
    basis = url.strip().lower() if url else " ".join(text.split()).casefold()
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def clean(article: Article) -> Doc:
    """Turn a raw article into a Doc with cleaned text, title and byline."""
    lines = [fix_spacing(line) for line in normalise_characters(article.raw).split("\n")]
    title: str | None
    byline: str | None
    if article.title or not article.headline_first:  # every line is body
        title, byline, body = article.title, None, lines
    else:
        title, byline, body = split_header(lines)
    text = _BLANKS.sub("\n\n", "\n".join(body)).strip()
    return Doc(
        id=document_id(article.url, text),
        source=article.source,
        text=text,
        title=article.title or title,
        byline=article.byline or byline,
        url=article.url,
        published=article.published,
        outlet=article.outlet,
        dateline=read_dateline(text, article.published),
        furniture=tuple(
            Span(f.start, f.end, text[f.start : f.end]) for f in find_boilerplate(text)
        ),
        stages=("clean.v1",),
    )
