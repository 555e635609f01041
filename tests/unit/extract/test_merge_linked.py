"""Merging linked triggers: the same merges a scan of every pair of drafts makes, without
scanning every pair (one long unbroken text of events used to take minutes)."""

from __future__ import annotations

import copy
import random
import subprocess
import sys
import textwrap
from dataclasses import replace
from typing import cast

from newsgraph.extract.claims import _LINKS, Draft, Scene, _absorb, merge_linked
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.model import Token

_NO_SCENE = cast(Scene, None)  # merging reads only the drafts


def _every_pair(drafts: list[Draft]) -> list[Draft]:
    """The merge as the stage made it before: each draft against every draft."""
    absorbed: set[int] = set()
    for a in drafts:
        for b in drafts:
            if a is b or b.tok.i in absorbed or a.tok.i in absorbed or b.type != a.type:
                continue
            owned = {a.tok.i, *(t.i for t in a.also)}
            linked = (b.tok.head in owned and b.tok.dep in _LINKS) or a.via_noun is b.tok
            if linked and a.tok.sent == b.tok.sent:
                if a.via_noun is b.tok and b.mode:
                    a.mode = b.mode
                    a.trigger = replace(a.trigger, cameo=b.trigger.cameo or a.trigger.cameo)
                _absorb(a, b)
                absorbed.add(b.tok.i)
    return [d for d in drafts if d.tok.i not in absorbed]


def _random_drafts(rng: random.Random) -> list[Draft]:
    n = rng.randint(1, 14)
    deps = ["advcl", "conj", "xcomp", "nsubj", "dobj", "relcl", "acl", "ccomp"]
    tokens = [
        Token(i, i, i + 1, "w", "w", "VERB", "VBD", rng.choice(deps), rng.randrange(n), sent=s)
        for i in range(n)
        for s in [rng.choice([0, 0, 0, 1])]
    ]
    drafts = []
    for _ in range(rng.randint(1, 12)):
        tok = rng.choice(tokens)
        trigger = Trigger(
            rng.choice(["ASSAULT", "COERCE"]), rng.choice([None, "190", "183"]), None, "t"
        )
        drafts.append(
            Draft(
                tok,
                trigger,
                trigger.plover,
                mode=rng.choice([None, None, "air strike"]),
                actor=tuple(rng.sample(["A", "B", "C"], rng.randint(0, 2))),
                recipient=tuple(rng.sample(["B", "C", "D"], rng.randint(0, 2))),
                killed=tuple(rng.sample(["D", "E"], rng.randint(0, 1))),
                via_noun=rng.choice([None, None, rng.choice(tokens)]),
                also=rng.sample(tokens, rng.choice([0, 0, 0, 1])),
            )
        )
    return drafts


def test_merges_are_those_every_pair_of_drafts_gives() -> None:
    rng = random.Random(11)
    merges = 0
    for _ in range(4000):
        drafts = _random_drafts(rng)
        expected_all = copy.deepcopy(drafts)
        expected = _every_pair(expected_all)
        got = merge_linked(drafts, _NO_SCENE)
        assert got == expected
        assert drafts == expected_all  # the drafts that absorbed others changed alike
        merges += len(got) < len(drafts)
    assert merges > 500  # the cases merge often enough to mean something


def test_a_clause_of_the_same_type_is_merged() -> None:
    shell = Token(0, 0, 7, "shelled", "shell", "VERB", "VBD", "ROOT", 0)
    kill = Token(1, 8, 15, "killing", "kill", "VERB", "VBG", "advcl", 0)
    trigger = Trigger("ASSAULT", "195", None, "cameo-verb")
    drafts = [Draft(shell, trigger, "ASSAULT"), Draft(kill, trigger, "ASSAULT", killed=("12",))]
    (merged,) = merge_linked(drafts, _NO_SCENE)
    assert merged.tok is shell and merged.also == [kill] and merged.killed == ("12",)


_MANY_DRAFTS = textwrap.dedent(
    """
    from newsgraph.extract.claims import Draft, merge_linked
    from newsgraph.extract.event_lexicon import Trigger
    from newsgraph.model import Token

    trigger = Trigger("ASSAULT", "190", None, "cameo-verb")
    drafts = [
        Draft(Token(i, i, i + 1, "w", "w", "VERB", "VBD", "conj", i - 1 if i % 2 else i, sent=i // 2),
              trigger, "ASSAULT")
        for i in range(100_000)
    ]
    print(len(merge_linked(drafts, None)))
    """
)


def test_a_hundred_thousand_triggers_merge() -> None:
    # Comparing every pair took hours here; a subprocess, so a regression fails, not hangs.
    done = subprocess.run(
        [sys.executable, "-c", _MANY_DRAFTS], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["50000"]
