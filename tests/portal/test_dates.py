import datetime
from zoneinfo import ZoneInfo

from portal.templatetags.dates import html_datetime


def test_html_datetime_is_hong_kong_time_to_the_second():
    moment = datetime.datetime(2030, 3, 14, 15, 30, 5, 287494, tzinfo=ZoneInfo("UTC"))
    assert html_datetime(moment) == "2030-03-14T23:30:05+08:00"
    assert html_datetime(None) == ""
