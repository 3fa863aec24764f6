"""The primary navigation: one entry per section, in the order the header shows them."""

from django.utils.translation import gettext_lazy as _

SECTIONS = (
    ("schemes", "schemes:list", _("Funding Schemes")),
    ("events", "events:list", _("Event Calendar")),
    ("notices", "notices:list", _("Important Notices")),
)
