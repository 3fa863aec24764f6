"""The site's public address, SITE_URL: the one place absolute URLs are made.

Canonical links, hreflang alternates, Open Graph and JSON-LD, feeds, sitemaps, robots.txt,
iCalendar UIDs and every link in an e-mail are built here, never from the request's Host
header, which the sender chooses (any port passes ALLOWED_HOSTS).
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_origin() -> str:
    """`https://sme.example.gov.hk`: SITE_URL's scheme and host, without a trailing slash."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (from `reverse()` or `get_absolute_url()`, starting with /) on the public site."""
    if urlsplit(path).scheme:
        return path
    return site_origin() + "/" + path.lstrip("/")


def site_netloc() -> str:
    """The host with its port, if SITE_URL has one: `127.0.0.1:8000`."""
    return urlsplit(site_origin()).netloc or "localhost"


def site_domain() -> str:
    """The host name alone, for identifiers: iCalendar UIDs, e-mail Message-IDs."""
    return urlsplit(site_origin()).hostname or "localhost"


def site_is_secure() -> bool:
    return urlsplit(site_origin()).scheme == "https"
