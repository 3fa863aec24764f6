"""Read-only questions about content that the admin and the public views share."""

from django.utils.text import capfirst

from portal.models import Publishable


def objects_using(instance) -> list:
    """Content items (schemes, events…) that refer to `instance`, so it must not be deleted.

    Parts of an item, such as a scheme's sections, are not content items: deleting the item
    takes them with it.
    """
    users = []
    for relation in instance._meta.related_objects:
        if not issubclass(relation.related_model, Publishable):
            continue
        accessor = relation.get_accessor_name()
        if relation.one_to_one:
            related = getattr(instance, accessor, None)
            users.extend([related] if related is not None else [])
        else:
            users.extend(getattr(instance, accessor).all())
    return users


def published_objects_using(instance) -> list:
    """The published content items that refer to `instance`: its page must stay up for them."""
    return [user for user in objects_using(instance) if user.status == Publishable.Status.PUBLISHED]


def describe_users(users) -> str:
    """ "Funding scheme: SME Loan Guarantee Scheme, Event: …", for messages."""
    return ", ".join(f"{capfirst(user._meta.verbose_name)}: {user}" for user in users)
