"""Crawl the live site from /en/, /tc/ and /sc/ and keep every internal HTML page it links to.

Plain HTTP (no browser): the raw HTML is what the Nu HTML Checker must see, and fetching it is
quick. The browser checks then open the crawled URLs.
"""

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import translation

from portal.i18n import languages
from portal.i18n.urls import LanguagePrefixPattern, language_from_path

START_PATHS = tuple(f"/{language.prefix}/" for language in languages.ALL)
NOT_PAGES = ("/static/", "/media/", "/admin/", "/feed", "/feeds/")
NOT_PAGE_SUFFIXES = (".ics", ".xml", ".atom", ".rss", ".txt", ".pdf", ".json", ".css", ".js")
MAX_PAGES = 400
# Finder and filter links are each followed once, from pages without a query string: the
# filtered pages' own filter links would multiply without end.
MAX_QUERIES_PER_PATH = 40
# Some page types never end (the month calendar links to the next month, and the next): after
# this many pages of one type in one language the crawler has seen that type enough.
MAX_PAGES_PER_TYPE = 12


@dataclass(frozen=True)
class ExtraPage:
    """A page no link leads to, e.g. the 404 page or a finder query, and the status it gives."""

    path: str  # after the language prefix, e.g. "schemes/?q=loan"
    status: int = 200


@dataclass
class CrawledPage:
    url: str  # path and query, e.g. "/en/schemes/?q=loan"
    status: int
    html: str
    language: languages.Language
    page_type: str
    linked_from: str = ""

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")


@dataclass
class CrawlResult:
    base_url: str
    pages: list[CrawledPage] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # "url (status) linked from page"
    skipped: set[str] = field(default_factory=set)  # linked resources that are not pages
    truncated: bool = False

    def representatives(self) -> list[CrawledPage]:
        """The first page of each type in each language, and of each status: a finder search
        that is refused (400) does not stand for the finder's results."""
        seen, chosen = set(), []
        for page in self.pages:
            if (page.page_type, page.language, page.status) not in seen:
                seen.add((page.page_type, page.language, page.status))
                chosen.append(page)
        return chosen

    def summary(self) -> str:
        types = sorted({page.page_type for page in self.pages})
        lines = [
            f"Accessibility crawl: {len(self.pages)} pages, {len(types)} page types "
            f"({', '.join(types)}), {len(self.skipped)} linked non-page resources skipped.",
            *(f"  {page.status} {page.page_type:<24} {page.url}" for page in self.pages),
        ]
        return "\n".join(lines)


def page_type(path_and_query: str) -> str:
    """The view behind a URL, e.g. "schemes:detail"; "404" when none; queries count apart."""
    path, _, query = path_and_query.partition("?")
    language = language_from_path(path)
    if language is None:
        return "404"
    with translation.override(language.code):
        try:
            view_name = resolve(path).view_name
        except Resolver404:
            return "404"
    keys = sorted({key for key, _ in parse_qsl(query, keep_blank_values=True)})
    return f"{view_name}?{'&'.join(keys)}" if keys else view_name


def prefixed_view_names() -> set[str]:
    """Every named view under the language prefixes: the page types a crawl must reach."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name:
                yield f"{namespace}{pattern.name}"

    return {
        name
        for resolver in get_resolver().url_patterns
        if isinstance(resolver, URLResolver) and isinstance(resolver.pattern, LanguagePrefixPattern)
        for name in walk(resolver.url_patterns)
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url: str) -> tuple[int, str, str, str]:
    """Status, content type, body and redirect target of one GET, redirects not followed."""
    try:
        response = _opener.open(url, timeout=30)  # noqa: S310 (the live test server)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read().decode("utf-8", errors="replace")
        return (
            response.status,
            response.headers.get("Content-Type", ""),
            body,
            response.headers.get("Location", ""),
        )


def _normalised(href: str, base: str, host: str) -> str | None:
    """The site-relative path and query a link leads to, or None when it is not ours."""
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        return None
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return parts.path + (f"?{query}" if query else "")


def _is_page_path(path: str) -> bool:
    plain = path.partition("?")[0]
    return (
        language_from_path(plain) is not None
        and not any(part in plain for part in NOT_PAGES)
        and not plain.endswith(NOT_PAGE_SUFFIXES)
    )


def links_on(soup: BeautifulSoup) -> list[str]:
    """Hyperlinks and alternate links (feeds, calendars) in document order."""
    return [
        tag["href"]
        for tag in soup.find_all(["a", "area", "link"], href=True)
        if tag.name != "link" or "alternate" in (tag.get("rel") or [])
    ]


def crawl(base_url: str, extra_pages=(), *, max_pages: int = MAX_PAGES) -> CrawlResult:
    """Breadth-first from the three home pages, then the extra pages in each language."""
    host = urlsplit(base_url).netloc
    result = CrawlResult(base_url)
    expected_status = {}
    queue = deque((path, "") for path in START_PATHS)
    for extra in extra_pages:
        for start in START_PATHS:
            # Keyed as the queue is: by the normalised URL, query keys sorted.
            url = _normalised(start + extra.path, base_url, host)
            expected_status[url] = extra.status
            queue.append((url, "(extra page)"))
    queued = {path for path, _ in queue}
    queries_per_path = {}
    pages_per_type = {}

    while queue:
        url, linked_from = queue.popleft()
        if len(result.pages) >= max_pages:
            result.truncated = True
            break
        status, content_type, body, location = fetch(base_url + url)
        if 300 <= status < 400:
            target = _normalised(location, base_url + url, host)
            if target and target not in queued and _is_page_path(target):
                queued.add(target)
                queue.append((target, url))
            continue
        if status != expected_status.get(url, 200):
            result.broken.append(f"{url} ({status}) linked from {linked_from or 'start'}")
        if not content_type.startswith("text/html"):
            result.skipped.add(url)
            continue
        page = CrawledPage(url, status, body, language_from_path(url), page_type(url), linked_from)
        seen_of_type = pages_per_type.get((page.page_type, page.language), 0)
        if seen_of_type >= MAX_PAGES_PER_TYPE and url not in expected_status:
            continue
        pages_per_type[(page.page_type, page.language)] = seen_of_type + 1
        result.pages.append(page)
        for href in links_on(page.soup):
            target = _normalised(href, base_url + url, host)
            if target is None or target in queued:
                continue
            if not _is_page_path(target):
                result.skipped.add(target)
                continue
            path, _, query = target.partition("?")
            if query:
                if "?" in url or queries_per_path.get(path, 0) >= MAX_QUERIES_PER_PATH:
                    continue
                queries_per_path[path] = queries_per_path.get(path, 0) + 1
            queued.add(target)
            queue.append((target, url))
    return result
