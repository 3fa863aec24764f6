"""gunicorn reads this file from its working directory (the repository, /app in the image)."""


def post_worker_init(worker):
    """Each new worker builds its search index from the stored passage vectors, and loads the
    sentence-embedding model, before it accepts a request; passages without a vector yet are
    embedded afterwards in a background thread (portal.search.store)."""
    from portal.search.store import warm_up

    warm_up()
