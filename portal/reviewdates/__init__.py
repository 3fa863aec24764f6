"""Review dates: every published item has a "next review" (set on publishing) and a "last
reviewed" (set when a publisher marks it reviewed); publishers are reminded of what is due.

`services` sets the dates, `selectors` finds what is due, `reminders` e-mails the digest.
"""
