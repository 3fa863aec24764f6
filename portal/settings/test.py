"""Tests: base settings with fast hashing. DATABASE_URL and REDIS_URL still apply, so CI
runs the same suite on PostgreSQL and Redis."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
