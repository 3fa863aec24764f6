"""The outside links' last results, broken ones first (newest failure first), with the items
that use each. Read-only: `manage.py check_links` fills it."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.admin.readonly import ReadOnlyAdmin
from portal.linkcheck.models import Link
from portal.linkcheck.selectors import link_result, uses_of


class LinkStateFilter(admin.SimpleListFilter):
    title = _("result")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("broken", _("Broken")),
            ("redirected", _("Redirected")),
            ("working", _("Works")),
            ("unchecked", _("Not checked yet")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "broken":
            return queryset.filter(broken_since__isnull=False)
        if value == "redirected":
            return queryset.filter(broken_since__isnull=True).exclude(redirects=[])
        if value == "working":
            return queryset.filter(broken_since__isnull=True, checked_at__isnull=False)
        if value == "unchecked":
            return queryset.filter(checked_at__isnull=True)
        return queryset


@admin.register(Link)
class LinkAdmin(ReadOnlyAdmin):
    list_display = ("address", "result", "broken_since", "checked_at", "used_on")
    list_filter = (LinkStateFilter,)
    search_fields = ("url", "final_url")
    list_per_page = 50
    list_display_links = None  # the address links to the page itself; there is nothing to edit
    actions = None

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm("portal.view_link")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(uses__isnull=False).distinct()

    @admin.display(description=_("address"), ordering="url")
    def address(self, link):
        return format_html('<a href="{}" rel="noreferrer external">{}</a>', link.url, link.url)

    @admin.display(description=_("result"))
    def result(self, link):
        return link_result(link)

    @admin.display(description=_("used on"))
    def used_on(self, link):
        uses = uses_of([link]).get(link.pk, [])
        return format_html(
            '<ul class="link-uses">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a> <span class="link-uses__place">{}: {}</span></li>',
                ((use.url, use.item, use.kind, use.place) for use in uses),
            ),
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "title": gettext("Outside links")}
        return super().changelist_view(request, extra_context)
