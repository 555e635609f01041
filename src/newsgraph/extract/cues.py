"""Words that introduce reported speech: the cue inventory the quote stage looks for.

Gathered from the cue lemmas annotated in PARC 3.0 and PolNeAR (attribution corpora of news)
and the statement verbs of the CAMEO verb dictionary (codes 01x "make public statement",
11x "disapprove", 13x "threaten"): the verbs reporters use to attribute content.
"""

from __future__ import annotations

CUE_VERBS = frozenset(
    """
    say tell add state report claim assert allege accuse announce declare explain note insist
    warn write argue suggest deny confirm acknowledge admit stress emphasise emphasize reply
    respond ask urge predict comment reveal indicate recall remark conclude estimate contend
    maintain vow pledge promise threaten complain charge concede observe mention testify inform
    assure caution lament boast tweet post quote describe believe think feel fear hope expect
    agree disagree blame criticise criticize condemn denounce call demand propose recommend
    announce signal hint stipulate specify affirm reiterate repeat counter retort rebut dismiss
    brief underline highlight point continue acknowledge object protest question wonder
    """.split()
)
# Verbs that are cues only with a clausal complement ("thinks that ..."), not alone.
NEEDS_CLAUSE = frozenset("believe think feel fear hope expect describe call continue point".split())
ACCORDING = "according"
CITING = frozenset({"cite", "quote"})
