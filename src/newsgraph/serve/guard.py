"""Who may read the store over HTTP, and the headers every response carries.

- Hosts: only the names the server is meant to be reached by (loopback, the bound address,
  and any the user allows) pass the Host check, so a web page on a DNS-rebinding domain that
  resolves to 127.0.0.1 cannot read the store through the user's browser.
- Token: the API takes it as `Authorization: Bearer`, or as the cookie the page sets. Only the
  page (`/`) takes `?token=`, once: it sets the cookie and redirects to the same page without
  it, so the token stays out of the address bar and history. The cookie holds an HMAC of a
  fixed label keyed with the token, never the token itself.
- Headers: CSP, nosniff and no-referrer on every response, refusals and errors included.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
COOKIE = "newsgraph_token"
_COOKIE_LABEL = b"newsgraph page cookie v1"  # change it to void every cookie ever set
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def host_name(address: str) -> str:
    """The Host header's spelling of a bind address: IPv6 literals go in brackets."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return f"[{ip}]" if ip.version == 6 else str(ip)


def cookie_value(token: str) -> str:
    """What the page's cookie holds: HMAC-SHA256 of a fixed label, keyed with the token."""
    return hmac.new(token.encode(), _COOKIE_LABEL, hashlib.sha256).hexdigest()


def _same(offered: str, expected: str) -> bool:
    return hmac.compare_digest(offered.encode(), expected.encode())


class SecurityHeaders:
    """Adds `HEADERS` to every HTTP response that passes through, whoever made it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_secured)


class TokenGuard:
    """Lets a request through only with the token (bearer header, or the page's cookie)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token
        self.cookie = cookie_value(token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        answer = self._answer(Request(scope))
        if answer is None:
            await self.app(scope, receive, send)
        else:
            await answer(scope, receive, send)

    def _answer(self, request: Request) -> Response | None:
        """None to pass the request on, else the refusal or the page's redirect."""
        offered = request.query_params.get("token")
        if request.url.path == "/" and offered is not None:
            return self._open_page(request) if _same(offered, self.token) else _refused()
        return None if self._carries(request) else _refused()

    def _carries(self, request: Request) -> bool:
        scheme, _, bearer = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and _same(bearer.strip(), self.token):
            return True
        return _same(request.cookies.get(COOKIE, ""), self.cookie)

    def _open_page(self, request: Request) -> Response:
        """Set the cookie, and send the browser to the same address without the token."""
        rest = request.url.remove_query_params("token").query
        response = RedirectResponse("/" + (f"?{rest}" if rest else ""), status_code=303)
        # Lax, not Strict: after a click on a link to /?token= from another site (a chat, a
        # mail), the redirect is still a cross-site navigation and would come back without a
        # Strict cookie: a 401. Every route is a GET that only reads; another site can send
        # the browser to one, not read the answer, nor frame it (frame-ancestors 'none').
        response.set_cookie(COOKIE, self.cookie, httponly=True, samesite="lax")
        return response


def _refused() -> Response:
    return JSONResponse(
        {"detail": "missing or wrong token"},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="newsgraph"'},
    )
