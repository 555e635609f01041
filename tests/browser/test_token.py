"""The token flow in headless Chromium: the page takes the token once, sets its cookie and drops
the token from the address, then the API answers the page; a rebinding domain gets nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    fresh = browser.new_context()
    yield fresh
    fresh.close()


def _ready(tab: Any) -> None:
    tab.wait_for_selector("body[data-ready=yes]", timeout=20_000)
    assert "documents" in tab.text_content("#summary")


def test_the_page_takes_the_token_once_and_drops_it(context: Any, token_server: Any) -> None:
    base, token = token_server
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    opened = tab.goto(f"{base}/?token={token}")
    assert opened.status == 200 and tab.url == f"{base}/"  # the token is out of the address
    _ready(tab)  # the page's API calls carry the cookie
    [cookie] = context.cookies()
    assert cookie["httpOnly"] and token not in cookie["value"]
    assert errors == []
    assert tab.goto(f"{base}/api/summary?token={token}").status == 200  # by cookie, not ?token=


def test_a_link_from_another_site_opens_the_page(context: Any, token_server: Any) -> None:
    """The cookie must come back on the redirect after a cross-site click (SameSite=Lax)."""
    base, token = token_server
    tab = context.new_page()
    tab.set_content(f'<a id="open" href="{base}/?token={token}">newsgraph</a>')
    with tab.expect_navigation() as navigation:
        tab.click("#open")
    assert navigation.value.status == 200 and tab.url == f"{base}/"
    _ready(tab)


def test_without_the_token_or_from_a_rebinding_domain_nothing_is_served(
    context: Any, token_server: Any
) -> None:
    base, token = token_server
    tab = context.new_page()
    assert tab.goto(f"{base}/").status == 401
    assert tab.goto(f"{base}/api/summary?token={token}").status == 401
    rebound = base.replace("127.0.0.1", "rebound.test")  # resolves to 127.0.0.1 (conftest)
    assert tab.goto(f"{rebound}/?token={token}").status == 400
    assert context.cookies() == []
