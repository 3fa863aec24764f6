"""Everything about the site's three languages lives in this package.

`languages` is plain data (settings import it); the other modules hold the behaviour:
URL prefixes, negotiation, the language switcher and Simplified Chinese conversion.
"""
