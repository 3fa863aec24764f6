from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from portal.i18n.context import page_language
from portal.preview import PreviewMixin
from portal.site import absolute_url

from . import finder
from .comparison import CHECK_FACT, COMPARED_FACTS, carried_query, scheme_comparison
from .eligibility import (
    eligibility_answers,
    eligibility_check,
    eligibility_of_schemes,
    eligibility_questions,
    eligibility_summary,
)
from .forms import EligibilityCheckForm, SchemeFinderForm
from .models import Scheme
from .selectors import FinderResults, finder_matches, scheme_information_date, scheme_page
from .structured_data import scheme_json_ld


class SchemeListView(ListView):
    """The scheme finder: keyword, facets and sort from a plain GET form."""

    template_name = "schemes/scheme_list.html"
    paginate_by = 20
    cache_query_parameters = (*SchemeFinderForm.base_fields, "page")

    def get_queryset(self):
        self.today = timezone.localdate()  # Hong Kong's date (TIME_ZONE)
        self.form = SchemeFinderForm(self.request.GET)
        self.form.is_valid()
        matches = finder_matches(
            query=self.form.query, filters=self.form.filters, sort=self.form.sort_order
        )
        return FinderResults(matches)

    def get_context_data(self, **kwargs):
        params, path = self.request.GET, self.request.path
        return super().get_context_data(
            form=self.form,
            today=self.today,
            shown_statuses=finder.finder_shown_statuses(self.form),
            active_filters=finder.finder_active_filters(self.form, path, params),
            include_closed_url=finder.finder_include_closed_url(self.form, path, params),
            clear_url=finder.finder_clear_url(self.form, path),
            csv_url=finder.finder_csv_url(self.form, page_language(self.request).prefix),
            information_as_at=scheme_information_date(),
            **kwargs,
        )


class SchemeDetailView(PreviewMixin, DetailView):
    """One scheme: key facts, contents, sections and enquiries."""

    model = Scheme

    published_by_slug = staticmethod(scheme_page)

    def get_preview_queryset(self):
        schemes = super().get_preview_queryset().select_related("organisation")
        return schemes.prefetch_related("sections", "contacts")

    def get_context_data(self, **kwargs):
        scheme = self.object
        canonical_url = absolute_url(scheme.get_absolute_url())
        contacts = {kind: [] for kind in ("phone", "fax", "email")}
        for contact in scheme.contacts.all():
            contacts[contact.kind].append(contact)
        return super().get_context_data(
            today=timezone.localdate(),
            canonical_url=canonical_url,
            contacts=contacts,
            json_ld=scheme_json_ld(
                scheme=scheme, url=canonical_url, language=page_language(self.request)
            ),
            last_revised=scheme.last_reviewed,
            **kwargs,
        )


class EligibilityCheckView(TemplateView):
    """The questionnaire and, once answered, every scheme's outcome on the same GET URL."""

    template_name = "schemes/eligibility_check.html"

    def get(self, request, *args, **kwargs):
        questions = eligibility_questions()
        form = EligibilityCheckForm(request.GET or None, questions=questions)
        context = self.get_context_data(form=form, questions=questions)
        if form.is_bound and form.is_valid():
            answers = eligibility_answers(questions, form.cleaned_data)
            results, closed = eligibility_check(answers=answers, today=timezone.localdate())
            summary = eligibility_summary(results + closed)
            context.update(results=results, closed_results=closed, summary=summary)
        status = 400 if form.is_bound and form.errors else 200
        return self.render_to_response(context, status=status)


class SchemeCompareView(TemplateView):
    """Two or three published schemes side by side; anything else explains itself.

    A visitor who came from the eligibility check (`check`, their answers) or the finder
    (`finder`, their search) is offered the way back with nothing to enter again, and the
    check's verdict for each scheme."""

    template_name = "schemes/scheme_compare.html"

    def get(self, request, *args, **kwargs):
        comparison = scheme_comparison(request.GET.getlist("s"))
        check = carried_query(request.GET.get("check", ""))
        finder = carried_query(request.GET.get("finder", ""))
        facts = COMPARED_FACTS
        if check and comparison.schemes and self.add_check_results(comparison.schemes, check):
            facts = (CHECK_FACT, *COMPARED_FACTS)
        context = self.get_context_data(
            comparison=comparison,
            facts=facts,
            check_query=check,
            finder_query=finder,
            check_url=f"{reverse('schemes:check')}?{check}" if check else "",
            finder_url=f"{reverse('schemes:list')}?{finder}" if finder else "",
            today=timezone.localdate(),
        )
        return self.render_to_response(context, status=400 if comparison.problems else 200)

    @staticmethod
    def add_check_results(schemes, check: str) -> bool:
        """Each scheme's `check_result` for the carried answers, if they are still valid."""
        questions = eligibility_questions()
        form = EligibilityCheckForm(QueryDict(check), questions=questions)
        if not form.is_valid():
            return False
        answers = eligibility_answers(questions, form.cleaned_data)
        results = eligibility_of_schemes(schemes, answers=answers)
        for scheme, result in zip(schemes, results, strict=True):
            scheme.check_result = result
        return True
