"""The numbers the quote rules stop at, each with its reason."""

from __future__ import annotations

# The two halves of a quotation interrupted by its attribution ('"A," he said, "B"') lie
# close: between them at most this many characters, no line break, and no quotation of its
# own (more than two marks). Further apart, the second quotation is a statement of its own.
MAX_INTERRUPTION_CHARS = 200
MAX_INTERRUPTION_MARKS = 2

# A quotation with no cue continues the attributed quote before it ('"A," she said. "B."')
# only this close to it and at most one paragraph on: further, the writer has moved on.
MAX_CONTINUATION_CHARS = 400
MAX_CONTINUATION_BREAKS = 1  # blank lines ("\n\n") between the quote and the quotation

# How far back from a quotation to look for what ends the sentence before it: enough for
# any run of spaces and quotation marks between a sentence's end and the next one's start.
SENTENCE_END_LOOKBACK = 200

# A sentence of the writer's own between a quote and a quotation makes the quotation a quote
# of its own (not a continuation) when it has at least this many tokens; shorter ones are
# the tail of the attribution ("She paused.") or a split slip.
MIN_NARRATION_TOKENS = 4

# A signature after a quotation ('"..." \u2015 Sonya Herridge') is a name and perhaps a
# place, not a sentence: at most this many characters from the dash to the line's end.
MAX_SIGNATURE_CHARS = 80

# The fewest tokens a clause rule reports: fewer is a fragment ("seems so"), not a clause.
# "Reported by the Post" needs only its subject ("The story was reported by ...").
MIN_CLAUSE_TOKENS = 3
MIN_PASSIVE_BY_TOKENS = 1
