from django.shortcuts import redirect
from django.views.generic import DetailView, ListView

from notices.models import Notice
from notices.selectors import notice_list_public, notice_page
from portal.preview import PreviewMixin


class NoticeListView(ListView):
    """Important Notices: the main statement, then links to each of the others."""

    template_name = "notices/notice_list.html"

    def get_queryset(self):
        return notice_list_public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        notices = list(context["object_list"])
        main = next((notice for notice in notices if notice.slug == Notice.MAIN_SLUG), None)
        context["notice"] = main
        context["other_notices"] = [notice for notice in notices if notice is not main]
        context["last_revised"] = main.last_revised if main else None
        return context


class NoticeDetailView(PreviewMixin, DetailView):
    """One statement, with its revision date on the page and in the footer."""

    model = Notice
    published_by_slug = staticmethod(notice_page)

    def get(self, request, *args, **kwargs):
        # The main statement has one address: the Important Notices page.
        if kwargs["slug"] == Notice.MAIN_SLUG:
            return redirect("notices:list", permanent=True)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["last_revised"] = self.object.last_revised
        return context
