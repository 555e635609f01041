"""Quality gate: the quote stage on a fixed PolNeAR dev sample must not fall below pinned floors.

It runs the default pipeline users run (`eval/quotes.py` builds it with `pipeline.build()`), so
a stage taken out of it, or one whose output the quote stage reads, shows here.

The sample's gold files are hashed so that a floor can never be kept by a silently changed gold
set. Raise a floor when the stage improves; never lower one to make a change pass.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from newsgraph.eval.brat import fingerprint
from newsgraph.eval.quotes import evaluate, load, newsgraph_predictor

pytestmark = pytest.mark.model
DEV = "eval/quotes/polnear/dev"
SAMPLE = (
    "breitbart_2016-09-12_stealth-over-health-hillary-clin",
    "breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-",
    "breitbart_2016-09-30_the-latest-trump-urges-supporter",
    "huff-post_2016-09-10_trump-s-east-european-achilles-h",
    "huff-post_2016-09-22_trump-the-dealmaker-could-addres",
    "huff-post_2016-09-27_obama-power-plant-rules-face-key",
    "nyt_2016-09-08_obama-on-climate-change-the-tren",
    "nyt_2016-09-19_old-hands-help-russia-navigate-u",
    "nyt_2016-09-28_what-mexico-could-do-when-up-aga",
    "politico_2016-09-08_flynn-says-trump-absolutely-righ",
    "politico_2016-09-17_de-blasio-says-chelsea-explosion",
    "politico_2016-09-25_poll-clinton-and-trump-in-dead-h",
    "usa-today_2016-09-08_candidates-vie-for-vets-support-",
    "usa-today_2016-09-16_every-minutes-a-veteran-commits-",
    "usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p",
    "wash-post_2016-09-08_virginian-could-make-history-aga",
    "wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea",
    "wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en",
    "west-journal_2016-09-12_obama-seeks-more-muslim-refugees",
    "west-journal_2016-09-23_clinton-breaks-with-obama-on-law",
    "west-journal_2016-09-29_gold-star-mom-corners-obama-on-h",
)
SAMPLE_SHA256 = "658ed7782ac0bbbb78330a6eb2238b6ca6cc9ffae22bd456a000657aebed3501"
# Measured on the sample: overlap F1 0.867, exact F1 0.622, speaker 0.899, cue 0.884.
FLOORS = {"overlap": 0.86, "exact": 0.61, "speaker": 0.89, "cue": 0.875}


def test_quote_stage_holds_its_floors(resources):
    dev = shared_path(DEV, *(f"text/{name}.txt" for name in SAMPLE))
    assert fingerprint(dev, SAMPLE) == SAMPLE_SHA256, "the gold sample changed: re-pin on purpose"
    articles = load(dev, names=SAMPLE)
    assert len(articles) == len(SAMPLE)
    tally = evaluate(articles, newsgraph_predictor(resources), "newsgraph").report.slices["all"]
    figures = {
        "overlap": tally.f1("overlap")[2],
        "exact": tally.f1("exact")[2],
        "speaker": tally.speaker_accuracy(),
        "cue": tally.cue_accuracy(),
    }
    low = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not low, f"below the pinned floors {FLOORS}: {low}"
