"""Site search: everything published, on the same engine as the assistant."""

from collections import Counter

from django.core.paginator import Paginator
from django.views.generic import TemplateView

from portal.i18n.context import page_language
from portal.i18n.text import clean_user_text

from .registry import sources
from .snippets import snippet
from .store import current_index

RESULTS_PER_PAGE = 10
MAX_RESULTS = 200
# Events that are over are history: below what an owner can still use, unless nothing else fits.
PAST_EVENT_WEIGHT = 0.4


def site_search_ranked(hits):
    """The engine's hits for the site search page, ranked by their words (BM25 weighed by
    coverage: what the marks show), events that are over counting for less; pages only the
    meaning found come after, in the engine's order."""
    weight = {True: PAST_EVENT_WEIGHT, False: 1.0}

    def key(ranked):
        position, hit = ranked
        return (-hit.lexical * weight[bool(hit.document.extra.get("past"))], position)

    return [hit for _, hit in sorted(enumerate(hits), key=key)]


class SiteSearchView(TemplateView):
    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_user_text(self.request.GET.get("q"))
        shown = {source.kind: source for source in sources() if source.in_site_search}
        kind = self.request.GET.get("type", "")
        kind = kind if kind in shown else ""
        hits = current_index().search(query, kinds=shown, limit=MAX_RESULTS) if query else []
        hits = site_search_ranked(hits)
        counts = Counter(hit.document.kind for hit in hits)
        if kind:
            hits = [hit for hit in hits if hit.document.kind == kind]
        page = Paginator(hits, RESULTS_PER_PAGE).get_page(self.request.GET.get("page"))
        language = page_language(self.request)
        context.update(
            query=query,
            kind=kind,
            total=len(hits),
            page_obj=page,
            facets=[
                {"kind": k, "label": source.label, "count": counts[k], "current": k == kind}
                for k, source in shown.items()
                if counts[k]
            ],
            all_count=sum(counts.values()),
            results=[
                {
                    "title": hit.document.title_in(language),
                    "url": hit.document.url_in(language),
                    "label": shown[hit.document.kind].label,
                    "snippet": snippet(hit.document.text_in(language), hit.terms),
                }
                for hit in page.object_list
            ],
        )
        return context
