from newsgraph.model import Doc, Event, Quote, Span
from newsgraph.report.markdown import render_markdown


def doc_with(events=(), quotes=()) -> Doc:
    return Doc(
        id="d", source="a.txt", text="x" * 50, title="A | title", events=events, quotes=quotes
    )


def event(kind, actor, recipient, killed=(), start=0):
    return Event(
        kind,
        Span(start, start + 5, "xxxxx"),
        Span(start, start + 1, "x"),
        actor,
        recipient,
        killed=killed,
    )


def test_most_severe_first_and_disputes_side_by_side():
    events = (
        event("ACCUSE", ("Russia",), ("United States",), start=0),
        event("CONSULT", ("United States",), ("Russia",), start=5),
        event("ASSAULT", ("Islamic State",), ("Russia",), killed=("A General",), start=10),
        event("ACCUSE", ("United States",), ("Russia",), start=15),
    )
    text = render_markdown([doc_with(events)])
    order = [text.index(f"**{t}**") for t in ("ASSAULT", "ACCUSE", "CONSULT")]
    assert order == sorted(order)
    assert "| Russia says | United States says |" in text
    assert "# A \\| title" in text  # table-breaking characters escaped


def test_quotes_grouped_by_speaker_with_outlets():
    quotes = (
        Quote(0, 5, "hello", "direct", "said", "Sergey Ryabkov", via=("RIA",)),
        Quote(5, 10, "again", "indirect", "added", "Sergey Ryabkov"),
    )
    text = render_markdown([doc_with(quotes=quotes)])
    assert text.count("**Sergey Ryabkov**") == 1
    assert "(via RIA)" in text
    assert '- "hello" _(direct, said)_' in text
