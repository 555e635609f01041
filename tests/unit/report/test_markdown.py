from dataclasses import replace

from newsgraph.model import Actor, Doc, Event, Person, Quote, Span
from newsgraph.report.markdown import render_markdown
from newsgraph.resolve.outlets import Outlet

RIA = Outlet("RIA", (), "Russia", "state", "Russia", "https://x/RIA")
AP = Outlet("Associated Press", ("AP",), "United States", "wire", None, "https://x/AP")


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
    text = render_markdown([doc_with(events)], [])
    order = [text.index(f"**{t}**") for t in ("ASSAULT", "ACCUSE", "CONSULT")]
    assert order == sorted(order)
    assert "| Russia says | United States says |" in text
    assert "# A \\| title" in text  # table-breaking characters escaped


def test_quotes_grouped_by_speaker_with_outlets():
    quotes = (
        Quote(0, 5, "hello", "direct", "said", "Sergey Ryabkov", via=("RIA",)),
        Quote(5, 10, "again", "indirect", "added", "Sergey Ryabkov"),
    )
    text = render_markdown([doc_with(quotes=quotes)], [])
    assert text.count("**Sergey Ryabkov**") == 1
    assert "(via RIA)" in text
    assert '- "hello" _(direct, said)_' in text


def test_each_statement_and_event_shows_its_origins_and_whether_one_side_alone_tells_it():
    said = Quote(0, 5, "hello", "direct", "said", "Sergey Ryabkov", via=("RIA",))
    strike = replace(
        event("ASSAULT", (), ("Islamic State",), start=5),
        status="claimed",
        claimed_by="Iranian state TV",
        via=("Iranian state TV", "Associated Press"),
    )
    told = event("ASSAULT", ("Islamic State",), ("Russia",), start=10)
    doc = replace(
        doc_with((strike, told), (said,)),
        people=(Person("Sergey Ryabkov", affiliation="Russia"),),
        actors=(
            Actor("Russia", "country"),
            Actor("Islamic State", "armed_group"),
            Actor("Iranian state TV", "media", country="Iran", origin="rule:state-media"),
        ),
    )
    text = render_markdown([doc], [RIA, AP])
    assert (
        "1 origin: Sergey Ryabkov (Russia) via RIA (Russia, state) · **one side only** (Russia)"
        in text
    )
    assert (
        "1 origin: Iranian state TV (Iran, state) via Associated Press (wire) · "
        "**one side only** (Iran)" in text
    )
    # the article in its own voice: an origin of no side, so not one side's word
    assert "1 origin: A \\| title (article)\n" in text.replace("  \n", "\n")
