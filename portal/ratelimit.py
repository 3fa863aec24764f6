"""Counting requests per client: the one rate limit every route uses (the assistant, alert
sign-ups, and any route added later).

Counted in the shared cache, atomically (Redis, or the embedded default's files shared by every
process on the machine), so all workers see one count. While Redis is down or frozen, the
fail-open cache counts in each process instead (portal.cache): limits stay on, per worker.
"""

import hashlib
import time

from django.core.cache import cache

from portal.staff import client_address


def rate_limited(request, *, scope: str, limit: int, seconds: int) -> bool:
    """Count this request; True once its client made more than `limit` requests to `scope` in
    the last `seconds` or so. The client address is kept only as a hash.

    A sliding window from two fixed ones: this window's count, plus the last window's share of
    what is left of this one, so a client cannot send twice the limit across a window's turn.
    """
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    now = time.time()
    window, into = divmod(now, seconds)
    key = f"ratelimit:{scope}:{client}:{int(window)}"
    cache.add(key, 0, timeout=seconds * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=seconds * 2)
        count = 1
    previous = cache.get(f"ratelimit:{scope}:{client}:{int(window) - 1}") or 0
    return count + previous * (1 - into / seconds) > limit
