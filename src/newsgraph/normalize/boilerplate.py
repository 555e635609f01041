"""Page furniture that is not the article: related headlines, share and subscribe lines, the
outlet's description of itself, source and photo credits, menus.

Scraped and republished copy keeps the page around the story ("Related Kobani in Ruins After
Anti-IS Airstrikes ...", "FOLLOW TRTWORLD Dont miss out on the Latest News", "(Source: Syrian
Coalition) Twitter"), often run into the story's last paragraph; its headlines would be coded
as events of the article. The rules are an ordered table: each stretch found carries the name
of the rule that found it. A rule that cuts to the end
of a paragraph only fires in the second half of the text, where page tails are, so a word such
as "Related" early in a story never costs the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Reach = Literal["match", "paragraph"]


@dataclass(frozen=True, slots=True)
class Furniture:
    """A stretch of the text that is page furniture, and the rule that found it."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Rule:
    """Cut what `pattern` matches, or from its start to the end of the paragraph."""

    name: str
    pattern: re.Pattern[str]
    reach: Reach = "match"


_HEADLINES_FOLLOW = r"(?=\s+[A-Z0-9\"'])"
RULES: tuple[Rule, ...] = (
    # "Related Kobani in Ruins ...", "Related News Iraqs vote violations | ...", "Read more: ..."
    Rule(
        "related-headlines",
        re.compile(
            r"(?:\.{3}\s*\d*\s*)?\b(?:Related(?: News| Articles| Stories| Content| Posts)?"
            r"|Read (?:more|also)|See also|More on this(?: story)?|Recommended"
            r"|Latest updates|Category News|Tags)\b:?" + _HEADLINES_FOLLOW
        ),
        "paragraph",
    ),
    # "Topic Violence Erupts as Islamic State Rises (1881)": a topic page and its story count
    Rule("topic-link", re.compile(r"\bTopic (?:[A-Z][\w'-]*\s?){1,10}[^()]{0,40}\(\d+\)")),
    # share, follow and subscribe lines, cookie and copyright notices
    Rule(
        "site-chrome",
        re.compile(
            r"(?:\bGet short URL\b(?:\s*\d+)*"
            r"|\b(?:FOLLOW|SUBSCRIBE|Subscribe to|Follow us on|Like us on|Share this"
            r"|Sign up for|Click here to|Dont miss out|Don't miss out|We wont spam"
            r"|We won't spam|Watch Live|Copyright|All rights reserved)\b[^.\n]{0,200}"
            r"(?:\.|$))",
            re.M,
        ),
    ),
    # "(Source: Syrian Coalition) Twitter", "Source TRTWorld and agencies", "(AFP Photo)"
    Rule(
        "credit",
        re.compile(
            r"\(\s*(?:Source|Photo|Image|Picture|File photo)\s*:?[^)\n]{0,80}\)"
            r"(?:\s*(?:Twitter|Facebook))?"
            r"|\bSource:? [A-Z][\w.]* and agencies\b"
            r"|\((?:AFP|Reuters|AP|Anadolu|SANA) (?:Photo|photo|file photo)[^)\n]{0,60}\)"
        ),
    ),
    # "Asharq Al-Awsat is the worlds premier pan-Arab daily newspaper ...", "Launched in London
    # in 1978 Asharq Al-Awsat has established itself as ...": the outlet describing itself
    Rule(
        "outlet-description",
        re.compile(
            r"(?:\b[A-Z][\w-]*(?: [A-Z][\w-]*){0,4} (?:English )?)?\b(?:[A-Z][\w-]*(?: [A-Z]"
            r"[\w-]*){0,4}) is the worlds? (?:premier|leading|largest|foremost)[^.\n]{0,200}"
            r"(?:newspaper|daily|channel|agency|network|broadcaster)[^.\n]{0,200}\."
            r"|\bLaunched in [A-Z]\w+ in (?:19|20)\d\d\b[^.\n]{0,300}\."
        ),
    ),
    # pipe-separated menus: "Iraqs vote violations | The global gag rule | Slovenian ..."
    Rule("menu", re.compile(r"(?:[^|.\n]{1,60}\|){2,}[^|.\n]{1,60}")),
)


def find_boilerplate(text: str) -> tuple[Furniture, ...]:
    """Every stretch of page furniture in `text`, with the rule that found it, in text order.

    The text itself is left as it is, so that offsets still match the source (and a scorer
    or a reader finds the article's words where they were); the stages after this one
    record nothing inside these stretches.
    """
    found: list[Furniture] = []
    total = len(text)
    offset = 0
    for paragraph in text.split("\n"):
        for rule in RULES:
            for start, end in _spans(rule, paragraph, offset, total):
                found.append(Furniture(offset + start, offset + end, rule.name))
        offset += len(paragraph) + 1
    return tuple(sorted(found, key=lambda f: (f.start, -f.end)))


def _spans(rule: Rule, paragraph: str, offset: int, total: int) -> list[tuple[int, int]]:
    if rule.reach == "paragraph":
        for match in rule.pattern.finditer(paragraph):
            if offset + match.start() >= total / 2:
                return [(match.start(), len(paragraph))]
        return []
    return [(m.start(), m.end()) for m in rule.pattern.finditer(paragraph) if m.end() > m.start()]
