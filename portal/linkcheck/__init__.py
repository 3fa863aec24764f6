"""Link checks: every outside link in published content is tried daily (`check_links`), and a
draft's links when it is marked ready for review; staff see the broken ones in the admin and on
an item's publishing page.

`extract` finds the links in an item and its parts, `fetch` tries them over HTTP, `services`
keeps the results and where each link is used, `selectors` answers what is broken.
"""
