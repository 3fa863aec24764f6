import pytest

from tests.alerts.smtp import smtp_server, use_smtp


@pytest.fixture
def mailbox(settings):
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        settings.SITE_URL = "https://sme.example.gov.hk"
        yield mailbox
