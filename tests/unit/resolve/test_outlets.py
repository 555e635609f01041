"""The outlet table: its loader, and the packaged table as the one source of media actors."""

from __future__ import annotations

import json

import pytest

from newsgraph.data_files import read_text
from newsgraph.errors import ResourceError
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.outlets import Outlets, parse_outlets

HEADER = "name\taliases\tcountry\tkind\towner\tsource"


def test_a_row_gives_its_aliases_country_kind_owner_and_source():
    (sana, amaq, sohr) = parse_outlets(
        f"{HEADER}\n"
        "SANA\tSyrian Arab News Agency|SANA news agency\tSyria\tstate\tSyria\thttps://x/SANA\n"
        "Amaq\t\t\tparty\tIslamic State\thttps://x/Amaq\n"
        "Syrian Observatory for Human Rights\tSOHR\tUnited Kingdom\tmonitor\t\thttps://x/SOHR\n"
    )
    assert sana.aliases == ("Syrian Arab News Agency", "SANA news agency")
    assert (sana.country, sana.kind, sana.owner, sana.source) == (
        "Syria",
        "state",
        "Syria",
        "https://x/SANA",
    )
    assert (amaq.aliases, amaq.country, amaq.owner) == ((), None, "Islamic State")
    assert (sana.actor_kind, sohr.actor_kind) == ("media", "organisation")  # a monitor is no medium


@pytest.mark.parametrize(
    "text",
    [
        "name\taliases\tcountry\n",  # a header that is not the table's
        f"{HEADER}\nSANA\t\tSyria\tnews\t\thttps://x\n",  # a kind that is none
        f"{HEADER}\nSANA\t\tSyria\tstate\n",  # a row short of columns
        f"{HEADER}\nSANA\t\tSyria\tstate\t\t\n",  # a row with no source
    ],
)
def test_a_malformed_table_is_an_error(text):
    with pytest.raises(ResourceError):
        parse_outlets(text)


@pytest.fixture(scope="module")
def outlets() -> Outlets:
    return Outlets.load()


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


# The `source` column of the FA-KES corpus, each with the outlet it is.
FAKES_SOURCES = {
    "ahram": "Al-Ahram",
    "manar": "Al-Manar",
    "alalam": "Al-Alam",
    "alaraby": "Al-Araby Al-Jadeed",
    "dailysabah": "Daily Sabah",
    "sana": "SANA",
    "sputnik": "Sputnik",
    "etilaf": "Etilaf",
    "trt": "TRT",
    "jordantimes": "The Jordan Times",
    "reuters": "Reuters",
    "arabiya": "Al Arabiya",
    "nna": "National News Agency",
    "asharqalawsat": "Asharq Al-Awsat",
    "tass": "TASS",
}
WIRES_AND_STATE_MEDIA = (
    "Associated Press", "AFP", "Reuters", "dpa", "EFE", "ANSA", "Kyodo",
    "Xinhua", "TASS", "RIA", "IRNA", "Fars", "Tasnim", "Press TV", "KCNA", "Yonhap", "Anadolu",
    "Saudi Press Agency", "Emirates News Agency", "Qatar News Agency", "Middle East News Agency",
    "Petra News Agency", "Kuwait News Agency", "BBC", "Voice of America",
    "Radio Free Europe/Radio Liberty", "Deutsche Welle", "France 24", "NHK", "CGTN",
    "Al Jazeera", "Al Arabiya", "Interfax", "Sham FM", "Al-Masdar News", "Al Mayadeen",
)  # fmt: skip


def test_every_fakes_outlet_and_main_wire_is_listed(outlets):
    missing = [n for n in (*FAKES_SOURCES.values(), *WIRES_AND_STATE_MEDIA) if n not in outlets]
    assert missing == []


def test_owners_are_documented_states_and_parties(outlets, lexicon):
    assert outlets.get("SANA").owner == "Syria"
    assert outlets.get("Al-Manar").owner == "Hezbollah"
    assert outlets.get("RT").owner == "Russia"
    assert outlets.get("Anadolu").owner == "Turkey"
    assert outlets.get("Etilaf").owner == "Syrian National Coalition"
    assert outlets.get("Reuters").owner is None and outlets.get("Reuters").kind == "wire"
    for outlet in outlets:
        for name in (outlet.country, outlet.owner):
            assert name is None or lexicon.lookup(name) is not None, (outlet.name, name)


def test_the_lexicons_media_actors_are_the_outlet_table(outlets, lexicon):
    media = {e.name for e in lexicon.entries() if e.kind == "media"}
    assert media == {o.name for o in outlets if o.actor_kind == "media"}
    for outlet in outlets:
        entry = lexicon.lookup(outlet.name)
        assert entry is not None and entry.name == outlet.name
        assert (entry.kind, entry.country) == (outlet.actor_kind, outlet.country)


def test_curated_actors_hold_no_outlet():
    curated = json.loads(read_text("actors/curated.json"))["actors"]
    assert [a["name"] for a in curated if a["kind"] == "media"] == []
