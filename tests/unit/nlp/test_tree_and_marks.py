from handmade import build_doc
from newsgraph.extract.quote_marks import quoted_spans
from newsgraph.model import Doc, EntityMention, Sentence, Token
from newsgraph.nlp.parse import parse
from newsgraph.nlp.tree import Tree, trim
from newsgraph.resources import Resources

# "Citing TV , the AP said that the strike hit ."
ROWS = """
Citing cite VERB VBG advcl 5
TV TV NOUN NN dobj 0
, , PUNCT , punct 5
the the DET DT det 4
AP AP PROPN NNP nsubj 5
said say VERB VBD ROOT 5
that that SCONJ IN mark 9
the the DET DT det 8
strike strike NOUN NN nsubj 9
hit hit VERB VBD ccomp 5
. . PUNCT . punct 5
"""


def test_subtree_span_and_subject_inheritance():
    doc = build_doc(ROWS)
    tree = Tree(doc.tokens)
    assert tree.span(9) == (6, 10)
    assert trim(doc.tokens, 6, 10) == (7, 10)  # "that" is not content
    assert tree.subject(0).text == "AP"  # a participle takes its governing verb's subject
    assert [t.text for t in tree.children(5, "nsubj", "ccomp")] == ["AP", "hit"]
    assert tree.is_below(8, 5) and not tree.is_below(5, 8)


def test_quoted_spans_pair_marks_and_run_open_quotes_to_paragraph_end():
    text = 'He said "one" and "two".\n\n"Three, he added.\n\nNo quote here.'
    spans = [text[q.start : q.end] for q in quoted_spans(text)]
    assert spans == ["one", "two", "Three, he added."]


class StubParser:
    def parse(self, text):
        tok = Token(0, 0, 5, "Hello", "hello", "INTJ", "UH", "ROOT", 0)
        return (tok,), (Sentence(0, 5, 0, 1),), (EntityMention(0, 5, "Hello", "ORG", 0, 1),)


def test_parse_stage_fills_tokens_sentences_entities():
    doc = parse(Doc(id="d", source="s", text="Hello"), Resources(parser=StubParser()))
    assert [t.text for t in doc.tokens] == ["Hello"]
    assert len(doc.sentences) == 1 and doc.entities[0].label == "ORG"
