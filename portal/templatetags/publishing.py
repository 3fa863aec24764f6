"""The admin home's list of what waits for review."""

from django import template

from portal.publishing.selectors import waiting_for_review

register = template.Library()


@register.simple_tag(takes_context=True)
def items_waiting_for_review(context):
    return waiting_for_review(user=context["request"].user)
