from pathlib import Path

from newsgraph.eval.lgl import GoldToponym, kind_of_feature, read_lgl
from newsgraph.eval.place_scores import PlaceTally, PredictedPlace, haversine_km, score_places

XML = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><text><![CDATA[Fire in Alexandria, Louisiana.]]></text>
<toponyms count="2"><toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
<gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass><fcode>PPL</fcode>
<lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
<toponym><start>20</start><end>29</end><phrase>Louisiana</phrase></toponym></toponyms>
</article></articles>"""


def test_read_lgl(tmp_path: Path):
    path = tmp_path / "lgl.xml"
    path.write_text(XML, encoding="utf-8")
    (article,) = read_lgl(path)
    city, state = article.toponyms
    assert article.text[city.start : city.end] == "Alexandria"
    assert (city.geonames_id, city.kind, city.lat) == (4314550, "city", 31.3113)
    assert state.geonames_id is None and state.lat is None


def test_kinds_from_feature_codes():
    assert kind_of_feature("A", "PCLI") == "country"
    assert kind_of_feature("A", "ADM1") == "admin region"
    assert kind_of_feature("P", "PPLA") == "city"
    assert kind_of_feature("H", "STM") == "other"


def test_haversine():
    assert round(haversine_km(0, 0, 0, 1)) == 111
    assert haversine_km(31.3, -92.4, 31.3, -92.4) == 0


def test_scores_recognition_and_161km():
    gold = [
        GoldToponym(0, 10, "Alexandria", 4314550, 31.31, -92.45, "city"),
        GoldToponym(20, 29, "Egypt", 357994, 27.0, 30.0, "country"),
        GoldToponym(40, 45, "Nowhere", None, None, None, "other"),
    ]
    predicted = [
        PredictedPlace(0, 10, 31.0, -92.5, 1),  # 35 km off, another id
        PredictedPlace(20, 29, 31.2, 29.9, 357994),  # Alexandria, Egypt: 467 km from Egypt's centre
        PredictedPlace(50, 55, None, None, None),  # not a gold toponym
    ]
    tallies: dict[str, PlaceTally] = {}
    score_places(gold, predicted, tallies)
    t = tallies["all"]
    assert t.recognition() == (2 / 3, 2 / 3, 2 / 3)
    assert (t.resolvable, t.within, t.same_id) == (2, 1, 1)
    assert tallies["city"].accuracy() == 1.0 and tallies["country"].accuracy() == 0.0


def test_found_accuracy_and_the_slice_without_demonyms():
    gold = [
        GoldToponym(0, 8, "American", 6252001, 39.76, -98.5, "country"),
        GoldToponym(20, 29, "Tennessee", 4662168, 35.75, -86.25, "admin region"),
        GoldToponym(40, 46, "Athens", 4180386, 33.96, -83.38, "city"),
    ]
    predicted = [
        PredictedPlace(0, 8, 39.76, -98.5, 6252001),  # the demonym, right
        PredictedPlace(40, 46, 37.98, 23.73, 264371),  # Athens, Greece: wrong
    ]
    tallies: dict[str, PlaceTally] = {}
    score_places(gold, predicted, tallies, demonym=lambda g: g.phrase == "American")
    whole, plain = tallies["all"], tallies["all but demonyms"]
    assert (whole.accuracy(), whole.accuracy_found()) == (1 / 3, 1 / 2)
    assert (plain.gold, plain.found, plain.predicted, plain.predicted_right) == (2, 1, 1, 1)
    assert (plain.accuracy(), plain.accuracy_found()) == (0.0, 0.0)
