"""The open data page (/<lang>/open-data/): what the data is, the terms, the limits, the files."""

from django.conf import settings
from django.urls import reverse
from django.views.generic import TemplateView

from .downloads import DICTIONARY
from .paths import API_ROOT
from .registry import resources
from .schemas import MAX_PAGE_SIZE


class OpenDataView(TemplateView):
    template_name = "portal/open_data.html"

    def get_context_data(self, **kwargs):
        downloads = f"{API_ROOT}downloads/"
        return super().get_context_data(
            api_root=API_ROOT,
            openapi_url=f"{API_ROOT}openapi.json",
            downloads_url=downloads,
            datasets=[
                (r.title, f"{downloads}{r.name}.json", f"{downloads}{r.name}.csv")
                for r in resources()
            ],
            dictionary_csv=f"{downloads}{DICTIONARY}.csv",
            dictionary_json=f"{downloads}{DICTIONARY}.json",
            requests_per_minute=settings.API_REQUESTS_PER_MINUTE,
            max_page_size=MAX_PAGE_SIZE,
            cdn_max_age=settings.CDN_MAX_AGE,
            notices_url=reverse("notices:list"),
            **kwargs,
        )
