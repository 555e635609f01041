"""Which verbs and nouns name a PLOVER event, with its CAMEO code and mode.

The tables in `newsgraph/data/events/` are built by `scripts/build_event_data.py` from the
PETRARCH2 CAMEO verb dictionary and the CAMEO2PLOVER-2021 table (see ATTRIBUTION.md there),
plus curated nouns. Decisions an analyst should know about:

- CAMEO 01 (010-019, MAKE PUBLIC STATEMENT) has no PLOVER type, so none of its verbs is a
  trigger: plain speech ("say", "tell", "state", "announce") is the quote stage's job, and
  012 "pessimistic comment" or 016 "deny" are a stance or an event status, not an event.
  Their patterns stay as blockers: "express concern" is not an accusation (`blocked`).
- CAMEO 02 APPEAL reads as the matching CAMEO 10 DEMAND code: PLOVER folds both into REQUEST.
- Verbs that CAMEO lists as WordNet synonyms but that fire on ordinary prose ("take",
  "think", "increase", "fail") are left out; they trigger only through a pattern. A few
  verbs get the code analysts expect ("withdraw" RETREAT, "negotiate" CONSULT); the lists
  and reasons are in `scripts/event_curation.py`.
- A pattern can run backwards (`reversed`): in "X faced criticism" the critic is the object.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from newsgraph.data_files import read_text
from newsgraph.errors import ResourceError
from newsgraph.extract.event_parties import Role, read_roles
from newsgraph.model import PLOVER_TYPES

DATA_DIR = "events"
TriggerSource = Literal["cameo-verb", "cameo-pattern", "curated-noun"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word means: its PLOVER type, CAMEO code and mode, and where it came from."""

    plover: str  # one of PLOVER_TYPES
    cameo: str | None  # CAMEO code, e.g. "190"
    mode: str | None  # PLOVER mode, e.g. "air strike", "arrest"
    source: str  # "cameo-verb" | "cameo-pattern" | "curated-noun"
    reversed: bool = False  # the event runs from the verb's object to its subject


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A verb pattern: each slot lists alternatives, an alternative is words that must all occur."""

    slots: tuple[tuple[tuple[str, ...], ...], ...]
    trigger: Trigger | None  # None: CAMEO codes the phrase as no event

    def matches(self, bag: frozenset[str]) -> bool:
        """Whether every slot has an alternative whose words are all in `bag`."""
        return all(any(all(w in bag for w in alt) for alt in slot) for slot in self.slots)


class EventLexicon:
    """Look-ups from a verb or noun lemma (and the words around it) to a PLOVER trigger."""

    def __init__(
        self,
        verbs: dict[str, Trigger],
        nouns: dict[str, Trigger],
        patterns: dict[str, tuple[PatternRule, ...]],
        roles: dict[str, Role] | None = None,
        scale: dict[str, float] | None = None,
    ) -> None:
        self._verbs = verbs
        self._nouns = nouns
        self.roles: dict[str, Role] = roles or {}  # side nouns: "rebels" -> opposition
        self._scale = scale or {}  # CAMEO code -> Goldstein score
        # Most specific rule first, so the first match is the one to take.
        self._patterns = {
            lemma: tuple(sorted(rules, key=lambda r: -len(r.slots)))
            for lemma, rules in patterns.items()
        }

    @classmethod
    def load(cls) -> EventLexicon:
        """The lexicon from the packaged tables."""
        synsets = {row[0]: _alternatives(row[1]) for row in _read_rows("synsets.tsv", 2)}
        verbs = {
            lemma: _trigger(plover, cameo, mode, "cameo-verb")
            for lemma, cameo, plover, mode in _read_rows("verbs.tsv", 4)
        }
        nouns = {
            phrase: _trigger(plover, cameo, mode, "curated-noun")
            for phrase, plover, mode, cameo in _read_rows("nouns.tsv", 4)
        }
        patterns: dict[str, list[PatternRule]] = {}
        for lemma, words, cameo, plover, mode, backwards in _read_rows("verb_patterns.tsv", 6):
            slots = tuple(synsets.get(w) or _alternatives(w) for w in words.split())
            trigger = None
            if plover:
                trigger = _trigger(plover, cameo, mode, "cameo-pattern", backwards == "1")
            patterns.setdefault(lemma, []).append(PatternRule(slots, trigger))
        roles = read_roles([(word, role) for word, role in _read_rows("parties.tsv", 2)])
        scale = {code: float(value) for code, value in _read_rows("goldstein.tsv", 2)}
        return cls(verbs, nouns, {k: tuple(v) for k, v in patterns.items()}, roles, scale)

    def goldstein(self, cameo: str | None) -> float | None:
        """The Goldstein score of a CAMEO code, else of its nearest listed parent ("1832" ->
        "183" when only that is listed, down to the two-digit root)."""
        code = (cameo or "").strip()
        while code:
            if code in self._scale:
                return self._scale[code]
            code = code[:-1] if len(code) > 2 else ""
        return None

    def verb(self, lemma: str, particle: str | None = None) -> Trigger | None:
        """The trigger of a verb lemma; "shoot" with particle "down" tries "shoot down" first."""
        key = lemma.strip().lower()
        if particle and (found := self._verbs.get(f"{key} {particle.strip().lower()}")):
            return found
        return self._verbs.get(key)

    def noun(self, lemma: str, modifier: str | None = None) -> Trigger | None:
        """The trigger of a noun; "strike" with modifier "air" tries "air strike" first."""
        key = lemma.strip().lower()
        if modifier and (found := self._noun(f"{modifier.strip().lower()} {key}")):
            return found
        return self._noun(key)

    def pattern(self, lemma: str, words: Sequence[str]) -> Trigger | None:
        """The most specific pattern of `lemma` whose words all occur in `words`."""
        bag = _bag(words)
        for rule in self._patterns.get(lemma.strip().lower(), ()):
            if rule.trigger is not None and rule.matches(bag):
                return rule.trigger
        return None

    def blocked(self, lemma: str, words: Sequence[str]) -> bool:
        """Whether CAMEO codes this verb with these words as no event ("killed in accident").

        A matching event pattern wins: "launch initiative" is a statement (014) but "launch
        initiative" is also listed as 036, so it is not blocked.
        """
        if self.pattern(lemma, words) is not None:
            return False
        bag = _bag(words)
        rules = self._patterns.get(lemma.strip().lower(), ())
        return any(rule.trigger is None and rule.matches(bag) for rule in rules)

    def _noun(self, key: str) -> Trigger | None:
        """A noun phrase as written, then with its hyphens closed up or opened ("air-strike")."""
        for form in (key, key.replace("-", ""), key.replace("-", " ")):
            if (found := self._nouns.get(form)) is not None:
                return found
        return None


def _bag(words: Sequence[str]) -> frozenset[str]:
    """Lower-cased words with naive singular and plural forms, so "rallies" meets "rally"."""
    bag: set[str] = set()
    for word in words:
        w = word.lower()
        bag |= {w, w + "s", w + "es"}
        if len(w) > 3 and w.endswith("ies"):
            bag.add(w[:-3] + "y")
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            bag |= {w[:-1], w[:-2] if w.endswith("es") else w[:-1]}
    return frozenset(bag)


def _alternatives(text: str) -> tuple[tuple[str, ...], ...]:
    """`a|b c` -> (("a",), ("b", "c")): either "a", or "b" and "c" together."""
    return tuple(tuple(alt.split()) for alt in text.split("|") if alt)


def _trigger(
    plover: str, cameo: str, mode: str, source: TriggerSource, backwards: bool = False
) -> Trigger:
    """A Trigger from table cells, refusing a type PLOVER does not have."""
    if plover not in PLOVER_TYPES:
        msg = f"event lexicon names an unknown PLOVER type {plover!r}: rebuild it"
        raise ResourceError(msg)
    return Trigger(plover, cameo or None, mode or None, source, backwards)


def _read_rows(name: str, width: int) -> Iterator[list[str]]:
    """The data rows of a packaged TSV, past its `#` comments and its header line."""
    text = read_text(f"{DATA_DIR}/{name}", "scripts/build_event_data.py")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != width:
            msg = f"event data {name!r} has a malformed row: {line!r}"
            raise ResourceError(msg)
        yield cells
