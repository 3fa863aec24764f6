"""Has published content changed since this process built its index?

The index follows the page cache's content generation, which every save and delete of content
moves on every worker.
"""

from portal.pagecache.generation import current_generation, pages_changed


def content_version() -> str | None:
    """A token that moves whenever content is saved or deleted, on any worker."""
    return current_generation()


def content_changed() -> None:
    """Move the version on by hand (tests, benchmarks); saves and deletes move it themselves."""
    pages_changed()
