"""The outlet table: the news outlets (and the monitors that relay reports the way outlets do)
the pipeline knows, whose they are, and where that is written.

One row per outlet in `data/outlets/outlets.tsv` (see ATTRIBUTION.md there): its canonical
name, its other spellings, its country, its kind and, where a public page documents it, the
state or party that owns it (`SANA` -> Syria, `Al-Manar` -> Hezbollah). It is the one place
outlets are written: `scripts/build_actor_data.py` makes the actor lexicon's media actors
from it, and the quote stage asks it which names may pass a statement on (`via`).

Kinds:
    state           owned or run by a government (SANA, TASS, IRNA, Anadolu, Xinhua)
    public-service  publicly funded under a charter (BBC; VOA and DW with their state as owner)
    private         privately owned (CNN, Interfax, Asharq Al-Awsat, Al-Masdar News)
    party           run by or for a party or armed group (Al-Manar, Amaq, Etilaf)
    wire            an independent agency selling copy to other outlets (AP, Reuters, AFP)
    monitor         a monitoring group whose reports outlets relay (Syrian Observatory);
                    an organisation among actors, not a medium
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, cast, get_args

from newsgraph.data_files import read_text
from newsgraph.errors import ResourceError
from newsgraph.model import ActorKind

OUTLETS_FILE = "outlets/outlets.tsv"
OutletKind = Literal["state", "public-service", "private", "party", "wire", "monitor"]
KINDS: tuple[str, ...] = get_args(OutletKind)
COLUMNS = ("name", "aliases", "country", "kind", "owner", "source")


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet: `country` and `owner` are canonical actor names (owner only when documented)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: OutletKind
    owner: str | None
    source: str  # the public page the row's facts come from

    @property
    def actor_kind(self) -> ActorKind:
        """The kind of the actor the lexicon makes of it: a monitor is an organisation."""
        return "organisation" if self.kind == "monitor" else "media"


class Outlets:
    """Every known outlet by canonical name."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self._by_name = {o.name: o for o in outlets}

    @classmethod
    def load(cls) -> Outlets:
        """The packaged table (data/outlets/outlets.tsv)."""
        return cls(parse_outlets(read_text(OUTLETS_FILE)))

    def get(self, name: str) -> Outlet | None:
        """The outlet whose canonical name is `name`."""
        return self._by_name.get(name)

    def state_of(self, name: str) -> str | None:
        """The state that owns or runs the outlet called `name` by any of its spellings or its
        site ("sana", "sana.sy", "Syrian Arab News Agency" -> Syria); None for any other."""
        site = name.strip().lower().removeprefix("www.").split(".")[0]
        for outlet in self._by_name.values():
            spellings = {s.lower() for s in (outlet.name, *outlet.aliases)}
            if outlet.kind == "state" and outlet.owner and {name.strip().lower(), site} & spellings:
                return outlet.owner
        return None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)


def parse_outlets(text: str) -> list[Outlet]:
    """The rows of an outlet table (tab-separated, a header, aliases joined by `|`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ResourceError(f"{OUTLETS_FILE}: the header must be {' '.join(COLUMNS)}")
    return [_row(n, line) for n, line in enumerate(lines[1:], start=2)]


def _row(n: int, line: str) -> Outlet:
    cells = line.split("\t")
    if len(cells) != len(COLUMNS):
        raise ResourceError(f"{OUTLETS_FILE}:{n}: {len(cells)} columns, not {len(COLUMNS)}")
    name, aliases, country, kind, owner, source = (c.strip() for c in cells)
    if kind not in KINDS:
        raise ResourceError(f"{OUTLETS_FILE}:{n}: unknown kind {kind!r}")
    if not name or not source:
        raise ResourceError(f"{OUTLETS_FILE}:{n}: every row needs a name and a source")
    return Outlet(
        name=name,
        aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
        country=country or None,
        kind=cast(OutletKind, kind),
        owner=owner or None,
        source=source,
    )
