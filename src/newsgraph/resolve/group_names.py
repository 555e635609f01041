"""Armed groups no lexicon knows, kept as groups by the words their names are made of.

Two rules, their names the `origin` of the mentions they make:
- `rule:group-word`: an Arabic group word and the name after it ("Faylaq al-Sham", "Liwa
  Suqour al-Jabal", "Jaish al-Izza"), with or without the NER model's help;
- `rule:armed-group-name`: a name the NER model calls an organisation, made with an English
  group word ("Sultan Murad Division", "Army of Conquest", "Hamza Brigade"); "Front" and
  "Movement", which parties share, only beside a word of armed struggle ("Islamic Front").
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.model import Doc, EntityMention
from newsgraph.resolve.actor_found import Found
from newsgraph.words import words

# Arabic words that open the name of an armed faction: army, legion, brigade, movement, ...
ARABIC_GROUP_WORDS = words(
    "Jaish Jaysh Jeish Faylaq Failaq Liwa Liwaa Harakat Harakah Kataib Katibat Katiba Jabhat "
    "Jebhat Ahrar Jund Saraya Alwiya Alwiyat Tajammu Fawj Usud Suqour"
)
# Particles inside such a name: "Jaish al-Islam", "Ahrar ash-Sham", "Jaish al-Muhajireen wal-Ansar".
NAME_PARTICLES = words("al el ad ash as at an ar az wal wa bin ibn -")
ARMED_WORDS = words(
    "Brigade Brigades Battalion Battalions Division Legion Regiment Militia Militias Army "
    "Corps Guards Mujahideen Mujahidin"
)
SHARED_WORDS = words("Front Movement")  # parties' words as much as armed groups'
STRUGGLE_WORDS = words(
    "Islamic Liberation Resistance Jihad Revolutionary Armed Popular Mujahideen Salvation"
)
_MAX_NAME = 6  # tokens after the group word


def find(doc: Doc, found: Sequence[Found], people: set[int]) -> list[Found]:
    """Named armed groups among the tokens no other source explains; an Arabic group word
    opens no person's name, so one NER calls a person is a group all the same."""
    taken = {i for f in found for i in range(f.first, f.last)}
    out = _arabic_names(doc, taken)
    taken |= people | {i for f in out for i in range(f.first, f.last)}
    return out + _english_names(doc, taken)


def _arabic_names(doc: Doc, taken: set[int]) -> list[Found]:
    out: list[Found] = []
    i = 0
    while i < len(doc.tokens):
        tok = doc.tokens[i]
        if tok.text not in ARABIC_GROUP_WORDS or i in taken:
            i += 1
            continue
        last = _name_end(doc, i + 1, taken)
        if last > i + 1:
            out.append(_group(doc, i, last, "group-word"))
        i = max(last, i + 1)
    return out


def _name_end(doc: Doc, i: int, taken: set[int]) -> int:
    """The end of the name after a group word: particles and capitalised words, ending on a
    capitalised word; `i` itself where no name follows."""
    end = i
    j = i
    while j < len(doc.tokens) and j - i < _MAX_NAME and j not in taken:
        text = doc.tokens[j].text
        if text.lower() in NAME_PARTICLES and doc.tokens[j].sent == doc.tokens[i].sent:
            j += 1
            continue
        if not (text[:1].isupper() and any(c.isalpha() for c in text)):
            break
        j += 1
        end = j
    return end


def _english_names(doc: Doc, taken: set[int]) -> list[Found]:
    out = []
    for e in doc.entities:
        if e.label != "ORG" or any(i in taken for i in range(e.first, e.last)):
            continue
        first, last = _trimmed(doc, e)
        names = {t.text for t in doc.tokens[first:last]}
        armed = bool(names & ARMED_WORDS) and _armed_name(doc, first, last)
        shared = bool(names & SHARED_WORDS) and bool(names & (STRUGGLE_WORDS | ARABIC_GROUP_WORDS))
        if last - first >= 2 and (armed or shared):
            out.append(_group(doc, first, last, "armed-group-name"))
    return out


def _armed_name(doc: Doc, first: int, last: int) -> bool:
    """A group word that belongs to a name: "Army of Conquest", "Hamza Division", not a
    state's service named by its country ("Lebanese Army" is the lexicon's)."""
    return all(
        t.text[:1].isupper() or t.text.lower() in {"of", "the", "-"} for t in doc.tokens[first:last]
    )


def _trimmed(doc: Doc, e: EntityMention) -> tuple[int, int]:
    first = e.first + (1 if doc.tokens[e.first].text.lower() == "the" else 0)
    last = e.last - (1 if doc.tokens[e.last - 1].text in ("'s", "\u2019s") else 0)
    return first, last


def _group(doc: Doc, first: int, last: int, rule: str) -> Found:
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    name = doc.text[start:end]
    return Found(start, end, first, last, name, "armed_group", None, None, f"rule:{rule}")
