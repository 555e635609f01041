"""Quotes and source chains: direct and reported speech, its cue, its speaker, its outlets.

Rules follow the dependency parse: a cue verb's subject is the speaker and its clausal
complement the content; a parenthetical cue ("X, RT reported, was ...") reports its host
clause; "according to X" names a source; "Citing X, Y said" makes X the speaker via Y. Which
words are cues is learned from PolNeAR train (`extract/cues.py`), and the attribution tagger
(stage attributions.v1) adds the content edges and contents the rules miss (`learned.py`).

The stage is a cascade of tables (`stage.py`), and each rule's name is the `method` its
quotes carry:

    passes, in order           rules (= Quote.method)
    transcript labels          transcript-label
    cues outside quotations    passive-by, hedge, passive, cue-verb  (first that fires)
                               then vetoes: outer-of-a-chain, inside-another
    continued quotations       continuation
    signed quotations          signed
    cues inside quotations     the same cue rules and vetoes
    named sources              according-to, in-a-source  (sentence by sentence)
    tagger's edges             (moves a reported quote's edges to the tagger's)
    tagger's contents          learned

then the trims every quote gets, then the confidence model (`extract/quote_confidence.py`),
then the outlets each kept quote came through (`VIA_RULES` in `outlets.py`, whose rule names
are the `Quote.via_method`: told-outlet, outlet-reported, carried-forward, ...).
The numbers the rules stop at are named in `limits.py`, and every quote is made by
`build.make_quote`.
"""

from newsgraph.extract.quotes.build import STAGE
from newsgraph.extract.quotes.stage import extract_quotes, rule_names

__all__ = ["STAGE", "extract_quotes", "rule_names"]
