"""Per-process memory of what many public pages read (the open schemes on the home page, the
finder's facets), kept while the content generation and the language stay the same, and for no
longer than a cached page (PAGE_CACHE_FRESH_SECONDS; 0 turns it off, as for the bench's
uncached figures).

So the finder's many query variants, or a worker whose page cache missed, do not rebuild them;
scheduled changes show within that time, as with cached pages.
"""

import functools
import time
from threading import Lock

from django.conf import settings
from django.utils.translation import get_language

from .generation import generation_now

_memory: dict = {}
_state: list = [None]
_lock = Lock()


def content_memo(function):
    """Remember `function`'s result per arguments until content, time window or language change.

    For functions of public, published content only; their arguments must be few and
    hashable (no `now`: the function reads the time itself).
    """

    @functools.wraps(function)
    def remembered(*args, **kwargs):
        lifetime = settings.PAGE_CACHE_FRESH_SECONDS
        generation = generation_now() if lifetime > 0 else None
        if generation is None:  # the cache is not answering: do not trust what we hold
            return function(*args, **kwargs)
        state = (generation, int(time.time() // lifetime))
        key = (function.__qualname__, get_language(), args, tuple(sorted(kwargs.items())))
        with _lock:
            if _state[0] != state:
                _memory.clear()
                _state[0] = state
            if key in _memory:
                return _memory[key]
        value = function(*args, **kwargs)
        with _lock:
            if _state[0] == state:
                _memory[key] = value
        return value

    return remembered


class ContentFragments:
    """For templates: `{% cache content_fragments.lifetime "name" content_fragments.generation
    ... using="fragments" %}` keeps a rendered fragment of published content (a scheme card, an
    event in a list) in this process while the content generation stays the same, and for no
    longer than a cached page, as `content_memo` does. Read lazily: pages without such a
    fragment never ask the cache for the generation."""

    @functools.cached_property
    def generation(self) -> str | None:
        return generation_now() if settings.PAGE_CACHE_FRESH_SECONDS > 0 else None

    @functools.cached_property
    def lifetime(self) -> int:
        # 0 keeps nothing: with no generation to check against, a fragment could be stale.
        return settings.PAGE_CACHE_FRESH_SECONDS if self.generation is not None else 0
