"""gunicorn's settings for every place it starts (the image, make bench, fuzz, soak and the
test servers): gunicorn reads ./gunicorn.conf.py by default, and our launchers name it too.

The request line may be 8,190 bytes (gunicorn's most; its default is 4,094): a 500-character
Chinese question, percent-encoded, is about 4.5 KB (6 KB in four-byte characters), and it must
reach the assistant, which answers with its own "under 500 characters" page, not gunicorn's
bare 414.

The application is loaded once, in the master process, with its search index and embedding
model, and the workers are forked from it: what they only read (the code, the index, the model)
stays in memory once for the machine instead of once per worker. So new code needs a restart
of the server (a new container), not a HUP.
"""

import gc

limit_request_line = 8190
preload_app = True


def when_ready(server):
    """In the master, before the first worker is forked: build the search index from the stored
    passage vectors and load the model, then leave nothing a child must not share (database
    and cache connections, the weather thread), and keep the garbage collector from touching
    these objects, which would copy their pages into every worker."""
    from django.core.cache import caches
    from django.db import connections

    from portal.search.store import warm_up
    from weather.refresher import stop_refresher

    warm_up()
    stop_refresher()
    connections.close_all()
    caches.close_all()
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    """Each worker uses the master's index as it is, unless content changed since: then it
    builds its own before it accepts a request (passages without a vector yet are embedded
    afterwards, in the background: portal.search.store)."""
    from portal.search.store import warm_up
    from weather.refresher import ensure_refresher_started

    warm_up()
    ensure_refresher_started()
