"""Staff side of the assistant: curated answers (as all content), the words it knows (synonyms,
colloquial phrases) and what visitors ask."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.admin import ContentAdmin

from .models import (
    ColloquialPhrase,
    CuratedAnswer,
    LoggedQuestion,
    SuggestedPhrasing,
    SynonymGroup,
)
from .selectors import question_groups
from .services import answer_draft_from_questions, phrasing_accept


@admin.register(CuratedAnswer)
class CuratedAnswerAdmin(ContentAdmin):
    search_fields = ("question", "phrasings", "answer")


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ("__str__", "updated_at")
    search_fields = ("terms",)


@admin.register(ColloquialPhrase)
class ColloquialPhraseAdmin(admin.ModelAdmin):
    """Beside the synonyms: how owners write, read as written Chinese before matching."""

    list_display = ("spoken", "written", "updated_at")
    search_fields = ("spoken", "written")


@admin.register(SuggestedPhrasing)
class SuggestedPhrasingAdmin(admin.ModelAdmin):
    list_display = ("text", "answer", "asked_at")
    list_select_related = ("answer",)
    actions = ["accept_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Add to the answer's other phrasings"))
    def accept_selected(self, request, queryset):
        count = 0
        for suggestion in queryset.select_related("answer"):
            phrasing_accept(suggestion=suggestion, user=request.user)
            count += 1
        message = ngettext("%d phrasing added.", "%d phrasings added.", count) % count
        self.message_user(request, message, messages.SUCCESS)


@admin.register(LoggedQuestion)
class LoggedQuestionAdmin(admin.ModelAdmin):
    list_display = ("text", "times_asked", "language", "outcome", "answered_with", "last_asked_at")
    list_filter = ("outcome", "language")
    search_fields = ("text",)
    change_list_template = "admin/assistant/loggedquestion/change_list.html"
    actions = ["make_answer"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        groups = path(
            "groups/", self.admin_site.admin_view(self.groups_view), name="assistant_groups"
        )
        return [groups, *super().get_urls()]

    def groups_view(self, request):
        """Questions grouped by similarity, biggest group first, each one click from a draft."""
        if request.method == "POST" and self.has_view_permission(request):
            ids = [int(pk) for pk in request.POST.getlist("question") if pk.isdigit()]
            return self._draft(request, LoggedQuestion.objects.filter(pk__in=ids))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Questions without a good answer, grouped"),
            "groups": question_groups(LoggedQuestion.objects.all()),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/assistant/loggedquestion/groups.html", context)

    @admin.action(description=_("Make a draft curated answer from these questions"))
    def make_answer(self, request, queryset):
        return self._draft(request, queryset)

    def _draft(self, request, questions):
        if not request.user.has_perm("assistant.add_curatedanswer"):
            self.message_user(request, _("You may not add curated answers."), messages.ERROR)
            return redirect("admin:assistant_groups")
        questions = list(questions.order_by("asked_at", "pk"))
        answer = answer_draft_from_questions(questions=questions, user=request.user)
        self.message_user(request, _("A draft answer was made: write the answer and links."))
        return redirect(reverse("admin:assistant_curatedanswer_change", args=[answer.pk]))
