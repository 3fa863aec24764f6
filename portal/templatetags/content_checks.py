"""The admin home's lists of content overdue for review and of broken outside links."""

from django import template
from django.utils import timezone

from portal.linkcheck.selectors import broken_links_count
from portal.reviewdates.selectors import overdue_for_review

register = template.Library()


@register.simple_tag(takes_context=True)
def items_overdue_for_review(context):
    return overdue_for_review(today=timezone.localdate(), user=context["request"].user)


@register.simple_tag(takes_context=True)
def broken_outside_links(context):
    """How many outside links published content uses are broken, for those who may see them."""
    user = context["request"].user
    return broken_links_count() if user.has_perm("portal.view_link") else None
