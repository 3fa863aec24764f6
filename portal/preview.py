"""Staff preview of unpublished content on the public pages, in every language.

A detail view adds `PreviewMixin`; `?preview=1` from a signed-in user who may view or change
that kind of content shows drafts and scheduled items with a banner, and an item's changes
waiting for a publisher (`portal.publishing`): they are written over the live rows in a
transaction that is rolled back once the page is rendered. Everyone else gets the published
queryset as before, so a draft stays a 404.
"""

from django.http import Http404
from django.utils.cache import patch_cache_control

from portal.i18n import languages
from portal.i18n.urls import path_in_language
from portal.pagecache.memo import ContentFragments
from portal.publishing.selectors import pending_for_page
from portal.publishing.services import rehearsal
from portal.publishing.snapshots import Snapshot, SnapshotConflict, snapshot_apply

PREVIEW_PARAMETER = "preview"


def preview_url(instance, language: languages.Language) -> str:
    return f"{path_in_language(instance.get_absolute_url(), language)}?{PREVIEW_PARAMETER}=1"


def preview_links(instance) -> list[tuple[languages.Language, str]]:
    """The object's page in each language, for the buttons on its change form."""
    return [(language, preview_url(instance, language)) for language in languages.ALL]


def may_preview(user, model) -> bool:
    """Signed in with a verified second factor (django-otp), and allowed to see that content."""
    opts = model._meta
    verified = getattr(user, "is_verified", None)
    return (
        user.is_authenticated
        and verified is not None
        and verified()
        and (
            user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
            or user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )
    )


class PreviewMixin:
    """For a DetailView of a Publishable model. Define `get_public_queryset()` for the public
    rows (published, with their related data) and `get_preview_queryset()` for staff.

    A view may instead name `published_by_slug`, a function from slug to the published object
    or None, which reads it once per content generation (`content_memo`) for the public page;
    previews still read the preview queryset."""

    published_by_slug = None
    pending_shown = False

    def dispatch(self, request, *args, **kwargs):
        if not self.is_preview():
            return super().dispatch(request, *args, **kwargs)
        pending = pending_for_page(self.content_model(), self.page_lookup())
        if not pending:
            return super().dispatch(request, *args, **kwargs)
        with rehearsal():
            for changes in pending:
                self.pending_shown |= self.apply_pending(changes)
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # while the changes are in the transaction
        return response

    def page_lookup(self) -> dict:
        if self.slug_url_kwarg in self.kwargs:
            return {self.slug_field: self.kwargs[self.slug_url_kwarg]}
        return {"pk": self.kwargs[self.pk_url_kwarg]}

    @staticmethod
    def apply_pending(changes) -> bool:
        item = changes.item
        if item is None:
            return False
        try:
            snapshot_apply(Snapshot(tuple(changes.snapshot)), item)
        except SnapshotConflict:
            return False  # the publishing page says why; the preview shows the live rows
        return True

    def content_model(self):
        return self.model or self.queryset.model

    def is_preview(self) -> bool:
        return self.request.GET.get(PREVIEW_PARAMETER) == "1" and may_preview(
            self.request.user, self.content_model()
        )

    def get_preview_queryset(self):
        """Every item, whatever its status; override to add select_related and the like."""
        return self.content_model()._default_manager.all()

    def get_public_queryset(self):
        """What the public sees; views override this, not get_queryset, so the mixin stays in
        charge of which one applies."""
        return super().get_queryset()

    def get_queryset(self):
        return self.get_preview_queryset() if self.is_preview() else self.get_public_queryset()

    def get_object(self, queryset=None):
        if self.published_by_slug is None or self.is_preview():
            return super().get_object(queryset)
        found = self.published_by_slug(self.kwargs[self.slug_url_kwarg])
        if found is None:
            raise Http404("Nothing published at this address.")
        return found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_preview():
            context["preview"] = {"live": self.object.is_live(), "pending": self.pending_shown}
            context["content_fragments"] = ContentFragments(kept=False)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview():
            # A preview may show a draft: never cached, never indexed.
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response
