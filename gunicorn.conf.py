"""gunicorn's settings for every place it starts (the image, make bench, fuzz, soak and the
test servers): gunicorn reads ./gunicorn.conf.py by default, and our launchers name it too.

The request line may be 8,190 bytes (gunicorn's most; its default is 4,094): a 500-character
Chinese question, percent-encoded, is about 4.5 KB (6 KB in four-byte characters), and it must
reach the assistant, which answers with its own "under 500 characters" page, not gunicorn's
bare 414.
"""

limit_request_line = 8190


def post_worker_init(worker):
    """Each new worker builds its search index from the stored passage vectors, and loads the
    sentence-embedding model, before it accepts a request; passages without a vector yet are
    embedded afterwards in a background thread (portal.search.store)."""
    from portal.search.store import warm_up

    warm_up()
