"""What the server answers, and to whom: allowed hosts, the token and its cookie, the headers
every response carries, and search strings that are text, never patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Actor, Doc, Event, Quote, Span
from newsgraph.normalize.fingerprint import fingerprint
from newsgraph.serve.app import create_app
from newsgraph.store.db import Store

LOCAL = "http://localhost:8000"


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("security") / "empty.duckdb"
    Store(db).close()
    return db


def _secured(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_a_foreign_host_header_is_refused(empty: Path) -> None:
    """DNS rebinding: a page on evil.example that resolves to 127.0.0.1 sends its own Host."""
    client = TestClient(create_app(empty), base_url=LOCAL)
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example"):
        refused = client.get("/api/summary", headers={"Host": host})
        assert refused.status_code == 400, host
        _secured(refused)
    for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
        assert client.get("/api/summary", headers={"Host": host}).status_code == 200, host


def test_named_hosts_are_allowed_when_configured(empty: Path) -> None:
    client = TestClient(create_app(empty, allowed_hosts=["news.lan"]), base_url=LOCAL)
    assert client.get("/api/summary", headers={"Host": "news.lan:8000"}).status_code == 200
    assert client.get("/api/summary", headers={"Host": "evil.example"}).status_code == 400


def test_only_the_page_takes_the_token_from_the_address(empty: Path) -> None:
    client = TestClient(create_app(empty, token="s3cret"), base_url=LOCAL)
    assert client.get("/api/summary", params={"token": "s3cret"}).status_code == 401
    assert client.get("/openapi.json", params={"token": "s3cret"}).status_code == 401
    assert client.get("/", params={"token": "wrong"}).status_code == 401
    opened = client.get("/", params={"token": "s3cret", "x": "1"}, follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/?x=1"
    cookie = opened.cookies["newsgraph_token"]
    assert cookie and "s3cret" not in cookie  # a value derived from the token, not the token
    set_cookie = opened.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite" in set_cookie
    # the client keeps the cookie: the page and the API now answer without the token
    assert client.get("/").status_code == 200
    assert client.get("/api/summary").status_code == 200


def test_the_api_takes_the_bearer_header_or_the_page_cookie(empty: Path) -> None:
    client = TestClient(create_app(empty, token="s3cret"), base_url=LOCAL)
    assert client.get("/api/summary").status_code == 401
    assert client.get("/").status_code == 401
    bearer = {"Authorization": "Bearer s3cret"}
    assert client.get("/api/summary", headers=bearer).status_code == 200
    wrong = {"Authorization": "Bearer s3cre"}
    assert client.get("/api/summary", headers=wrong).status_code == 401
    # the raw token is not a valid cookie: only the page's derived value is
    raw = {"Cookie": "newsgraph_token=s3cret"}
    assert client.get("/api/summary", headers=raw).status_code == 401
    cookie = client.get("/?token=s3cret", follow_redirects=False).cookies["newsgraph_token"]
    other = TestClient(create_app(empty, token="s3cret"), base_url=LOCAL)
    derived = {"Cookie": f"newsgraph_token={cookie}"}
    assert other.get("/api/summary", headers=derived).status_code == 200
    refused = other.get("/api/summary", headers=wrong)
    assert refused.headers["www-authenticate"].startswith("Bearer")


def test_every_response_carries_the_security_headers(empty: Path) -> None:
    locked = TestClient(create_app(empty, token="s3cret"), base_url=LOCAL)
    _secured(locked.get("/api/summary"))  # 401
    _secured(locked.get("/?token=s3cret", follow_redirects=False))  # 303
    open_ = TestClient(create_app(empty), base_url=LOCAL)
    for path, status in (
        ("/", 200),
        ("/api/summary", 200),
        ("/static/app.js", 200),
        ("/nowhere", 404),
        ("/api/documents/zzz", 404),
        ("/api/events?limit=0", 422),
    ):
        response = open_.get(path)
        assert response.status_code == status, path
        _secured(response)
    _secured(open_.post("/api/summary"))  # 405
    broken = create_app(empty)
    broken.state.reader.close()  # every query now fails inside the app: a 500
    failing = TestClient(broken, base_url=LOCAL, raise_server_exceptions=False)
    response = failing.get("/api/summary")
    assert response.status_code == 500
    _secured(response)


def _doc(doc_id: str, text: str, actor: str) -> Doc:
    at = text.index(actor)
    span = Span(0, len(text), text)
    return Doc(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        title=text[:20],
        published="2017-04-04",
        actors=(Actor(actor, "group", mentions=(Span(at, at + len(actor), actor),)),),
        quotes=(Quote(0, len(text), text, "indirect", "said", actor, method="t"),),
        events=(Event("ASSAULT", evidence=span, trigger=span, actor=(actor,), day="2017-04-03"),),
        fingerprint=fingerprint(text),
    )


@pytest.fixture(scope="module")
def literal(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("like") / "like.duckdb"
    with Store(db) as store:
        store.write(
            [
                _doc("plain", "Rebels said the army shelled Homs on Monday.", "Rebels"),
                _doc("snake", "The group Jaish_Khalid said it hit a 50% share.", "Jaish_Khalid"),
            ]
        )
    return TestClient(create_app(db), base_url=LOCAL)


@pytest.mark.parametrize("path", ["documents", "quotes", "events", "actors"])
def test_search_wildcards_match_only_themselves(literal: TestClient, path: str) -> None:
    # only the record that holds a literal _ (or %), not every record
    assert literal.get(f"/api/{path}", params={"q": "_"}).json()["total"] == 1
    percent = 0 if path == "actors" else 1  # "50%" is in the text, in no actor's name
    assert literal.get(f"/api/{path}", params={"q": "%"}).json()["total"] == percent
    assert literal.get(f"/api/{path}", params={"q": "h_K"}).json()["total"] == 1
    assert literal.get(f"/api/{path}", params={"q": "e_s"}).json()["total"] == 0  # "Rebels"
    assert literal.get(f"/api/{path}", params={"q": "\\"}).json()["total"] == 0


def test_search_with_only_wildcards_finds_nothing_without_them(literal: TestClient) -> None:
    found = literal.get("/api/search", params={"q": "__"}).json()
    assert all(found[kind] == [] for kind in ("documents", "actors", "people", "places"))
    found = literal.get("/api/search", params={"q": "h_k"}).json()
    assert [a["name"] for a in found["actors"]] == ["Jaish_Khalid"]
    assert literal.get("/api/people", params={"q": "_"}).json()["total"] == 0
    assert literal.get("/api/clusters", params={"q": "%"}).json()["total"] == 0
