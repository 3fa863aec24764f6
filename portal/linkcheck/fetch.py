"""Trying links over HTTP (httpx): HEAD first, GET when HEAD is refused or fails; redirects
followed and recorded; a short timeout; a few at a time; a user agent that says who asks."""

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from portal.linkcheck.models import Link
from portal.site import site_origin

Problem = Link.Problem


@dataclass(frozen=True)
class Result:
    url: str
    status_code: int | None = None
    problem: str = ""  # a Link.Problem; empty when the link works
    redirects: list[dict] = field(default_factory=list)
    final_url: str = ""

    @property
    def broken(self) -> bool:
        return bool(self.problem)


def user_agent() -> str:
    """Names the site and whom to ask about the checks, as polite crawlers do."""
    contact = settings.LINK_CHECK_CONTACT or site_origin()
    return f"SupportForSMEs-LinkCheck/1.0 (+{site_origin()}; {contact})"


def may_fetch(url: str) -> bool:
    """LINK_CHECK_ONLY_HOSTS, when set, limits what is fetched (the tests: loopback only)."""
    only = settings.LINK_CHECK_ONLY_HOSTS
    return only is None or urlsplit(url).hostname in only


def _result(url: str, response: httpx.Response) -> Result:
    redirects = [
        {"status": step.status_code, "url": step.headers.get("location", "")}
        for step in response.history
    ]
    final = str(response.url) if response.history else ""
    problem = Problem.HTTP if response.status_code >= 400 else ""
    return Result(url, response.status_code, problem, redirects, final)


def _failure(url: str, error: Exception) -> Result:
    if isinstance(error, httpx.TimeoutException):
        return Result(url, problem=Problem.TIMEOUT)
    if isinstance(error, httpx.TooManyRedirects):
        return Result(url, problem=Problem.REDIRECTS)
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol | ValueError):
        return Result(url, problem=Problem.INVALID)
    return Result(url, problem=Problem.CONNECTION)


def _get(client: httpx.Client, url: str) -> Result:
    try:
        with client.stream("GET", url) as response:  # the status is enough: no body is read
            return _result(url, response)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as error:
        return _failure(url, error)


def link_fetch(client: httpx.Client, url: str) -> Result:
    """HEAD; if the server refuses it (405, 501) or answers with any failure, GET."""
    try:
        result = _result(url, client.head(url))
    except (httpx.HTTPError, httpx.InvalidURL, ValueError):
        return _get(client, url)
    return _get(client, url) if result.broken else result


def client_for_checks() -> httpx.Client:
    return httpx.Client(
        timeout=settings.LINK_CHECK_TIMEOUT_SECONDS,
        follow_redirects=True,
        max_redirects=10,
        headers={"User-Agent": user_agent()},
        limits=httpx.Limits(max_connections=settings.LINK_CHECK_CONCURRENCY),
    )


def links_fetch(urls: Iterable[str]) -> Iterator[Result]:
    """Each URL's result, LINK_CHECK_CONCURRENCY at a time, as they come in. URLs that may not
    be fetched (LINK_CHECK_ONLY_HOSTS) are skipped."""
    urls = sorted({url for url in urls if may_fetch(url)})
    if not urls:
        return
    with (
        client_for_checks() as client,
        ThreadPoolExecutor(max_workers=settings.LINK_CHECK_CONCURRENCY) as pool,
    ):
        yield from pool.map(lambda url: link_fetch(client, url), urls)
