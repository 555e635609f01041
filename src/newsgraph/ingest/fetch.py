"""One HTTP(S) GET with a timeout, a size cap and an address policy; every failure is an
`InputError` with one line.

urllib.request, not httpx: the standard library is enough for a single GET with a timeout
and a byte cap, and the project needs no extra dependency for it. Each hop (the URL, then
every redirect) connects through `_CheckedHTTPConnection`: it resolves the host once, has the
policy check every address (ingest/addresses.py) and connects to a checked one, while the Host
header, TLS SNI and the certificate check still use the host name. Proxies from the
environment are not used: through a proxy, the address checked would not be the one reached.
"""

from __future__ import annotations

import functools
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlsplit

from newsgraph import __version__
from newsgraph.errors import HttpStatus, InputError, Refused, TooLarge
from newsgraph.ingest.addresses import PUBLIC_ONLY, AddressPolicy, IPAddress
from newsgraph.ingest.text import DEFAULT_MAX_BYTES

# Honest: names the program and its version, never a browser's string. Robots rules for
# "newsgraph" apply to it.
USER_AGENT = f"newsgraph/{__version__}"
NOT_MODIFIED = 304
_SCHEMES = {"http", "https"}
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded resource: where we asked, where we ended up after redirects, and the body;
    a conditional GET answered 304 has `status` 304 and no body."""

    url: str
    final_url: str
    content_type: str | None
    data: bytes
    status: int = 200
    etag: str | None = None  # the validators to send next time (If-None-Match, ...)
    last_modified: str | None = None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would also follow one to ftp://. Remembers
    the last one, to name it when its host is refused."""

    def __init__(self) -> None:
        super().__init__()
        self.location: str | None = None

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            fp.close()
            raise InputError(f"redirected to a non-HTTP URL: {newurl}")
        self.location = newurl
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address the policy checked, never one resolved afresh."""

    def __init__(self, host: str, *, timeout: float | None, policy: AddressPolicy) -> None:
        super().__init__(host, timeout=timeout)
        self.policy = policy

    def connect(self) -> None:
        self.sock = _connect(self.policy.addresses(self.host, self.port), self.port, self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as http.client does


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address; SNI and the certificate are checked against the host name."""

    def __init__(self, host: str, *, timeout: float | None, policy: AddressPolicy) -> None:
        # what http.client builds when given no context: system CAs, host name checked
        self.tls = ssl.create_default_context()
        self.tls.set_alpn_protocols(["http/1.1"])
        super().__init__(host, timeout=timeout, context=self.tls)
        self.policy = policy

    def connect(self) -> None:
        sock = _connect(self.policy.addresses(self.host, self.port), self.port, self.timeout)
        try:
            self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except OSError:
            sock.close()
            raise


def _connect(addresses: Sequence[IPAddress], port: int, timeout: float | None) -> socket.socket:
    """The first of the addresses that answers, tried in order as socket.create_connection does."""
    failure = OSError(f"no address to connect to on port {port}")
    for ip in addresses:
        try:
            return socket.create_connection((str(ip), port), timeout)
        except OSError as exc:
            failure = exc
    raise failure


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__()
        self.policy = policy

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_CheckedHTTPConnection, policy=self.policy)
        return self.do_open(connection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__()
        self.policy = policy

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_CheckedHTTPSConnection, policy=self.policy)
        return self.do_open(connection, req)


def fetch(
    url: str,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    policy: AddressPolicy = PUBLIC_ONLY,
    *,
    headers: Mapping[str, str] | None = None,
    user_agent: str = USER_AGENT,
) -> Fetched:
    """GET `url`, following redirects, connecting only where `policy` allows; raise TooLarge
    past `max_bytes`, Refused for an address the policy refuses, HttpStatus for an error
    status, InputError on any other failure. `headers` may make it conditional
    (If-None-Match, If-Modified-Since): a 304 comes back as a Fetched with no body."""
    if timeout <= 0:  # a caller's mistake, not the URL's: socket would call it an invalid URL
        raise ValueError(f"timeout must be more than 0 seconds, not {timeout:g}")
    if urlsplit(url).scheme.lower() not in _SCHEMES:
        raise InputError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={**(headers or {}), "User-Agent": user_agent})
    redirects = _HttpOnlyRedirects()
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        redirects,
        _CheckedHTTPHandler(policy),
        _CheckedHTTPSHandler(policy),
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_capped(response, max_bytes, time.monotonic() + timeout, timeout)
            final_url = response.geturl()
            answer = response.headers
    except Refused as exc:
        if redirects.location is None:
            raise
        why = str(exc).removeprefix("refused: ")
        raise Refused(f"refused redirect to {redirects.location}: {why}") from None
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == NOT_MODIFIED:
            return _not_modified(url, exc)
        retry_after = exc.headers.get("Retry-After") if exc.headers else None
        raise HttpStatus(f"HTTP {exc.code} {exc.reason}", exc.code, retry_after) from None
    except urllib.error.URLError as exc:
        raise _connection_error(exc.reason, timeout) from None
    except TimeoutError:
        raise InputError(_timed_out(timeout)) from None
    except (http.client.HTTPException, OSError) as exc:
        raise InputError(f"broken response: {_one_line(exc)}") from None
    except ValueError as exc:  # urllib's word for a URL it cannot parse
        raise InputError(f"invalid URL: {_one_line(exc)}") from None
    return Fetched(
        url=url,
        final_url=final_url,
        content_type=answer.get("Content-Type"),
        data=data,
        etag=answer.get("ETag"),
        last_modified=answer.get("Last-Modified"),
    )


def _not_modified(url: str, answer: urllib.error.HTTPError) -> Fetched:
    """A 304: nothing to read; the server may send fresher validators with it."""
    headers = answer.headers
    return Fetched(
        url=url,
        final_url=answer.geturl() or url,
        content_type=None,
        data=b"",
        status=NOT_MODIFIED,
        etag=headers.get("ETag") if headers else None,
        last_modified=headers.get("Last-Modified") if headers else None,
    )


def _read_capped(response: IO[bytes], max_bytes: int, deadline: float, timeout: float) -> bytes:
    """At most max_bytes of the body. The socket timeout is per read, so a server dripping
    bytes could stall forever; the deadline bounds the whole download."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise InputError(_timed_out(timeout))
    raise TooLarge(f"over the {max_bytes:,}-byte cap (--max-bytes)")


def _connection_error(reason: object, timeout: float) -> InputError:
    if isinstance(reason, TimeoutError):
        return InputError(_timed_out(timeout))
    if isinstance(reason, socket.gaierror):
        return InputError(f"cannot resolve host: {_one_line(reason.strerror or reason)}")
    text = reason.strerror if isinstance(reason, OSError) and reason.strerror else reason
    return InputError(f"cannot connect: {_one_line(text)}")


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
