"""Answering a question: refuse personal data, find the best curated answer or pages."""

import datetime
import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from portal.i18n.languages import ENGLISH, Language
from portal.i18n.text import MAX_QUERY_LENGTH
from portal.i18n.urls import path_in_language
from portal.publishing.services import content_edit
from portal.ratelimit import rate_limited
from portal.search import SearchIndex, current_index
from portal.search.snippets import snippet

from .answers import best_hit, closed, reordered
from .clauses import without_business_size
from .context import in_context, named_first
from .models import CuratedAnswer, LoggedQuestion, SpentFeedbackToken, SuggestedPhrasing
from .personal_data import contains_personal_data
from .search import published_numbers
from .sentences import sentence_bonus

MAX_QUESTION_LENGTH = 500
# The staff queue of questions without a good answer holds at most this many questions.
MAX_LOGGED_QUESTIONS = 2000
QUESTIONS_PER_MINUTE = 30
MAX_LINKS = 5
FEEDBACK_SALT = "assistant.feedback"
FEEDBACK_MAX_AGE = 60 * 60 * 24


@dataclass
class Answer:
    html: str = ""
    links: list[dict] = field(default_factory=list)  # {"title", "url"}, best first
    refused: bool = False
    matched: bool = False
    answer_pk: int | None = None

    @property
    def key(self) -> str:
        """What was shown, for the feedback token and the question log."""
        if self.answer_pk:
            return f"answer:{self.answer_pk}"
        return self.links[0]["url"] if self.links else ""


def _published_numbers(index: SearchIndex) -> frozenset:
    if "phone_numbers" not in index.derived:  # an index built without the registry
        index.derived["phone_numbers"] = published_numbers(index)
    return index.derived["phone_numbers"]


def _link(document, language: Language) -> dict:
    return {"title": document.title_in(language), "url": document.url_in(language)}


def _contact(index: SearchIndex) -> dict:
    """TID's telephone and e-mail from the Chatbot Function notice."""
    if "contact" not in index.derived:
        index.derived["contact"] = next(
            (
                {**document.extra, "document": document}
                for document in index.documents
                if document.kind == "notice" and document.extra.get("slug") == "chatbot"
            ),
            {},
        )
    return index.derived["contact"]


def _no_match(index: SearchIndex, question: str, language: Language) -> Answer:
    """Nothing answers: TID's telephone and e-mail (from the Chatbot Function notice), and links
    to the finder with the visitor's words, the eligibility check and that notice."""
    contact = _contact(index)
    with override(ENGLISH.code):
        finder, check = reverse("schemes:list"), reverse("schemes:check")
    words = urlencode({"q": question[:MAX_QUERY_LENGTH]})
    finder_url = f"{path_in_language(finder, language)}?{words}"
    check_url = path_in_language(check, language)
    links = [
        {"title": gettext("Look for funding schemes with your words"), "url": finder_url},
        {"title": gettext("Check which schemes your business can apply for"), "url": check_url},
    ]
    html = render_to_string("assistant/includes/_no_match.html", {"contact": contact})
    if contact:
        links.append(_link(contact["document"], language))
    return Answer(html=html, links=links)


def refusal_html() -> str:
    return render_to_string("assistant/includes/_refused.html")


def _page_html(hit, question: str, language: Language) -> str:
    """The sentence that answers, quoted from the page, and whether the scheme is closed."""
    document = hit.document
    passage = hit.parts.get(language.code if language.stored else "zh-hant", "")
    return render_to_string(
        "assistant/includes/_pages.html",
        {
            "title": document.title_in(language),
            "snippet": snippet(
                document.text_in(language), hit.terms, bonus=sentence_bonus(question, passage)
            ),
            "closed_on": document.extra.get("closes_on")
            if closed(document, timezone.localdate())
            else None,
        },
    )


def question_context(previous: str) -> str:
    """The previous question as a follow-up's context: "" when it holds personal data."""
    numbers = _published_numbers(current_index())
    return "" if contains_personal_data(previous, published_numbers=numbers) else previous


def question_answer(question: str, language: Language, *, previous: str = "") -> Answer:
    """The answer to a question already checked for length, in the page's language.

    `previous` is the question asked just before (a follow-up leans on it); it is only read,
    never stored, and ignored when it holds personal data."""
    index = current_index()
    if contains_personal_data(question, published_numbers=_published_numbers(index)):
        return Answer(html=refusal_html(), refused=True)
    previous = question_context(previous)
    asked, described = without_business_size(question)
    context = " ".join(part for part in (described, previous) if part)
    hits = index.search(asked, context=context, limit=10)
    if previous:
        previous_answer = best_hit(previous, index.search(previous, limit=10), index)
        hits = in_context(asked, hits, previous_answer, index)
    hits = named_first(asked, hits, index)
    best = best_hit(asked, hits, index)
    if best is None:
        return _no_match(index, question, language)
    pages = [hit.document for hit in reordered(asked, hits) if hit.document.kind != "answer"]
    if best.document.kind == "answer":
        chosen = [
            index.by_path[path] for path in best.document.extra["links"] if path in index.by_path
        ]
        pages = chosen + [page for page in pages if page not in chosen]
        html = render_to_string(
            "assistant/includes/_curated.html",
            {
                "answer": best.document.extra["answer"].get(
                    language.code if language.stored else "zh-hant"
                )
            },
        )
        answer_pk = best.document.extra["pk"]
    else:
        pages = [best.document] + [page for page in pages if page != best.document]
        html = _page_html(best, question, language)
        answer_pk = None
    links = [_link(page, language) for page in pages[:MAX_LINKS]]
    return Answer(html=html, links=links, matched=True, answer_pk=answer_pk)


