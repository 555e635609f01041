"""How likely a found quote is an attribution a careful reader would mark: a small logistic
model over what the rules and the tagger saw, learned on PolNeAR train (never dev).

The rules find a quote wherever a cue word has something to report; the model weighs that
evidence (which path found it, how often its cue word is right on train, whether the tagger
marked the same content, cue and source, what the content and speaker look like) into a
confidence in [0, 1]. The quote stage keeps a quote when its confidence clears the threshold
that `scripts/learn_quote_confidence.py` chose on train, where dropping a quote below it costs
less than it saves. A hand-written linear scorer (a dot product over a few dozen named
features) keeps the stage free of a model runtime; the weights are a small JSON file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from newsgraph.data_files import read_text
from newsgraph.extract.cues import CUE_VERBS
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.model import EntityMention, Quote, Span, Token
from newsgraph.nlp.pronouns import word_pronoun

MODEL_FILE = "quotes/confidence.json"


class QuoteJudge(Protocol):
    """The last step of the quote stage: which found quotes to keep, and how sure each is."""

    def judge(self, quotes: list[Quote], ctx: QuoteContext) -> list[Quote]:
        """The quotes kept, each with its confidence."""
        ...


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Weights of a logistic model over named features, and the threshold to keep a quote."""

    bias: float
    weights: dict[str, float]
    threshold: float

    @classmethod
    def load(cls) -> ConfidenceModel:
        """The shipped model (data/quotes/confidence.json)."""
        data = json.loads(read_text(MODEL_FILE, "scripts/learn_quote_confidence.py"))
        return cls(float(data["bias"]), dict(data["weights"]), float(data["threshold"]))

    def score(self, features: dict[str, float]) -> float:
        """The model's probability that a quote with these features is an attribution."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def judge(self, quotes: list[Quote], ctx: QuoteContext) -> list[Quote]:
        """Each quote scored; those below the threshold dropped."""
        scored = [replace(q, confidence=round(self.score(features(q, ctx)), 3)) for q in quotes]
        return [q for q in scored if q.confidence >= self.threshold]


@dataclass(frozen=True, slots=True)
class EveryQuote:
    """Keeps every quote the rules find, unscored: for tests of the rules alone, and for
    learning the model itself (scripts/learn_quote_confidence.py)."""

    def judge(self, quotes: list[Quote], ctx: QuoteContext) -> list[Quote]:
        """Every quote, as found."""
        return quotes


def features(quote: Quote, ctx: QuoteContext) -> dict[str, float]:
    """What the model sees of one quote: names to values (absent names are 0)."""
    f: dict[str, float] = {f"method:{quote.method}": 1.0, f"kind:{quote.kind}": 1.0}
    content = ctx.tokens_in(quote.start, quote.end)
    f["log_tokens"] = math.log(max(1, len(content)))
    f["short"] = float(len(content) <= 3)
    if content:
        first = content[0]
        f[f"first:{first.pos}"] = 1.0
        f["starts_that"] = float(first.text.casefold() == "that")
        f["starts_to"] = float(first.text.casefold() == "to")
        inside = {t.i for t in content}
        heads = [t for t in content if t.head not in inside or t.head == t.i]
        f[f"head:{heads[0].pos}"] = 1.0
        f["has_verb"] = float(any(t.pos in {"VERB", "AUX"} for t in content))
    cue = _cue_token(quote, ctx)
    if cue is None:
        f["no_cue"] = 1.0
    else:
        f.update(_cue_features(cue, ctx))
    f.update(_speaker_features(quote))
    f.update(_tagger_features(quote, ctx))
    return f


def _cue_token(quote: Quote, ctx: QuoteContext) -> Token | None:
    if quote.cue_span is None:
        return None
    tokens = ctx.tokens_in(quote.cue_span.start, quote.cue_span.end)
    return next((t for t in tokens if t.pos == "VERB"), tokens[0] if tokens else None)


def _cue_features(cue: Token, ctx: QuoteContext) -> dict[str, float]:
    predicted, right = ctx.cues.record(cue.lemma)
    kids = ctx.tree.children(cue.i)
    return {
        "cue_precision": (right + 1) / (predicted + 2),  # smoothed: an unseen cue gets 1/2
        "cue_log_seen": math.log1p(predicted),
        f"cue_pos:{cue.pos}": 1.0,
        f"cue_tag:{cue.tag}": 1.0,
        f"cue_dep:{cue.dep}": 1.0,
        "cue_of_speech": float(cue.lemma.casefold() in CUE_VERBS),
        "cue_has_clause": float(any(k.dep == "ccomp" for k in kids)),
        "cue_negated": float(any(k.dep == "neg" for k in kids)),
        "cue_modal": float(any(k.dep == "aux" and k.tag == "MD" for k in kids)),
    }


def _speaker_features(quote: Quote) -> dict[str, float]:
    said = quote.speaker_mention
    kind = "none" if said is None else "pronoun" if _subject_pronoun(said.text) else "name"
    return {f"speaker:{kind}": 1.0, "speaker_resolved": float(quote.speaker is not None)}


def _tagger_features(quote: Quote, ctx: QuoteContext) -> dict[str, float]:
    """Whether the learned tagger marked this content, this cue and this source too."""
    marks = ctx.doc.attribution_marks
    covered = sum(
        max(0, min(m.end, quote.end) - max(m.start, quote.start))
        for m in marks
        if m.label == "CONTENT"
    )
    return {
        "tagged_content": covered / max(1, quote.end - quote.start),
        "tagged_cue": float(_marked(marks, "CUE", quote.cue_span)),
        "tagged_source": float(_marked(marks, "SOURCE", quote.speaker_mention)),
    }


def _marked(marks: Iterable[EntityMention], label: str, span: Span | None) -> bool:
    if span is None:
        return False
    return any(m.label == label and m.start < span.end and span.start < m.end for m in marks)


def _subject_pronoun(text: str) -> bool:
    """He, she, they, it, we, I, you: a speaker named by a pronoun in the subject's case."""
    said = word_pronoun(text)
    return said is not None and (said.case == "Nom" or text.strip().casefold() in {"it", "you"})
