"""The finder's "New in the last 7 / 30 / 90 days" filter and its newest and closing sorts."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


def result_names(soup):
    return [h.a.get_text(strip=True) for h in soup.select(".scheme-card__title")]


def made_days_ago(days: int, **fields):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days)):
        return make_scheme(**fields)


@pytest.fixture
def schemes_of_several_ages():
    made_days_ago(2, name_en="Two days")
    made_days_ago(20, name_en="Twenty days")
    made_days_ago(60, name_en="Sixty days")
    made_days_ago(200, name_en="Old")


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("7", ["Two days"]),
        ("30", ["Twenty days", "Two days"]),
        ("90", ["Sixty days", "Twenty days", "Two days"]),
    ],
)
def test_new_in_the_last_days_filters_and_is_announced(
    get_page, schemes_of_several_ages, days, expected
):
    _, soup = get_page(f"/en/schemes/?new={days}&sort=name")
    assert result_names(soup) == expected
    count = soup.select_one('[role="status"] h2').get_text(strip=True)
    assert count.startswith(str(len(expected)))
    assert soup.find("input", attrs={"name": "new", "value": days}).has_attr("checked")
    assert f"New on this site: In the last {days} days" in soup.select_one(".active-filters").text


def test_tc_labels_of_the_new_filter(get_page, schemes_of_several_ages):
    _, soup = get_page("/tc/schemes/?new=7")
    legend = soup.find("input", attrs={"name": "new", "value": "7"}).find_parent("fieldset")
    assert "最近 7 日" in legend.get_text()


def test_newest_first(get_page, schemes_of_several_ages):
    _, soup = get_page("/en/schemes/?sort=newest")
    assert result_names(soup) == ["Two days", "Twenty days", "Sixty days", "Old"]


def test_publish_from_counts_as_when_it_came_on_the_site(get_page):
    made_days_ago(
        100, name_en="Scheduled", publish_from=timezone.now() - datetime.timedelta(days=1)
    )
    made_days_ago(10, name_en="Recent")
    _, soup = get_page("/en/schemes/?new=7")
    assert result_names(soup) == ["Scheduled"]


def test_closing_soonest_first_open_all_year_last(get_page):
    today = timezone.localdate()
    make_scheme(name_en="Rolling", closes_on=None)
    make_scheme(name_en="Later", closes_on=today + datetime.timedelta(days=90))
    make_scheme(name_en="Soon", closes_on=today + datetime.timedelta(days=5))
    make_scheme(name_en="Closed", closes_on=today - datetime.timedelta(days=5))
    _, soup = get_page("/en/schemes/?sort=closing")
    assert result_names(soup) == ["Soon", "Later", "Rolling"]
    query = "?sort=closing&status=open&status=closing&status=rolling&status=closed"
    _, soup = get_page(f"/en/schemes/{query}")
    assert result_names(soup) == ["Soon", "Later", "Rolling", "Closed"]


@pytest.mark.parametrize("value", ["5", "abc", "-7"])
def test_an_unknown_new_value_is_reported_not_fatal(get_page, value):
    make_scheme(name_en="Grant")
    _, soup = get_page(f"/en/schemes/?new={value}")
    assert soup.select_one('[role="alert"]')
    assert result_names(soup) == ["Grant"]


def test_the_filters_stay_in_a_details_element(get_page):
    make_scheme()
    _, soup = get_page("/en/schemes/?new=30&sort=newest")
    details = soup.select_one("details.finder__filters")
    assert details.find("input", attrs={"name": "new"})
    assert details.find("option", attrs={"value": "newest", "selected": True})


def test_csv_of_the_results_has_the_same_new_filter_and_order(get_page, client):
    made_days_ago(40, name_en="Older")
    made_days_ago(3, name_en="Newer")
    made_days_ago(1, name_en="Newest")
    _, soup = get_page("/en/schemes/?new=30&sort=newest")
    csv_url = soup.find("a", attrs={"type": "text/csv"})["href"]
    assert "new=30" in csv_url and "sort=newest" in csv_url
    lines = client.get(csv_url).content.decode().splitlines()
    assert len(lines) == 3
    assert "Newest" in lines[1] and "Newer" in lines[2]