def question_fingerprint(*, text: str, language: str, outcome: str, answered_with: str) -> str:
    """The same question asked again: the same words (any case or spacing), language, outcome
    and answer."""
    words = " ".join(text.casefold().split())
    return hashlib.sha256(
        "\x1f".join([words, language, outcome, answered_with]).encode("utf-8", "surrogatepass")
    ).hexdigest()


def question_log(*, text: str, language: Language, outcome: str, answered_with: str = "") -> None:
    """Only questions already cleared of personal data reach this. A question asked before
    counts once more; a new one takes the place of the oldest asked only once when the log
    holds MAX_LOGGED_QUESTIONS, or is dropped if every question there was asked repeatedly."""
    fields = {
        "text": text[:MAX_QUESTION_LENGTH],
        "language": language.prefix,
        "outcome": outcome,
        "answered_with": answered_with[:300],
    }
    fingerprint = question_fingerprint(**fields)
    if _asked_again(fingerprint) or not _room_for_a_question():
        return
    try:
        with transaction.atomic():
            LoggedQuestion.objects.create(**fields, fingerprint=fingerprint)
    except IntegrityError:  # the same question logged by another request just now
        _asked_again(fingerprint)


def _asked_again(fingerprint: str) -> bool:
    return bool(
        LoggedQuestion.objects.filter(fingerprint=fingerprint).update(
            times_asked=F("times_asked") + 1, last_asked_at=timezone.now()
        )
    )


def _room_for_a_question() -> bool:
    excess = LoggedQuestion.objects.count() - MAX_LOGGED_QUESTIONS + 1
    if excess <= 0:
        return True
    oldest = LoggedQuestion.objects.filter(times_asked=1).order_by("last_asked_at", "pk")
    deleted, _ = LoggedQuestion.objects.filter(
        pk__in=list(oldest.values_list("pk", flat=True)[:excess])
    ).delete()
    return deleted >= excess


def question_allowed(request) -> bool:
    """About 30 questions a minute per client, counted for all workers (portal.ratelimit)."""
    return not rate_limited(request, scope="assistant", limit=QUESTIONS_PER_MINUTE, seconds=60)


def feedback_token(*, question: str, answer: Answer, language: Language) -> str:
    return signing.dumps(
        {"q": question, "a": answer.key, "l": language.prefix}, salt=FEEDBACK_SALT, compress=True
    )


def feedback_read(token: str) -> dict | None:
    """The token's question and answer, or None when it is forged, over a day old or used."""
    try:
        data = signing.loads(token, salt=FEEDBACK_SALT, max_age=FEEDBACK_MAX_AGE)
    except signing.BadSignature:
        return None
    digest = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        with transaction.atomic():
            SpentFeedbackToken.objects.create(digest=digest)
    except IntegrityError:  # one answer per token
        return None
    return data


def feedback_record(*, question: str, answered_with: str, helpful: bool, language: Language):
    """Helpful curated answers gain a suggested phrasing; unhelpful answers go to the log."""
    if not helpful:
        question_log(
            text=question,
            language=language,
            outcome=LoggedQuestion.Outcome.UNHELPFUL,
            answered_with=answered_with,
        )
        return
    kind, _, pk = answered_with.partition(":")
    if kind == "answer" and pk.isdigit():
        answer = CuratedAnswer.objects.filter(pk=int(pk)).first()
        if answer is not None and question.casefold() not in _known_phrasings(answer):
            SuggestedPhrasing.objects.get_or_create(answer=answer, text=question)


def _known_phrasings(answer: CuratedAnswer) -> set[str]:
    texts = [
        answer.question_en,
        answer.question_zh_hant,
        answer.phrasings_en,
        answer.phrasings_zh_hant,
    ]
    return {line.strip().casefold() for text in texts for line in (text or "").splitlines()}


def questions_purge(*, days: int = 90) -> int:
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = LoggedQuestion.objects.filter(last_asked_at__lt=cutoff).delete()
    spent = timezone.now() - datetime.timedelta(seconds=FEEDBACK_MAX_AGE)
    SpentFeedbackToken.objects.filter(spent_at__lt=spent).delete()
    deleted_suggestions, _ = SuggestedPhrasing.objects.filter(asked_at__lt=cutoff).delete()
    return deleted + deleted_suggestions


def answer_draft_from_questions(*, questions, user) -> CuratedAnswer:
    """A draft curated answer whose phrasings are the questions; staff write the rest."""
    english = [q.text for q in questions if q.language == "en"]
    chinese = [q.text for q in questions if q.language != "en"]
    first = (english or chinese or ["?"])[0]
    return CuratedAnswer.objects.create(
        question_en=(english or [first])[0][:300],
        question_zh_hant=(chinese or [first])[0][:300],
        phrasings_en="\n".join(english[1:]),
        phrasings_zh_hant="\n".join(chinese[1:]),
        answer_en="",
        answer_zh_hant="",
        links="",
        status=CuratedAnswer.Status.DRAFT,
        updated_by=user,
    )


def phrasing_accept(*, suggestion: SuggestedPhrasing, user) -> None:
    """Adds the question to the answer's phrasings in its language, then drops the suggestion.

    As any edit: to a published answer, an editor's addition waits for a publisher."""
    column = "phrasings_en" if suggestion.text.isascii() else "phrasings_zh_hant"

    def add_phrasing(answer):
        lines = [line for line in (getattr(answer, column) or "").splitlines() if line.strip()]
        setattr(answer, column, "\n".join([*lines, suggestion.text]))
        answer.updated_by = user
        answer.save()

    content_edit(item=suggestion.answer, user=user, edit=add_phrasing)
    suggestion.delete()
