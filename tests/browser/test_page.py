"""The page as an analyst uses it, in headless Chromium: look, filter, click, read the evidence."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def rows(page: Any) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#events-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))"
    )


def test_the_page_loads_with_map_timeline_and_events(page: Any) -> None:
    assert "documents" in page.text_content("#summary")
    assert page.locator("#map path.country").count() > 150  # the world, drawn offline
    assert page.locator("#map circle.place").count() >= 3
    assert page.locator("#timeline rect").count() >= 2
    assert len(rows(page)) > 5
    assert page.errors == []  # load time is measured in bench/page_load.py, not here


def test_filter_by_type_and_place(page: Any) -> None:
    page.select_option("#f-type", "ASSAULT")
    page.fill("#f-place", "Deir")
    page.click("#apply")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events-table tbody tr')].every("
        "r => r.cells[0].textContent.startsWith('ASSAULT') && r.cells[2].textContent.includes('Deir'))"
    )
    found = rows(page)
    assert found and all(r[0].startswith("ASSAULT") and "Deir" in r[2] for r in found)
    assert all(
        "Deir" in c
        for c in page.eval_on_selector_all(
            "#map circle.place", "cs => cs.map(c => c.dataset.place)"
        )
    )


def test_clicking_an_event_shows_its_sentence_highlighted(page: Any) -> None:
    page.fill("#f-actor", "Islamic State")
    page.select_option("#f-type", "ASSAULT")
    page.click("#apply")
    page.wait_for_timeout(300)
    # the row's first cell: the row's middle may fall on a party's link, which opens who's who
    page.click("#events-table tbody tr >> nth=0 >> td >> nth=0")
    focus = page.wait_for_selector("#doc .focus")
    sentence = page.text_content("#event-detail .report div:nth-child(2)")
    assert focus.text_content().strip() and focus.text_content().strip() in sentence
    assert "ASSAULT" in page.text_content("#fact")


def test_the_disputes_view_shows_both_sides(page: Any) -> None:
    page.click("a[href='#disputes']")
    heading = page.locator(".dispute h3", has_text="Russia").first
    assert "United States" in heading.text_content()
    sides = heading.locator("xpath=..").locator(".side")
    assert sides.count() == 2
    assert "accuses" in sides.nth(0).text_content() and "accuses" in sides.nth(1).text_content()


def test_who_is_who_for_a_person(page: Any) -> None:
    page.fill("#who-q", "Konashenkov")
    page.click("#who-form button")
    page.click("#who-results .link >> nth=0")
    page.wait_for_selector("#who-page h3")
    text = page.text_content("#who-page")
    assert "Igor Konashenkov" in text and "Quotes (" in text and "Quotes (0)" not in text


def test_hostile_article_text_never_runs(page: Any) -> None:
    page.fill("#who-q", "Homs")
    page.click("#who-form button")
    page.wait_for_selector("#who-results .link")
    doc_id = page.evaluate(
        "async () => (await (await fetch('/api/search?q=pwned')).json()).documents[0].id"
    )
    page.evaluate("id => openDocument(id)", doc_id)
    page.wait_for_selector("#doc span")
    text = page.text_content("#doc")
    assert "<script>" in text and "onerror=" in text and "javascript:" in text  # shown as text
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#doc script, #doc img, #doc a[href^='javascript'], #doc svg").count() == 0
    assert page.errors == []


def origins_cells(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#events-table tbody tr", "rs => rs.map(r => r.querySelector('.origins-cell').textContent)"
    )


def test_filter_by_origins_and_one_side_and_read_them_in_the_evidence(page: Any) -> None:
    page.check("#f-single_side")
    page.click("#apply")
    page.wait_for_function(
        "() => { const rs = [...document.querySelectorAll('#events-table tbody tr')];"
        " return rs.length && rs.every(r => r.querySelector('.origins-cell .one-side')); }"
    )
    assert all("one side only" in cell for cell in origins_cells(page))
    # an accusation carried by one side alone: its origins listed where its sentence is shown
    page.fill("#f-actor", "Sergey Ryabkov")
    page.select_option("#f-type", "ACCUSE")
    page.click("#apply")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events-table tbody tr')].every("
        "r => r.cells[0].textContent.startsWith('ACCUSE'))"
    )
    page.click("#events-table tbody tr >> nth=0 >> td >> nth=0")
    page.wait_for_selector("#event-detail .origins")
    detail = page.text_content("#event-detail .origins")
    assert "1 independent origin" in detail and "one side only: Russia" in detail
    assert "Sergey Ryabkov (Russia)" in detail
    page.wait_for_selector("#fact .origins")
    assert "Sergey Ryabkov (Russia)" in page.text_content("#fact")
    # more than one origin: the one-side filter off, at least two origins asked
    # whose word: every event an origin of Russia's tells, and nothing only others tell
    page.click("#reset")
    page.fill("#f-side", "Russia")
    page.click("#apply")
    page.wait_for_function(
        "() => { const rs = [...document.querySelectorAll('#events-table tbody tr')];"
        " return rs.length && rs.every(r => r.querySelector('.origins-cell').title.includes('Russia')); }"
    )
    page.click("#reset")  # clears every filter, the one-side box too
    page.wait_for_function("() => !document.getElementById('f-single_side').checked")
    assert page.input_value("#f-type") == "" and page.input_value("#f-actor") == ""
    page.fill("#f-min_origins", "2")
    page.click("#apply")
    page.wait_for_function(
        "() => { const rs = [...document.querySelectorAll('#events-table tbody tr')];"
        " return rs.length && rs.every(r => parseInt(r.querySelector('.origins-cell').textContent) >= 2); }"
    )
    counts = [int(cell.split("one side")[0]) for cell in origins_cells(page)]
    assert counts and min(counts) >= 2
    assert page.errors == []


def test_places_kept_at_their_district_or_region_are_drawn_as_rings(page: Any) -> None:
    levels = page.eval_on_selector_all(
        "#map circle.place",
        "cs => cs.map(c => [c.dataset.place, c.dataset.precision, getComputedStyle(c).strokeDasharray,"
        " Number(getComputedStyle(c).fillOpacity)])",
    )
    by_name = {name: (level, dashes, fill) for name, level, dashes, fill in levels}
    district, region = by_name["Tal Sukkar"], by_name["Kherbet Hadla"]
    itself = next(v for v in by_name.values() if v[0] == "1")
    assert (district[0], region[0]) == ("2", "3")
    assert itself[1] == "none" and district[1] != "none" and region[1] != "none"
    assert region[2] < district[2] < itself[2]
    legend = page.text_content("#legend")
    assert "at its district" in legend and "at its region" in legend
    title = page.text_content("#map circle.precision-3 title")
    assert "placed at its region" in title
