"""Keeps the reading fresh from inside each web worker: a daemon thread, started lazily in
the process that serves (after gunicorn forks), which asks for a refresh when one is due.
The shared cache makes sure only one worker fetches per interval."""

import logging
import os
import random
import threading

from django.conf import settings

from .services import weather_refresh_if_due

logger = logging.getLogger(__name__)

CHECK_SECONDS = 30
_started_in_pid = None
_thread = None
_stop = threading.Event()
_starting = threading.Lock()


def ensure_refresher_started() -> None:
    """Start this process's refresher thread once; cheap to call on every request."""
    global _started_in_pid, _thread
    if not settings.WEATHER_BACKGROUND_REFRESH or _started_in_pid == os.getpid():
        return
    with _starting:
        if _started_in_pid == os.getpid():
            return
        _started_in_pid = os.getpid()
        _stop.clear()
        _thread = threading.Thread(target=_refresh_until_stopped, name="weather", daemon=True)
        _thread.start()


def stop_refresher() -> None:
    """Stop this process's refresher (tests); the next request starts it again."""
    global _started_in_pid
    _stop.set()
    if _thread is not None:
        _thread.join()
    _started_in_pid = None


def _refresh_until_stopped() -> None:
    while True:
        try:
            weather_refresh_if_due(interval=settings.WEATHER_REFRESH_SECONDS)
        except Exception:  # the cache may be down; try again next time
            logger.exception("weather refresh failed")
        if _stop.wait(CHECK_SECONDS + random.uniform(0, 5)):  # noqa: S311
            return
