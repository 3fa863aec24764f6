"""Asking the Hong Kong Observatory's open data API, with a hard time limit in all.

The socket timeout alone bounds each wait, not the whole fetch: a server that drips a byte
every two seconds would keep a fetch busy for minutes. So a timer shuts the connection's
socket at the deadline, whatever the fetch is doing (connecting, reading headers or body).
"""

import contextlib
import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

from .hko import HkoDataError, decode

TIMEOUT_SECONDS = 3
MAX_BYTES = 1_000_000  # a rhrread answer is a few kilobytes


class HkoUnavailable(OSError):
    """HKO could not be reached, answered with an error, or took too long."""


def hko_url(base: str, data_type: str, lang: str) -> str:
    return f"{base}?{urlencode({'dataType': data_type, 'lang': lang})}"


class _Sockets(list):
    """The sockets one fetch opened, so the deadline can shut them."""

    def shut(self):
        for sock in self:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Watched:
    def __init__(self, *args, opened: _Sockets, **kwargs):
        super().__init__(*args, **kwargs)
        self.opened = opened

    def connect(self):
        super().connect()
        self.opened.append(self.sock)


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, opened: _Sockets):
        super().__init__()
        self.opened = opened

    def http_open(self, req):
        return self.do_open(functools.partial(_HTTPConnection, opened=self.opened), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, opened: _Sockets):
        super().__init__()
        self.opened = opened

    def https_open(self, req):
        connection = functools.partial(_HTTPSConnection, opened=self.opened)
        return self.do_open(connection, req, context=self._context)


def fetch_json(url: str, *, timeout: float = TIMEOUT_SECONDS) -> dict:
    """The JSON object at `url`, read within `timeout` seconds in all."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise HkoUnavailable(f"not a web address: {url}")
    deadline = time.monotonic() + timeout
    opened = _Sockets()
    opener = urllib.request.build_opener(_HTTPHandler(opened), _HTTPSHandler(opened))
    timer = threading.Timer(timeout, opened.shut)
    timer.daemon = True
    timer.start()
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            body = b""
            while chunk := response.read1(65536):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise HkoDataError("answer too large")
                if time.monotonic() > deadline:
                    raise HkoUnavailable("answer took too long")
    except HkoDataError:
        raise
    except (OSError, urllib.error.URLError, ValueError, http.client.HTTPException) as error:
        raise HkoUnavailable(str(error)) from error
    finally:
        timer.cancel()
    if time.monotonic() > deadline:  # the socket was shut mid-answer
        raise HkoUnavailable("answer took too long")
    return decode(body)
