"""One HTTP(S) GET with a timeout and a size cap; every failure is an `InputError` with one line.

urllib.request, not httpx: the standard library is enough for a single GET with a timeout
and a byte cap, and the project needs no extra dependency for it.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlsplit

from newsgraph.errors import InputError, TooLarge
from newsgraph.ingest.text import DEFAULT_MAX_BYTES

USER_AGENT = "newsgraph/0.1"
_SCHEMES = {"http", "https"}
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded resource: where we asked, where we ended up after redirects, and the body."""

    url: str
    final_url: str
    content_type: str | None
    data: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would also follow one to ftp://."""

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
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch(url: str, timeout: float = 20.0, max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """GET `url`, following redirects; raise TooLarge past `max_bytes`, InputError on failure."""
    if urlsplit(url).scheme.lower() not in _SCHEMES:
        raise InputError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            data = _read_capped(response, max_bytes, time.monotonic() + timeout, timeout)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        exc.close()
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise _connection_error(exc.reason, timeout) from None
    except TimeoutError:
        raise InputError(_timed_out(timeout)) from None
    except (http.client.HTTPException, OSError) as exc:
        raise InputError(f"broken response: {_one_line(exc)}") from None
    except ValueError as exc:  # urllib's word for a URL it cannot parse
        raise InputError(f"invalid URL: {_one_line(exc)}") from None
    return Fetched(url=url, final_url=final_url, content_type=content_type, data=data)


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
