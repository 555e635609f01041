"""The cue scan of one sentence: each token offered to the cue rules in order (the first that
fires claims it), then the sentence's quotes put to the vetoes in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_marks import inside_quote
from newsgraph.model import Quote, Sentence, Token


@dataclass(frozen=True, slots=True)
class Found:
    """A quote a cue rule found, the content span no later cue of the sentence may report
    again, and whether it reports an object alone ("backed Clinton"), not a clause."""

    quote: Quote
    claim: tuple[int, int]
    object_only: bool = False


@dataclass(slots=True)
class SentenceScan:
    """One sentence's scan so far: the quotes of earlier passes and sentences, those found
    here, the content spans taken, and which found quotes report an object alone."""

    sent: Sentence
    inside: bool  # scanning the cues inside quotation marks, else those outside
    earlier: list[Quote]
    found: list[Quote] = field(default_factory=list)
    taken: set[tuple[int, int]] = field(default_factory=set)
    objects: set[int] = field(default_factory=set)  # ids of quotes in `found`

    def add(self, hit: Found) -> None:
        """Keep what a rule found, unless another cue reports the same content already."""
        if hit.claim in self.taken:
            return
        self.found.append(hit.quote)
        self.taken.add(hit.claim)
        if hit.object_only:
            self.objects.add(id(hit.quote))

    def so_far(self) -> list[Quote]:
        """Every quote found before the token being scanned, in this pass or before."""
        return [*self.earlier, *self.found]


@dataclass(frozen=True, slots=True)
class CueRule:
    """A named rule offered each token; its name is the `method` of the quotes it finds."""

    method: str
    find: Callable[[Token, QuoteContext, SentenceScan], Found | None]


@dataclass(frozen=True, slots=True)
class Veto:
    """A named reason to drop a sentence's quote, judged against the quotes still kept."""

    name: str
    drops: Callable[[Quote, list[Quote], SentenceScan, QuoteContext], bool]


def scan_sentence(
    sent: Sentence,
    ctx: QuoteContext,
    earlier: list[Quote],
    inside: bool,
    rules: Sequence[CueRule],
    vetoes: Sequence[Veto],
) -> list[Quote]:
    """The quotes the cues of one sentence (inside quotation marks or outside) report."""
    scan = SentenceScan(sent, inside, earlier, taken={(q.start, q.end) for q in earlier})
    for tok in ctx.doc.tokens[sent.first : sent.last]:
        if (inside_quote(ctx.marks, tok.start) is not None) != inside:
            continue
        for rule in rules:
            hit = rule.find(tok, ctx, scan)
            if hit is not None:
                scan.add(hit)
                break  # the first rule that fires claims the token
    kept = scan.found
    for veto in vetoes:
        kept = [q for q in kept if not veto.drops(q, kept, scan, ctx)]
    return kept
