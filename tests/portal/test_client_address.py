import pytest
from django.test import RequestFactory

from portal.staff import client_address

LOAD_BALANCER = "10.0.0.1"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "address"),
    [
        (0, "", LOAD_BALANCER),
        (0, "198.51.100.7", LOAD_BALANCER),  # no proxy trusted: the header is the client's word
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a forged entry on the left is ignored
        (2, "198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "", LOAD_BALANCER),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(
    settings, proxies, forwarded_for, address
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post(
        "/admin/login/", REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=forwarded_for
    )
    assert client_address(request) == address
