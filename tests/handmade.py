"""Build small Docs by hand, the way spaCy's own tests do, so stage tests load no model."""

from __future__ import annotations

from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.model import Actor, Doc, EntityMention, Person, Sentence, Span, Token
from newsgraph.resources import Resources


def build_doc(rows: str, entities: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A Doc from rows of `text lemma POS TAG dep head` (head = token index); `/` ends a sentence.

    Tokens are joined by single spaces, sentences by a blank line; `entities` are
    (first, last, label) token ranges.
    """
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    offset, first, sent = 0, 0, 0
    for line in (r.strip() for r in rows.strip().splitlines() if r.strip()):
        if line == "/":
            sentences.append(
                Sentence(tokens[first].start, tokens[-1].end, first, len(tokens), sent)
            )
            first, sent, offset = len(tokens), sent + 1, offset + 1
            continue
        text, lemma, pos, tag, dep, head = line.split()
        i = len(tokens)
        tokens.append(
            Token(i, offset, offset + len(text), text, lemma, pos, tag, dep, int(head), sent=sent)
        )
        offset += len(text) + 1
    sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens), sent))
    chars = [" "] * (tokens[-1].end)
    for tok in tokens:
        chars[tok.start : tok.end] = tok.text
    for s in sentences[1:]:
        chars[s.start - 2 : s.start] = "\n\n"
    text = "".join(chars)
    ents = tuple(
        EntityMention(
            tokens[a].start,
            tokens[b - 1].end,
            text[tokens[a].start : tokens[b - 1].end],
            label,
            a,
            b,
        )
        for a, b, label in entities
    )
    return Doc(
        id="t",
        source="test",
        text=text,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        entities=ents,
    )


def mention(doc: Doc, words: str, nth: int = 0) -> Span:
    """The `nth` occurrence of `words` in the doc text, as a Span."""
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(words, at + 1)
    return Span(at, at + len(words), words)


def actor(doc: Doc, name: str, kind: str, *surface: str) -> Actor:
    """An actor whose mentions are the first occurrence of each surface form."""
    return Actor(name=name, kind=kind, mentions=tuple(mention(doc, s) for s in surface))  # type: ignore[arg-type]


def person(doc: Doc, name: str, *surface: str, affiliation: str | None = None) -> Person:
    """A person whose mentions are the first occurrence of each surface form."""
    return Person(
        name=name, affiliation=affiliation, mentions=tuple(mention(doc, s) for s in surface)
    )


def rules_only(base: Resources | None = None) -> Resources:
    """Resources whose quote stage keeps every quote its rules find: no confidence model judges
    a hand-made parse, which carries no tagger marks (the rest shared with `base`)."""
    return Resources(quotes=QuoteLexicon.rules_only(), base=base or Resources())
