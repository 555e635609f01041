"""What a personal pronoun tells: person, number and gender, read from the parser's morphology.

spaCy fills `Token.morph` ("Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs"); the
rules ask these facts of a token instead of keeping their own word lists. A hand-built parse
in a unit test has no morphology: there the word itself is looked up in `WORDS`, the same
facts spaCy's English tables give. Reflexives ("himself") are not read as references.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model import Token


@dataclass(frozen=True, slots=True)
class Pronoun:
    """A personal pronoun's features: person "1"/"2"/"3", number "Sing"/"Plur", gender
    "Masc"/"Fem"/"Neut" or "" where the word does not say."""

    person: str
    number: str
    gender: str = ""
    case: str = ""  # "Nom" (he, they), "Acc" (him, them), "" for possessives and "her"

    @property
    def a_person(self) -> bool:
        """He, she and their other cases: one person, man or woman."""
        return self.person == "3" and self.number == "Sing" and self.gender in {"Masc", "Fem"}

    @property
    def a_group(self) -> bool:
        """They, them, their: a party or several."""
        return self.person == "3" and self.number == "Plur"

    @property
    def a_thing(self) -> bool:
        """It and its: a state or an organisation, as often as a thing."""
        return self.person == "3" and self.gender == "Neut"


WORDS: dict[str, Pronoun] = {
    "he": Pronoun("3", "Sing", "Masc", "Nom"),
    "him": Pronoun("3", "Sing", "Masc", "Acc"),
    "his": Pronoun("3", "Sing", "Masc"),
    "she": Pronoun("3", "Sing", "Fem", "Nom"),
    **dict.fromkeys(("her", "hers"), Pronoun("3", "Sing", "Fem")),
    "it": Pronoun("3", "Sing", "Neut"),
    "its": Pronoun("3", "Sing", "Neut"),
    "they": Pronoun("3", "Plur", case="Nom"),
    "them": Pronoun("3", "Plur", case="Acc"),
    "their": Pronoun("3", "Plur"),
    "i": Pronoun("1", "Sing", case="Nom"),
    **dict.fromkeys(("me", "my"), Pronoun("1", "Sing")),
    "we": Pronoun("1", "Plur", case="Nom"),
    **dict.fromkeys(("us", "our"), Pronoun("1", "Plur")),
    **dict.fromkeys(("you", "your"), Pronoun("2", "")),
}


def pronoun(tok: Token) -> Pronoun | None:
    """The token's features as a personal pronoun, or None when it is not one."""
    if tok.morph:
        feats = dict(f.split("=", 1) for f in tok.morph.split("|") if "=" in f)
        if feats.get("PronType") != "Prs" or feats.get("Reflex") == "Yes":
            return None
        if "Person" in feats:
            number, gender = feats.get("Number", ""), feats.get("Gender", "")
            return Pronoun(feats["Person"], number, gender, feats.get("Case", ""))
    return WORDS.get(tok.text.casefold())


def word_pronoun(text: str) -> Pronoun | None:
    """The features of a pronoun given as text alone (a quote's speaker words, gold data)."""
    return WORDS.get(text.strip().casefold())
