"""Settings read the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.paths import BASE_DIR


def import_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "sme.example"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = import_settings("portal.settings.production", **env)
    assert result.returncode != 0
    assert f"Production settings need {missing} in the environment." in result.stderr


def test_production_starts_with_its_secrets():
    result = import_settings(
        "portal.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="sme.example"
    )
    assert result.returncode == 0, result.stderr


def test_defaults():
    assert settings.TIME_ZONE == "Asia/Hong_Kong"
    assert settings.LANGUAGE_CODE == "en"
    assert [code for code, _ in settings.LANGUAGES] == ["en", "zh-hant", "zh-hans"]


def test_database_follows_database_url():
    vendor = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite3"
    assert settings.DATABASES["default"]["ENGINE"] == f"django.db.backends.{vendor}"
    if vendor == "postgresql":
        assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
        assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0


def test_cache_follows_redis_url():
    backend = settings.CACHES["default"]["BACKEND"]
    if os.environ.get("REDIS_URL"):
        assert backend == "portal.cache.FailOpenRedisCache"
    else:
        # The embedded default: one cache in files for every process on the machine.
        assert backend == "diskcache.DjangoCache"
