"""Log lines that stay short and useful when the same thing happens many times."""

import logging
import time
from threading import Lock


class LogThrottle:
    def __init__(self, interval_seconds: float):
        self.interval = interval_seconds
        self.said_at = None
        self.lock = Lock()

    def allow(self) -> bool:
        """True at most once per interval in this process."""
        now = time.monotonic()
        with self.lock:
            if self.said_at is not None and now - self.said_at < self.interval:
                return False
            self.said_at = now
            return True


class BriefDisallowedHost(logging.Filter):
    """A request for a host we do not serve is noise from scanners: one WARNING line, no
    traceback, and the host shown escaped and cut short (it is the sender's text)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        host = request.META.get("HTTP_HOST", "") if request is not None else ""
        shown = repr(host[:60]) + ("…" if len(host) > 60 else "")
        record.msg, record.args = "Refused a request for a host not in ALLOWED_HOSTS: %s", (shown,)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        return True
