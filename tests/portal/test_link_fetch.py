"""Trying outside links against a local http.server on loopback: nothing leaves the machine."""

import pytest

from portal.linkcheck.fetch import client_for_checks, link_fetch, links_fetch
from portal.linkcheck.models import Link
from tests.alerts.smtp import free_port
from tests.portal.linkserver import link_site

Problem = Link.Problem


@pytest.fixture
def site():
    with link_site() as site:
        yield site


def fetch(url):
    with client_for_checks() as client:
        return link_fetch(client, url)


def test_a_working_page_is_one_head_request(site):
    result = fetch(site.url("/ok"))
    assert (result.status_code, result.problem, result.broken) == (200, "", False)
    assert [method for method, *_ in site.requests] == ["HEAD"]


def test_a_missing_page_is_broken_after_head_then_get(site):
    result = fetch(site.url("/missing"))
    assert (result.status_code, result.problem, result.broken) == (404, Problem.HTTP, True)
    assert [method for method, *_ in site.requests] == ["HEAD", "GET"]


def test_redirects_are_followed_and_recorded(site):
    result = fetch(site.url("/moved"))
    assert result.status_code == 200 and not result.broken
    assert result.redirects == [{"status": 301, "url": "/ok/new-home"}]
    assert result.final_url == site.url("/ok/new-home")


def test_a_redirect_loop_is_broken(site):
    assert fetch(site.url("/loop")).problem == Problem.REDIRECTS


@pytest.mark.parametrize("path", ["/no-head", "/head-not-implemented", "/gone-for-head"])
def test_a_server_that_refuses_head_is_asked_with_get(site, path):
    result = fetch(site.url(path))
    assert (result.status_code, result.broken) == (200, False)
    assert [method for method, *_ in site.requests][-1] == "GET"


def test_a_slow_server_times_out(site):
    assert fetch(site.url("/slow")).problem == Problem.TIMEOUT


def test_a_closed_port_cannot_connect():
    assert fetch(f"http://127.0.0.1:{free_port()}/").problem == Problem.CONNECTION


def test_the_user_agent_names_the_site_and_a_contact(site, settings):
    settings.LINK_CHECK_CONTACT = "webteam@tid.gov.hk"
    fetch(site.url("/ok"))
    [(_, _, agent)] = site.requests
    assert agent == "SupportForSMEs-LinkCheck/1.0 (+http://testserver; webteam@tid.gov.hk)"


def test_a_few_links_are_checked_at_a_time(site, settings):
    settings.LINK_CHECK_CONCURRENCY = 3
    site.hold = 0.2
    results = list(links_fetch(site.url(f"/ok/{number}") for number in range(9)))
    assert len(results) == 9 and not any(result.broken for result in results)
    assert 1 < site.most_in_flight <= 3


def test_hosts_outside_the_allowed_ones_are_never_fetched(site):
    # The tests allow loopback only (LINK_CHECK_ONLY_HOSTS): a real address is not even tried.
    results = list(links_fetch(["https://www.tid.gov.hk/", site.url("/ok")]))
    assert [result.url for result in results] == [site.url("/ok")]
