"""The full-page cache for anonymous visitors, and what keeps it fresh.

`middleware.PageCacheMiddleware` stores whole responses (the /sc/ ones after conversion) in
Django's default cache; `generation` moves a number in that cache whenever content changes, so
every worker stops serving the old pages at once; `keys` decides which requests may be cached.
"""
