"""The staff side: login throttling, the movable admin path, idle sessions."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.portal.factories import make_staff

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def log_in(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def test_a_correct_login_works(client):
    make_staff(username="maria")
    assert log_in(client, "maria", PASSWORD).status_code == 302


def test_five_failures_lock_the_username_from_that_address(client):
    make_staff(username="maria")
    for _ in range(4):
        assert log_in(client, "maria", "wrong").status_code == 200
    locked = log_in(client, "maria", "wrong")
    assert locked.status_code == 429
    # Even the right password is refused while locked, with a clear message.
    response = log_in(client, "maria", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "<h1>Sign-in paused</h1>" in page
    assert "paused for 15 minutes" in page
    assert "no-store" in response["Cache-Control"]


def test_lockout_is_per_username_and_address(client):
    make_staff(username="maria")
    make_staff(username="chan")
    for _ in range(5):
        log_in(client, "maria", "wrong")
    assert log_in(client, "chan", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "maria", PASSWORD, address="198.51.100.7").status_code == 302


def test_admin_path_follows_the_setting():
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"


def test_staff_sessions_end_after_inactivity():
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 60 * 60


def test_admin_moves_when_admin_url_is_set():
    import os
    import subprocess
    import sys

    from tests.paths import BASE_DIR

    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.urls import reverse; print(reverse('admin:index'))",
        ],
        cwd=BASE_DIR,
        env={**os.environ, "ADMIN_URL": "tid-staff"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().endswith("/tid-staff/")
