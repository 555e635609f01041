"""`gazetteer import`: GeoNames dumps (made here, in GeoNames' format) into the imports file;
the gazetteer's lookups with and without them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import newsgraph.resolve.gazetteer_import as importer
from geonames_dumps import HAMLET, VILLAGE, line, somalia, syria, write_zip
from newsgraph.errors import BadDump, ResourceError
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.gazetteer_import import import_dump
from newsgraph.resolve.gazetteer_imported import FILE_NAME, ImportedPlaces
from newsgraph.resolve.geonames_dump import read_dump


def test_a_dump_is_read_line_by_line_keeping_places_and_regions(tmp_path: Path):
    rows = list(read_dump(write_zip(tmp_path / "SY.zip", "SY", syria())))
    by_name = {r.name: r for r in rows}
    # the mountain (class T) and the historical village (PPLH) are left out
    assert set(by_name) == {"Idlib", "Harim District", VILLAGE[0], HAMLET[0]}
    village = by_name[VILLAGE[0]]
    assert (village.kind, village.admin1, village.admin2_code) == ("city", "12", "SY1203")
    assert (village.lat, village.lon, village.population) == (VILLAGE[1], VILLAGE[2], 2300)
    # Latin alternates kept, the Arabic one left (the index keys Latin spellings)
    assert village.names == (VILLAGE[0], "Kafr Zeitounat", "Kfar Zaytunat")
    assert by_name["Idlib"].kind == "admin1" and by_name["Harim District"].kind == "admin2"


def test_import_then_info_lists_the_countries(tmp_path: Path):
    result = import_dump(write_zip(tmp_path / "SY.zip", "SY", syria()), tmp_path / "cache")
    assert result.status == "imported" and result.taken == ("SY",)
    assert result.places == 4
    result = import_dump(write_zip(tmp_path / "SO.zip", "SO", somalia()), tmp_path / "cache")
    assert result.taken == ("SO",)
    imported = ImportedPlaces.open(tmp_path / "cache" / FILE_NAME)
    assert imported is not None
    listed = {c.country: c for c in imported.countries()}
    assert set(listed) == {"SY", "SO"}  # the second import kept the first one's country
    assert (listed["SY"].file, listed["SY"].places, listed["SY"].modified) == (
        "SY.zip",
        4,
        "2024-03-01",
    )
    assert listed["SO"].places == 2 and listed["SO"].names >= 6


def test_the_same_file_twice_changes_nothing(tmp_path: Path):
    dump = write_zip(tmp_path / "SY.zip", "SY", syria())
    import_dump(dump, tmp_path)
    target = tmp_path / FILE_NAME
    before = (target.read_bytes(), target.stat().st_mtime_ns)
    again = import_dump(dump, tmp_path)
    assert again.status == "unchanged"
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before


def test_a_newer_file_replaces_its_countrys_rows_and_an_older_one_does_not(tmp_path: Path):
    import_dump(write_zip(tmp_path / "v1.zip", "SY", syria("2024-03-01")), tmp_path)
    moved = syria("2024-06-01", village_at=(36.0, 36.7))[:3]  # the hamlet was dropped
    newer = import_dump(write_zip(tmp_path / "v2.zip", "SY", moved), tmp_path)
    assert newer.status == "imported" and newer.taken == ("SY",)
    places = ImportedPlaces(tmp_path / FILE_NAME)
    assert _coordinates(places, VILLAGE[0]) == [(36.0, 36.7)]
    assert _coordinates(places, HAMLET[0]) == []  # replaced, not added to
    older = import_dump(write_zip(tmp_path / "v0.zip", "SY", syria("2023-12-01")), tmp_path)
    assert older.status == "older" and older.kept == ("SY",)
    assert _coordinates(ImportedPlaces(tmp_path / FILE_NAME), VILLAGE[0]) == [(36.0, 36.7)]


def _coordinates(places: ImportedPlaces, name: str) -> list[tuple[float, float]]:
    from newsgraph.resolve.gazetteer import checksum
    from newsgraph.resolve.placenames import exact_key, name_key

    return [(r.lat, r.lon) for r in places.lookup(name_key(name), checksum(exact_key(name)))]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text\n", r"line 1 has 1 tab-separated columns where a GeoNames dump has 19"),
        (b"", r"empty, not a GeoNames dump"),
        (b"\xff\xfe\x00garbage\t" * 3, r"line 1 is not UTF-8"),
        (
            "\t".join(["x", "Qasr", "Qasr", "", "north", "east", "P", "PPL", "SY"] + [""] * 9)
            + "\t2024-01-01\n",
            r"line 1: invalid literal for int",
        ),
    ],
)
def test_a_file_that_is_no_dump_is_refused_naming_it(tmp_path: Path, content, message):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(BadDump, match=rf"notes\.txt: {message}"):
        import_dump(bad, tmp_path / "cache")
    assert not (tmp_path / "cache" / FILE_NAME).exists()


def test_a_damaged_zip_is_refused_and_the_old_imports_stay(tmp_path: Path):
    import_dump(write_zip(tmp_path / "SO.zip", "SO", somalia()), tmp_path)
    target = tmp_path / FILE_NAME
    before = target.read_bytes()
    many = syria() + [
        line(9_200_000 + i, f"Village {i}", 35.0, 36.0, "P", "PPL", "SY") for i in range(3000)
    ]
    good = write_zip(tmp_path / "SY.zip", "SY", many).read_bytes()
    damaged = tmp_path / "SY-damaged.zip"
    middle = len(good) // 2
    damaged.write_bytes(
        good[:middle] + bytes(b ^ 0xFF for b in good[middle : middle + 64]) + good[middle + 64 :]
    )
    # damage shows as a bad checksum, or as lines that are no dump lines, whichever comes first
    with pytest.raises(BadDump, match=r"SY-damaged\.zip: (damaged|line [\d,]+ )"):
        import_dump(damaged, tmp_path)
    assert target.read_bytes() == before
    truncated = tmp_path / "SY-cut.zip"
    truncated.write_bytes(good[:middle])
    with pytest.raises(BadDump, match=r"SY-cut\.zip: damaged zip archive"):
        import_dump(truncated, tmp_path)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob(f".{FILE_NAME}*")) == [f".{FILE_NAME}.lock"]


def test_a_zip_without_a_dump_inside_is_refused(tmp_path: Path):
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "nothing\n")
    with pytest.raises(BadDump, match=r"empty\.zip: expected one GeoNames \.txt dump inside"):
        import_dump(empty, tmp_path)


def test_an_interrupted_import_leaves_the_old_file_usable(tmp_path: Path, monkeypatch):
    import_dump(write_zip(tmp_path / "SO.zip", "SO", somalia()), tmp_path)
    target = tmp_path / FILE_NAME
    before = target.read_bytes()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "_assemble", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_dump(write_zip(tmp_path / "SY.zip", "SY", syria()), tmp_path)
    assert target.read_bytes() == before
    assert [c.country for c in ImportedPlaces(target).countries()] == ["SO"]
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


# The shipped side, as a stub: Idlib and Lower Shabelle as the shipped files have them (with
# fewer alternates), and Mogadishu.
def _shipped() -> Gazetteer:
    def entry(gid: int, name: str, cc: str, kind: str, pop: int, a1: str) -> GazetteerEntry:
        return GazetteerEntry(gid, name, 0.0, 0.0, cc, kind, pop, a1, "geonames-admin1")

    return Gazetteer.from_entries(
        [
            (entry(169387, "Idlib", "SY", "admin1", 1_500_000, "12"), ["Idlib Governorate"]),
            (entry(51966, "Shabeellaha Hoose", "SO", "admin1", 1_200_000, "14"), []),
            (entry(53654, "Mogadishu", "SO", "city", 2_587_183, "02"), []),
        ]
    )


def _imported(tmp_path: Path) -> Gazetteer:
    import_dump(write_zip(tmp_path / "SY.zip", "SY", syria()), tmp_path)
    import_dump(write_zip(tmp_path / "SO.zip", "SO", somalia()), tmp_path)
    return _shipped().with_imports(ImportedPlaces.open(tmp_path / FILE_NAME))


def test_a_village_only_the_import_knows(tmp_path: Path):
    assert _shipped().candidates("Kafr Zeitounat") == []
    (found,) = _imported(tmp_path).candidates("Kafr Zeitounat")
    village = found.entry
    assert (village.name, village.lat, village.lon, village.kind) == (
        VILLAGE[0],
        *VILLAGE[1:],
        "city",
    )
    assert (village.admin1, village.admin2, village.source) == (
        "12",
        "Harim District",
        "geonames-import",
    )
    assert found.match == "exact" and not found.primary


def test_an_imported_alternate_of_a_shipped_region_is_that_region(tmp_path: Path):
    # the shipped stub lacks "Lower Shabelle": without the import it is no name at all
    assert _shipped().candidates("Lower Shabelle") == []
    (found,) = _imported(tmp_path).candidates("Lower Shabelle")
    assert (found.entry.geonames_id, found.entry.source, found.match) == (
        51966,
        "geonames-admin1",
        "exact",
    )


def test_imported_regions_join_a_name_the_shipped_index_knows(tmp_path: Path):
    gazetteer = _imported(tmp_path)
    # Idlib: the shipped region only (the import's row is the same place, by id)
    assert [c.entry.source for c in gazetteer.candidates("Idlib")] == ["geonames-admin1"]
    hodan = gazetteer.candidates("Hodan District")
    assert [(c.entry.name, c.entry.kind, c.entry.admin2) for c in hodan] == [
        ("Hodan", "admin2", "Hodan")
    ]


def test_recognition_keeps_to_the_shipped_index(tmp_path: Path):
    gazetteer = _imported(tmp_path)
    assert gazetteer.exact(VILLAGE[0]) == []
    assert gazetteer.candidates(VILLAGE[0], imported=False) == []
    assert gazetteer.candidates(VILLAGE[0])  # resolution sees it


def test_a_gazetteer_with_imports_pickles(tmp_path: Path):
    import pickle

    gazetteer = _imported(tmp_path)
    assert gazetteer.imported is not None
    imported = pickle.loads(pickle.dumps(gazetteer.imported))
    assert [c.country for c in imported.countries()] == ["SO", "SY"]


def test_an_imports_file_that_is_not_one_is_an_error_naming_it(tmp_path: Path):
    broken = tmp_path / FILE_NAME
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(ResourceError, match=r"geonames\.sqlite: not a newsgraph GeoNames import"):
        ImportedPlaces.open(broken)
    assert ImportedPlaces.open(tmp_path / "none" / FILE_NAME) is None
