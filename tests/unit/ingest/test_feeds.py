import pytest

from newsgraph.errors import EmptyInput, InputError
from newsgraph.ingest.feeds import fragment_text, read_feed
from newsgraph.model import Article, Unreadable

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example Wire</title>
  <link>https://wire.example.com/</link>
  <item>
    <title>Air strikes hit Idlib</title>
    <link>https://wire.example.com/idlib</link>
    <pubDate>Wed, 05 Apr 2017 01:30:00 +0300</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>&lt;p&gt;Air strikes hit Idlib on Tuesday, a monitor said.&lt;/p&gt;
      &lt;p&gt;At least &lt;b&gt;12&lt;/b&gt; people
      were killed.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</description>
  </item>
  <item>
    <title>Summary only in the description, full text in content:encoded</title>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The full story, first paragraph.</p><p>Second one.</p>]]></content:encoded>
  </item>
  <item>
    <title>A headline with no text</title>
    <link>https://wire.example.com/headline-only</link>
  </item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <id>urn:uuid:1</id>
  <updated>2017-04-06T00:00:00Z</updated>
  <entry>
    <title>Ceasefire talks resume</title>
    <link href="https://atom.example.org/talks"/>
    <id>urn:uuid:2</id>
    <published>2017-04-05T23:30:00-05:00</published>
    <updated>2017-04-06T08:00:00Z</updated>
    <author><name>John Roe</name><email>roe@example.org</email></author>
    <content type="text">Delegations met in Astana.

Both sides said the talks were useful.</content>
  </entry>
</feed>"""


def test_rss_items_become_articles():
    items = list(read_feed(RSS, "wire.rss"))
    first = items[0]
    assert isinstance(first, Article)
    assert first.source == first.url == "https://wire.example.com/idlib"
    assert first.title == "Air strikes hit Idlib"
    assert first.byline == "Jane Doe"
    assert first.outlet == "Example Wire"
    assert first.raw == (
        "Air strikes hit Idlib on Tuesday, a monitor said.\n\nAt least 12 people were killed."
    )


def test_the_date_is_the_publishers_own_not_utc():
    # 01:30 in Damascus is still 4 April in UTC; the outlet published it on the 5th
    first = next(iter(read_feed(RSS, "wire.rss")))
    assert isinstance(first, Article)
    assert first.published == "2017-04-05"


def test_full_content_is_preferred_over_the_summary():
    second = list(read_feed(RSS, "wire.rss"))[1]
    assert isinstance(second, Article)
    assert second.raw == "The full story, first paragraph.\n\nSecond one."
    assert second.source == "wire.rss#item2"  # no link: named by its place in the feed
    assert second.url is None


def test_an_item_without_text_is_unreadable():
    third = list(read_feed(RSS, "wire.rss"))[2]
    assert third == Unreadable("https://wire.example.com/headline-only", "feed item has no text")


def test_atom_entries_become_articles():
    (entry,) = read_feed(ATOM, "desk.atom")
    assert isinstance(entry, Article)
    assert entry.title == "Ceasefire talks resume"
    assert entry.url == "https://atom.example.org/talks"
    assert entry.byline == "John Roe"
    assert entry.outlet == "Atom Desk"
    assert entry.published == "2017-04-05"
    assert entry.raw == "Delegations met in Astana.\n\nBoth sides said the talks were useful."


@pytest.mark.usefixtures("no_network")
def test_feeds_are_parsed_without_the_network():
    assert len(list(read_feed(RSS, "wire.rss"))) == 3


def test_a_malformed_feed_with_no_items_is_an_input_error():
    with pytest.raises(InputError, match=r"^malformed feed: <unknown>:1:\d+: unclosed token$"):
        list(read_feed(b'<?xml version="1.0"?><rss><channel><title>x</ti', "bad.rss"))


def test_a_damaged_feed_that_still_has_items_is_read_best_effort():
    cut = RSS[: RSS.index(b"<item>", RSS.index(b"</item>"))]  # ends after the first item
    items = list(read_feed(cut, "cut.rss"))
    assert [item.source for item in items] == ["https://wire.example.com/idlib"]


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"<html><body><p>A web page</p></body></html>", InputError, "not an RSS, Atom"),
        (b"", EmptyInput, "empty"),
        (b'<rss version="2.0"><channel><title>T</title></channel></rss>', EmptyInput, "no items"),
    ],
)
def test_not_a_feed(data: bytes, error: type[Exception], message: str):
    with pytest.raises(error, match=message):
        list(read_feed(data, "x.xml"))


def test_fragment_text_keeps_line_breaks_and_drops_scripts():
    html = "<div>One<br>two</div><ul><li>a</li><li>b</li></ul><style>p{}</style>&amp; done"
    assert fragment_text(html) == "One\ntwo\n\na\n\nb\n\n& done"
