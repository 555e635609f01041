"""What the quote stage reads from disk, in one value: the cue tables and the confidence model."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.cues import CueLexicon
from newsgraph.extract.quote_confidence import ConfidenceModel, EveryQuote, QuoteJudge


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """The cue words with their records on train, and the judge of the quotes found."""

    cues: CueLexicon
    confidence: QuoteJudge

    @classmethod
    def load(cls) -> QuoteLexicon:
        """The shipped tables and model (data/quotes/)."""
        return cls(CueLexicon.load(), ConfidenceModel.load())

    @classmethod
    def rules_only(cls, cues: CueLexicon | None = None) -> QuoteLexicon:
        """The shipped cues (or `cues`) with every quote kept: the rules without the model."""
        return cls(cues or CueLexicon.load(), EveryQuote())
