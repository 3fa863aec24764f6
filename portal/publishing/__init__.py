"""Publishing workflow: editors' changes to published items wait for a publisher, drafts and
changes are marked ready for review, and every step is recorded.

`snapshots` turns an item and its parts into one value; `services` keeps, publishes, discards
and reviews changes; `selectors` answers what waits; `emails` tells the people concerned.
"""
