"""How an act was done, in PLOVER's mode names, and the weapon as the text writes it.

Rules are rows read in order (`MODES`); the first whose words occur wins, and the words that
matched are the `weapon`. The order is what an analyst applies: a chemical agent or a suicide
bomber says more than "attack"; a barrel bomb is dropped from the air, so the aerial row
comes before the explosives row; "massacre" is a judgement, so any weapon named beats it; and
"clashes" or "fighting" only say that armed groups fought. Words are looked for in the
trigger's own phrase first ("rebel *shelling*"), then in its clause, then in its sentence,
so that a sentence telling two acts gives each its own means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ModeRule:
    """A PLOVER type and mode, and the words that show it."""

    plover: str
    mode: str
    pattern: re.Pattern[str]


def _rule(plover: str, mode: str, words: str) -> ModeRule:
    return ModeRule(plover, mode, re.compile(rf"\b(?:{words})\b", re.I))


MODES: tuple[ModeRule, ...] = (
    _rule(
        "ASSAULT",
        "unconventional",
        r"chemical(?: weapons?| attacks?| agents?| munitions| substances)?|sarin|chlorine|nerve "
        r"(?:agent|gas)|mustard gas|poison(?:ous)? gas|toxic (?:gas|substances?)|gas attacks?"
        r"|organophosph\w+",
    ),
    _rule(
        "ASSAULT",
        "suicide-attack",
        r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|car bombs?|vests?|belts?|attackers?)"
        r"|blew (?:himself|herself|themselves) up|self-detonat\w+",
    ),
    _rule(
        "ASSAULT",
        "aerial",
        r"barrel[- ]bombs?|air ?strikes?|air[- ]raids?|airstrike|aerial (?:bombardment|bombing|"
        r"attacks?)|warplanes?|war planes?|fighter jets?|jets?|helicopters?|drones?|aircraft|"
        r"air force|air power|aviation|bombing raids?|planes?|cluster (?:bombs?|munitions)|"
        r"vacuum bombs?|air support|sorties",
    ),
    _rule(
        "ASSAULT",
        "explosives",
        r"car[- ]bombs?|car bombings?|booby[- ]trap\w*|explosive devices?|ieds?|roadside bombs?|"
        r"land ?mines?|mines?|bombs?|bombings?|blasts?|explosions?|explosives?|detonat\w+|"
        r"exploded",
    ),
    _rule(
        "ASSAULT",
        "heavy-weapons",
        r"shell(?:s|ing|ed)?|artillery|rockets?|missiles?|mortars?|tanks?|howitzers?|"
        r"projectiles?|hell cannon|grad|katyusha|shelled|bombard(?:ment|ed)?|heavy weapons",
    ),
    _rule(
        "ASSAULT",
        "firearms",
        r"gunfire|gunshots?|gun ?fire|shot dead|shooting|sniper\w*|gunmen|opened fire|machine ?guns?"
        r"|rifles?|bullets?",
    ),
    _rule("ASSAULT", "abduct", r"abduct\w*|kidnap\w*|hostages?|took captive|taken captive"),
    _rule("ASSAULT", "assassinate", r"assassinat\w+"),
    _rule("ASSAULT", "sexual", r"rape[ds]?|raping|sexual (?:violence|assault|abuse)"),
    _rule("ASSAULT", "massacre", r"massacre[sd]?|executed|executions?|beheaded|mass killings?"),
    _rule(
        "ASSAULT",
        "armed-clash",
        r"clash(?:es|ed)?|fighting|fights?|fought|battles?|battled|gun ?battles?|firefights?|"
        r"offensives?|assaults?|stormed|storming|recaptur\w+|advance[sd]?|counter-?attacks?|"
        r"ambush\w*|confrontations?|engagements?|hostilities",
    ),
    # "the strike destroyed ...", "raids on the town": in conflict copy a bare strike or raid
    # is from the air; read last, so any weapon named says more
    _rule("ASSAULT", "aerial", r"strikes?|raids?"),
    _rule("COERCE", "arrest", r"arrest\w*|detain\w*|detention|rounded up|custody"),
    _rule(
        "COERCE",
        "restrict",
        r"sieges?|besieg\w+|blockades?|encircl\w+|curfews?|cut off|starv\w+|checkpoints?",
    ),
    _rule(
        "COERCE",
        "seize",
        r"seiz\w+|captur\w+|took control|taken control|takeover|overr[au]n|confiscat\w+",
    ),
    _rule("COERCE", "expel", r"expel\w*|deport\w*|evict\w*|displac\w+|forced out"),
    _rule("COERCE", "ban", r"bann?\w*|outlaw\w*|prohibit\w*"),
)


def find_mode(plover: str, texts: list[str]) -> tuple[str | None, str | None]:
    """(mode, weapon as written) from the first text, in order, that shows one for `plover`."""
    for text in texts:
        for rule in MODES:
            if rule.plover != plover:
                continue
            match = rule.pattern.search(text)
            if match is not None:
                return rule.mode, match.group(0)
    return None, None
