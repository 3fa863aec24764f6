"""Asking the Hong Kong Observatory's open data API, with a hard time limit."""

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


def fetch_json(url: str, *, timeout: float = TIMEOUT_SECONDS) -> dict:
    """The JSON object at `url`, read within `timeout` seconds in all."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise HkoUnavailable(f"not a web address: {url}")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = b""
            while chunk := response.read(65536):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise HkoDataError("answer too large")
                if time.monotonic() > deadline:
                    raise HkoUnavailable("answer took too long")
    except HkoDataError:
        raise
    except (OSError, urllib.error.URLError, ValueError) as error:
        raise HkoUnavailable(str(error)) from error
    return decode(body)
