"""The content the accessibility crawl runs on: enough to fill every page type of the site.

To cover a new page type, add one `_build_<things>()` function below that creates its content
with the app's test factories and returns the `ExtraPage`s no link reaches (queries, empty
months, a 404); then call it from `crawl_data_build()`. Pages reachable by links need no entry:
the crawler finds them, and `test_crawl_reaches_every_page_type` fails until every named view
under the language prefixes has been crawled.
"""

from tests.browser.crawl import ExtraPage
from tests.portal.factories import make_organisation

# A query that matches content built below and one that matches nothing.
FINDER_QUERY = "loan"
FINDER_QUERY_WITHOUT_RESULTS = "zzqxj"


def _build_site_pages() -> list[ExtraPage]:
    """Pages that exist without content: the 404 page and the finder's two outcomes."""
    return [
        ExtraPage("no-such-page/", status=404),
        ExtraPage(f"schemes/?q={FINDER_QUERY}"),
        ExtraPage(f"schemes/?q={FINDER_QUERY_WITHOUT_RESULTS}"),
    ]


def _build_organisations() -> list[ExtraPage]:
    """An organisation with every field filled, English-only description to test fallback."""
    organisation = make_organisation(
        slug="trade-and-industry-department",
        name_en="Trade and Industry Department",
        name_zh_hant="工業貿易署",
        short_name_en="TID",
        short_name_zh_hant="工貿署",
        website="https://www.tid.gov.hk/",
        description_en="<p>The department helps small and medium enterprises grow.</p>",
        address_en="Trade and Industry Department Tower, 3 Concorde Road, Kowloon City",
        address_zh_hant="九龍城協調道3號工業貿易大樓",
        phone="2398 5133",
        fax="2737 2377",
        email="enquiry@tid.gov.hk",
    )
    # No link reaches it until the scheme and event pages link to their organisations.
    return [ExtraPage(f"organisations/{organisation.slug}/")]


def crawl_data_build() -> list[ExtraPage]:
    """Create the crawl's content and return the pages it must visit besides linked ones."""
    return [
        *_build_site_pages(),
        *_build_organisations(),
    ]
