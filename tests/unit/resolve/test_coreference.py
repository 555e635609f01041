"""references.v1 on hand-built parses: each rule, with a twin that must not resolve."""

from dataclasses import replace

from handmade import actor, build_doc, mention
from newsgraph.model import Person
from newsgraph.resolve.coreference import RULES, resolve_references
from newsgraph.resolve.gender import FirstNames
from newsgraph.resources import Resources

NAMES = FirstNames({"rami": "m", "maria": "f"})
RES = Resources(first_names=NAMES)

# "Rami Haddad said . / Maria Lopez spoke . / He added ." (and "She added ." in the twin)
TWO_PEOPLE = """
Rami Rami PROPN NNP compound 1
Haddad Haddad PROPN NNP nsubj 2
said say VERB VBD ROOT 2
. . PUNCT . punct 2
/
Maria Maria PROPN NNP compound 5
Lopez Lopez PROPN NNP nsubj 6
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6
/
{pronoun} {pronoun_lower} PRON PRP nsubj 9
added add VERB VBD ROOT 9
. . PUNCT . punct 9
"""


def _people_doc(pronoun: str):
    doc = build_doc(TWO_PEOPLE.format(pronoun=pronoun, pronoun_lower=pronoun.lower()))
    people = (
        Person("Rami Haddad", mentions=(mention(doc, "Rami Haddad"),)),
        Person("Maria Lopez", mentions=(mention(doc, "Maria Lopez"),)),
    )
    return replace(doc, people=people)


def _resolved(doc, words: str):
    at = mention(doc, words)
    found = [c for c in doc.coreferences if c.start == at.start and c.end == at.end]
    assert found, f"no coreference recorded for {words!r}"
    return found[0]


def test_he_skips_a_woman_for_a_man_named_before_her():
    doc = resolve_references(_people_doc("He"), RES)
    ref = _resolved(doc, "He")
    assert (ref.name, ref.method, ref.kind) == ("Rami Haddad", "pronoun-person", "person")


def test_she_takes_the_woman():
    doc = resolve_references(_people_doc("She"), RES)
    assert _resolved(doc, "She").name == "Maria Lopez"


def test_gender_from_a_title_word_beats_the_name_list():
    doc = _people_doc("She")
    doc = replace(
        doc,
        people=(
            Person("Rami Haddad", title="spokeswoman", mentions=doc.people[0].mentions),
            Person("Maria Lopez", title="chairman", mentions=doc.people[1].mentions),
        ),
    )
    assert _resolved(resolve_references(doc, RES), "She").name == "Rami Haddad"


# "The Observatory reported deaths . / It said ." and "It was unclear ."
PARTY = """
The the DET DT det 1
Observatory Observatory PROPN NNP nsubj 2
reported report VERB VBD ROOT 2
deaths death NOUN NNS dobj 2
. . PUNCT . punct 2
/
It it PRON PRP nsubj 6
{verb} {lemma} {pos} VBD ROOT 6
{rest}
. . PUNCT . punct 6
"""


def _party_doc(verb: str, lemma: str, pos: str, rest: str):
    doc = build_doc(PARTY.format(verb=verb, lemma=lemma, pos=pos, rest=rest))
    sohr = actor(doc, "Syrian Observatory for Human Rights", "organisation", "Observatory")
    return replace(doc, actors=(sohr,))


def test_it_said_is_the_party_that_spoke_before():
    doc = resolve_references(_party_doc("said", "say", "VERB", ""), RES)
    ref = _resolved(doc, "It")
    assert (ref.name, ref.method) == ("Syrian Observatory for Human Rights", "pronoun-party")


def test_it_was_unclear_refers_to_no_party():
    doc = resolve_references(_party_doc("was", "be", "AUX", "unclear unclear ADJ JJ acomp 6"), RES)
    assert [c.text for c in doc.coreferences] == []


def test_he_never_refers_to_a_party():
    doc = build_doc(
        PARTY.format(verb="said", lemma="say", pos="VERB", rest="").replace(
            "It it PRON", "He he PRON"
        )
    )
    doc = replace(doc, actors=(actor(doc, "SOHR", "organisation", "Observatory"),))
    ref = _resolved(resolve_references(doc, RES), "He")
    assert ref.name is None


# "the High Negotiations Committee ( HNC ) met . / HNC said ." and the same with "( HN )"
ACRONYM = """
the the DET DT det 3
High High PROPN NNP compound 3
Negotiations Negotiations PROPN NNP compound 3
Committee Committee PROPN NNP nsubj 7
( ( PUNCT -LRB- punct 3
{acr} {acr} PROPN NNP appos 3
) ) PUNCT -RRB- punct 3
met meet VERB VBD ROOT 7
. . PUNCT . punct 7
/
{acr} {acr} PROPN NNP nsubj 10
said say VERB VBD ROOT 10
. . PUNCT . punct 10
"""


