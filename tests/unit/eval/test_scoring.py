from newsgraph.eval.brat import parse_ann
from newsgraph.eval.quote_scores import Predicted, Report, normalised, score_article

TEXT = 'Smith said that "taxes will rise." He added the plan was bad.'
ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 34\tthat "taxes will rise."
E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1
T4\tSource 35 37\tHe
T5\tCue 38 43\tadded
T6\tContent 44 61;61 61\tthe plan was bad.
E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4
"""


def test_parse_ann_links_roles_and_fragments():
    first, second = parse_ann(ANN)
    assert TEXT[first.start : first.end] == 'that "taxes will rise."'
    assert first.source == ((0, 5),) and first.cue == ((6, 10),)
    assert second.content == ((44, 61), (61, 61))


def test_normalised_trims_edges_and_that():
    assert normalised(' that "Taxes will rise." ') == "taxes will rise"


def test_scores_exact_overlap_speaker_and_cue():
    gold = parse_ann(ANN)
    predicted = [
        Predicted(17, 32, (0, 5), (6, 10), (), ("all", "direct")),  # exact after trimming
        Predicted(44, 52, (35, 37), None, (), ("all", "indirect")),  # overlap only, no cue
        Predicted(0, 3, None, None, (), ("all", "indirect")),  # a false positive
    ]
    report = Report()
    score_article(TEXT, gold, predicted, report)
    t = report.slices["all"]
    assert (t.gold, t.predicted) == (2, 3)
    assert t.f1("exact")[:2] == (1 / 3, 1 / 2)
    assert t.f1("overlap")[:2] == (2 / 3, 1.0)
    assert t.speaker_accuracy() == 1.0
    assert t.cue_accuracy() == 0.5
    assert report.slices["direct"].gold == 1
