from newsgraph.model import Article
from newsgraph.normalize.clean import (
    clean,
    document_id,
    fix_spacing,
    normalise_characters,
    normalise_keeping_offsets,
)


def test_title_and_bullet_byline_are_split_off():
    doc = clean(
        Article(
            "a.txt", "Syria : Top general killed\n\nFirst line.\n\nSecond.\n\n  \u2022 Joey Payne"
        )
    )
    assert doc.title == "Syria: Top general killed"
    assert doc.byline == "Joey Payne"
    assert doc.text == "First line.\n\nSecond."


def test_by_line_at_the_top_is_a_byline():
    doc = clean(Article("a.txt", "Title here\nBy Jane Q. Smith\n\nBody text."))
    assert doc.byline == "Jane Q. Smith"
    assert doc.text == "Body text."


def test_a_closing_sentence_is_not_taken_for_a_byline():
    doc = clean(Article("a.txt", "Title\n\nBody.\n\nBy then it was over."))
    assert doc.byline is None
    assert doc.text.endswith("By then it was over.")
    doc = clean(Article("a.txt", "Title\n\nBody.\n\nBy Jane Smith"))  # a name: the byline
    assert (doc.byline, doc.text) == ("Jane Smith", "Body.")


def test_stray_spaces_in_compounds_and_before_punctuation():
    assert fix_spacing("the USA -backed forces , and the US- led coalition") == (
        "the USA-backed forces, and the US-led coalition"
    )
    assert fix_spacing("a - b") == "a - b"


def test_quotes_dashes_and_spaces_are_normalised():
    text = normalise_characters("\u201cYes,\u201d he said\u2014it\u2019s\u00a0done\u200b.")
    assert text == '"Yes," he said - it\'s done.'


def test_document_id_is_stable_and_prefers_the_url():
    assert document_id(None, "A  b\nc") == document_id(None, "a b c")
    assert document_id("https://x.org/a", "one") == document_id("HTTPS://x.org/a ", "two")
    assert document_id(None, "one") != document_id(None, "two")


def test_two_apostrophes_are_a_quotation_mark_and_apostrophes_stay():
    text = "''It's reform,'' said Cole. ''Yes.'' Rock 'n' roll, the 90's, the mechanics'' of it"
    assert normalise_characters(text) == (
        '"It\'s reform," said Cole. "Yes." Rock \'n\' roll, the 90\'s, the mechanics" of it'
    )
    kept = normalise_keeping_offsets(text)
    assert len(kept) == len(text)  # gold offsets stay valid
    assert kept.startswith(' "It\'s reform,"  said Cole.  "Yes."')
