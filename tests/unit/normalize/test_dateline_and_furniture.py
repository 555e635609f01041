"""The article's own dateline, and page furniture marked on real FA-KES pages."""

from __future__ import annotations

import csv

import pytest

from conftest import shared_path
from newsgraph.model import Article
from newsgraph.normalize.boilerplate import find_boilerplate
from newsgraph.normalize.clean import clean
from newsgraph.normalize.dateline import read_dateline

FAKES = "corpus/fakes/FA-KES-Dataset.csv"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use", "2017-04-05"),
        ("Sun Apr 16 2017 Death toll in bomb attack on Syria evacuees rises", "2017-04-16"),
        ("Date of publication 7 October 2016 Shelling in West Aleppo left 11 dead", "2016-10-07"),
        ("Posted on August 3 2016 by Jordan Dakamseh Toxic Gas Dropped", "2016-08-03"),
        ("Last updated at Apr 152017 A suicide car bomb attack on buses", "2017-04-15"),
        ("05-04-2016 Many Civilians Martyred as Terrorists Shell Aleppo.", "2016-04-05"),
        ("23.04.2017) Get short URL 4430 The Israel Defense Forces", "2017-04-23"),
        (
            "BEIRUT, Sept 3 (Reuters) - Syrian government forces",
            "2016-09-03",
        ),  # year of publication
    ],
)
def test_datelines_in_the_layouts_outlets_use(text: str, day: str) -> None:
    assert read_dateline(text, "2016-09-10") == day


def test_a_date_deep_in_the_story_is_no_dateline() -> None:
    text = "Rebels said the offensive went on. " * 8 + "It began on 3 June 2016."
    assert read_dateline(text, None) is None
    text = "It began on 3 June 2016. " + "Rebels said the offensive went on. " * 8
    assert read_dateline(text, None) == "2016-06-03"  # the same date at the top: the dateline


def test_a_year_less_wire_dateline_needs_a_publication_year() -> None:
    assert read_dateline("BEIRUT, Sept 3 (Reuters) - fighting", None) is None
    assert read_dateline("BEIRUT, Sept 3 (Reuters) - fighting", "2016-09-10") == "2016-09-03"


def test_furniture_is_marked_and_the_text_left_as_it_is() -> None:
    body = (
        "Warplanes struck Douma on Sunday killing 12 civilians. Rescue workers searched the "
        "rubble. (Source: Syrian Coalition) Twitter Related News Iraqs vote violations | The "
        "global gag rule | Slovenian elections"
    )
    doc = clean(Article("x", body, title="Strikes on Douma"))
    assert doc.text == body  # offsets still match the source
    marked = " ".join(f.text for f in doc.furniture)
    assert "(Source: Syrian Coalition) Twitter" in marked
    assert "Related News Iraqs vote violations" in marked
    assert "Warplanes struck Douma" not in marked  # the story itself stays


def test_related_early_in_a_story_is_the_story() -> None:
    related = "Related Geneva talks opened on Monday."
    story = "The envoy met both sides. " * 10
    assert not [f for f in find_boilerplate(related + " " + story) if f.rule == "related-headlines"]
    late = [f.rule for f in find_boilerplate(story + related)]  # after the story: furniture
    assert late == ["related-headlines"]


def test_real_pages_lose_their_share_lines_and_keep_their_stories() -> None:
    with shared_path(FAKES).open(encoding="latin-1") as stream:
        rows = list(csv.DictReader(stream))
    trt = [r["article_content"] for r in rows if r["source"] == "trt"]
    marked = [find_boilerplate(t) for t in trt]
    assert sum(1 for m in marked if any(f.rule == "site-chrome" for f in m)) >= 15
    for text, found in zip(trt, marked, strict=True):
        first_sentence = text.split(". ")[0]
        assert not any(f.start < len(first_sentence) for f in found if f.rule != "credit")
