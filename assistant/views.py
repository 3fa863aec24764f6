"""The assistant page (no JavaScript needed), its JSON twin and the "Did this help?" form.

The answer pages carry nothing per visitor (no CSRF token, no session), so the page cache may
keep them; the feedback form is trusted through a signed, time-limited token instead.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView

from portal.i18n import languages
from portal.i18n.context import page_language
from portal.i18n.conversion import convert_html
from portal.i18n.simplified import current_converter
from portal.i18n.text import clean_user_text
from portal.preview import PreviewMixin

from . import services
from .models import CuratedAnswer, LoggedQuestion


def _question_problem(raw: str | None) -> str:
    """Why a question cannot be answered as given, or "" when it can."""
    if raw is None or not raw.strip():
        return gettext("Please type a question.")
    if len(raw) > services.MAX_QUESTION_LENGTH:
        return gettext("Please keep your question under 500 characters.")
    return ""


def previous_question(request) -> str:
    """The question asked before this one (the panel and the page send it as `previous`)."""
    return clean_user_text(request.GET.get("previous"), max_length=services.MAX_QUESTION_LENGTH)


def _answer(request, question: str) -> services.Answer:
    language = page_language(request)
    answer = services.question_answer(question, language, previous=previous_question(request))
    if not answer.refused and not answer.matched:
        services.question_log(
            text=question, language=language, outcome=LoggedQuestion.Outcome.NO_MATCH
        )
    return answer


class AssistantView(View):
    template_name = "assistant/assistant.html"

    def get(self, request):
        raw = request.GET.get("q")
        context = {"question": (raw or "").strip()[: services.MAX_QUESTION_LENGTH]}
        if request.GET.get("refused"):
            refused = services.Answer(html=services.refusal_html(), refused=True)
            return render(request, self.template_name, {"answer": refused})
        if raw is None:
            return render(request, self.template_name, context)
        problem = _question_problem(raw)
        if problem:
            return render(request, self.template_name, {**context, "problem": problem}, status=400)
        if not services.question_allowed(request):
            return render(request, "assistant/rate_limited.html", status=429)
        previous = previous_question(request)
        if previous and not services.question_context(previous):  # personal data: drop it
            kept = {"q": raw.strip()} if services.question_context(raw.strip()) else {"refused": 1}
            return redirect(f"{request.path}?{urlencode(kept)}")
        answer = _answer(request, raw.strip())
        if answer.refused:  # not even in the language switcher's links
            return redirect(f"{request.path}?refused=1")
        context["token"] = services.feedback_token(
            question=raw.strip(), answer=answer, language=page_language(request)
        )
        return render(request, self.template_name, {**context, "answer": answer})


def _error(request, message: str, status: int) -> JsonResponse:
    """An error the panel shows as it is: in Simplified on /sc/, as every other word there."""
    if page_language(request) is languages.SIMPLIFIED:
        message = current_converter().convert(message)
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


class AnswerJsonView(View):
    def get(self, request):
        raw = request.GET.get("q")
        problem = _question_problem(raw)
        if problem:
            return _error(request, problem, 400)
        if not services.question_allowed(request):
            message = gettext(
                "You have asked many questions in a short time. Please wait a minute."
            )
            return _error(request, message, 429)
        answer = _answer(request, raw.strip())
        html, links = answer.html.strip(), answer.links
        if page_language(request) is languages.SIMPLIFIED:
            converter = current_converter()
            html = convert_html(html, converter)
            links = [{**link, "title": converter.convert(link["title"])} for link in links]
        return JsonResponse(
            {"answer": html, "links": links, "refused": answer.refused, "matched": answer.matched},
            json_dumps_params={"ensure_ascii": False},
        )


@method_decorator(csrf_exempt, name="dispatch")  # the signed token stands in for CSRF
class FeedbackView(View):
    def get(self, request):
        """Someone followed or bookmarked the form's address: explain where the form is."""
        return render(request, "assistant/feedback.html", {"explain": True})

    def post(self, request):
        if not services.question_allowed(request):
            return render(request, "assistant/rate_limited.html", status=429)
        data = services.feedback_read(request.POST.get("token", ""))
        helpful = request.POST.get("helpful")
        if data is None or helpful not in ("yes", "no"):
            response = render(request, "assistant/feedback.html", {"invalid": True}, status=400)
        else:
            services.feedback_record(
                question=data["q"],
                answered_with=data["a"],
                helpful=helpful == "yes",
                language=page_language(request),
            )
            response = render(request, "assistant/feedback.html", {"question": data["q"]})
        add_never_cache_headers(response)
        return response


class CuratedAnswerDetailView(PreviewMixin, DetailView):
    """One curated answer on its own page: what staff preview, and a page to link to."""

    model = CuratedAnswer
    template_name = "assistant/curatedanswer_detail.html"

    def get_public_queryset(self):
        return CuratedAnswer.objects.published()
