"""Per-process memory of what many public pages read (the open schemes on the home page, the
finder's facets), kept while the content generation, the language and the freshness window
(`fresh_window`, as for cached pages) stay the same; PAGE_CACHE_FRESH_SECONDS=0 turns it off,
as for the bench's cold figures.

So the finder's many query variants, or a worker whose page cache missed, do not rebuild them;
scheduled changes show within that time, as with cached pages. At most MEMO_MAX_ENTRIES results
are held: arguments come from requests (a scheme's slug, a search), so a crawl of made-up ones
empties the memory rather than growing it.
"""

import functools
from threading import Lock

from django.conf import settings
from django.utils.translation import get_language

from .generation import fresh_window, generation_now

MEMO_MAX_ENTRIES = 1000
_memory: dict = {}
_state: list = [None]
_lock = Lock()


def memo_state() -> str | None:
    """The content generation and the freshness window that what this process keeps is checked
    against, or None when nothing may be kept: pages are never fresh (PAGE_CACHE_FRESH_SECONDS
    is 0), or the shared cache cannot say which generation is current, so anything held could be
    stale."""
    window = fresh_window()
    generation = generation_now() if window is not None else None
    return None if generation is None else f"{generation}.{window}"


def content_memo(function=None, *, max_entries: int = MEMO_MAX_ENTRIES):
    """Remember `function`'s result per arguments until content, time window or language change.

    For functions of public, published content only; their arguments must be few and
    hashable (no `now`: the function reads the time itself). A function whose results are
    large (a page of API records, about 1 MB) says how many it may keep, `max_entries`, so
    that what a worker holds does not depend on how many variants visitors ask for.
    """
    if function is None:
        return functools.partial(content_memo, max_entries=max_entries)

    @functools.wraps(function)
    def remembered(*args, **kwargs):
        state = memo_state()
        if state is None:
            return function(*args, **kwargs)
        key = (function, get_language(), args, tuple(sorted(kwargs.items())))
        with _lock:
            if _state[0] != state:
                _memory.clear()
                _state[0] = state
            if key in _memory:
                return _memory[key]
        value = function(*args, **kwargs)
        with _lock:
            if _state[0] == state:
                if len(_memory) >= MEMO_MAX_ENTRIES:
                    _memory.clear()
                elif max_entries < MEMO_MAX_ENTRIES:
                    own = [kept for kept in _memory if kept[0] is function]
                    for kept in own[: max(0, len(own) - max_entries + 1)]:  # the oldest go
                        del _memory[kept]
                _memory[key] = value
        return value

    return remembered


class ContentFragments:
    """For templates: `{% cache content_fragments.lifetime "name" content_fragments.generation
    ... using="fragments" %}` keeps a rendered fragment of published content (a scheme card, an
    event in a list) in this process while the content generation stays the same, and for no
    longer than a cached page, as `content_memo` does. Read lazily: pages without such a
    fragment never ask the cache for the generation. `kept=False` keeps nothing, for a staff
    preview, which may show a draft."""

    def __init__(self, *, kept: bool = True):
        self.kept = kept

    @functools.cached_property
    def generation(self) -> str | None:
        """The content generation and freshness window: a fragment is used only within the
        window it was rendered in, as remembered results and cached pages are."""
        return memo_state() if self.kept else None

    @functools.cached_property
    def lifetime(self) -> int:
        # 0 keeps nothing: `{% cache %}` stores nothing for a timeout of 0.
        return settings.PAGE_CACHE_FRESH_SECONDS if self.generation is not None else 0