def test_an_acronym_is_its_long_form_in_brackets():
    doc = resolve_references(build_doc(ACRONYM.format(acr="HNC")), RES)
    later = [c for c in doc.coreferences if c.method == "acronym"]
    assert {c.name for c in later} == {"High Negotiations Committee"}
    assert len(later) == 2


def test_letters_that_do_not_spell_the_long_form_are_no_acronym():
    doc = resolve_references(build_doc(ACRONYM.format(acr="HNX")), RES)
    assert not [c for c in doc.coreferences if c.method == "acronym"]


# "Hezbollah said X . / The statement added Y ." -> the statement is Hezbollah's
DOCUMENT = """
{party} {party} PROPN NNP nsubj 1
said say VERB VBD ROOT 1
. . PUNCT . punct 1
/
The the DET DT det 4
statement statement NOUN NN nsubj 5
added add VERB VBD ROOT 5
. . PUNCT . punct 5
"""


def test_the_statement_speaks_for_the_party_that_spoke():
    doc = build_doc(DOCUMENT.format(party="Hezbollah"))
    doc = replace(doc, actors=(actor(doc, "Hezbollah", "armed_group", "Hezbollah"),))
    ref = _resolved(resolve_references(doc, RES), "The statement")
    assert (ref.name, ref.method) == ("Hezbollah", "document")


def test_the_statement_of_no_one_stays_unresolved():
    doc = resolve_references(build_doc(DOCUMENT.format(party="Rain")), RES)
    assert not doc.coreferences


def test_rules_are_ordered_and_named():
    names = [name for name, _ in RULES]
    assert names[0] == "acronym" and len(names) == len(set(names))
    assert names.index("nominal") < names.index("pronoun-party")


def test_first_name_list_reads_its_columns_and_drops_names_of_both_genders():
    text = "\n".join(
        [
            "# comment",
            "M  Hisham" + " " * 20 + "6",
            "F  Maysa" + " " * 21 + "3",
            "?  Noor" + " " * 22 + "3",
            "M  Kim" + " " * 23 + "1",
            "F  Kim" + " " * 23 + "1",
        ]
    )
    names = FirstNames.parse(text)
    assert names.gender("Hisham") == "m" and names.gender("MAYSA") == "f"
    assert names.gender("Noor") is None and names.gender("Kim") is None


# "The Syrian National Coalition met . / The {noun} said ." beside a US-led coalition
NOMINAL = """
The the DET DT det 3
Syrian Syrian PROPN NNP compound 3
National National PROPN NNP compound 3
Coalition Coalition PROPN NNP nsubj 4
met meet VERB VBD ROOT 4
. . PUNCT . punct 4
/
the the DET DT det 9
US US PROPN NNP npadvmod 8
led lead VERB VBN amod 9
coalition coalition NOUN NN nsubj 10
struck strike VERB VBD ROOT 10
. . PUNCT . punct 10
/
The the DET DT det {head}
{words}
said say VERB VBD ROOT {root}
. . PUNCT . punct {root}
"""


def _nominal_doc(words: list[str]):
    head = 13 + len(words) - 1  # the phrase's last word; the verb follows it
    last = len(words) - 1
    rows = "\n".join(
        f"{w} {w.lower()} {'PROPN' if w[0].isupper() else 'NOUN'} NN "
        + (f"nsubj {head + 1}" if i == last else f"compound {head}")
        for i, w in enumerate(words)
    )
    doc = build_doc(NOMINAL.format(head=head, words=rows, root=head + 1))
    coalition = actor(doc, "Syrian National Coalition", "organisation", "Syrian National Coalition")
    us_led = actor(doc, "US-led coalition", "alliance", "US led coalition")
    return replace(doc, actors=(coalition, us_led))


def test_the_coalition_is_the_coalition_named_with_its_words():
    doc = resolve_references(_nominal_doc(["National", "Coalition"]), RES)
    ref = _resolved(doc, "The National Coalition")
    assert (ref.name, ref.method) == ("Syrian National Coalition", "nominal")


def test_a_word_the_name_lacks_keeps_a_nominal_from_a_party():
    doc = resolve_references(_nominal_doc(["Turkish", "coalition"]), RES)
    assert not [c for c in doc.coreferences if c.method == "nominal"]
