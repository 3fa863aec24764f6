"""The same question is one row with a count: existing duplicates are merged."""

import hashlib

import django.utils.timezone
from django.db import migrations, models


def fingerprint(text, language, outcome, answered_with):
    # As assistant.services.question_fingerprint when this migration was written.
    words = " ".join((text or "").casefold().split())
    return hashlib.sha256(
        "\x1f".join([words, language, outcome, answered_with]).encode("utf-8", "surrogatepass")
    ).hexdigest()


def merge_duplicates(apps, schema_editor):
    LoggedQuestion = apps.get_model("assistant", "LoggedQuestion")
    kept = {}
    for question in LoggedQuestion.objects.order_by("asked_at", "pk"):
        key = fingerprint(
            question.text, question.language, question.outcome, question.answered_with
        )
        first = kept.get(key)
        if first is None:
            question.fingerprint, question.last_asked_at = key, question.asked_at
            kept[key] = question
            continue
        first.times_asked += 1
        first.last_asked_at = max(first.last_asked_at, question.asked_at)
        question.delete()
    for question in kept.values():
        question.save(update_fields=["fingerprint", "times_asked", "last_asked_at"])


class Migration(migrations.Migration):
    dependencies = [("assistant", "0002_staff_roles")]

    operations = [
        migrations.AlterModelOptions(
            name="loggedquestion",
            options={
                "ordering": ["-last_asked_at"],
                "verbose_name": "question without a good answer",
                "verbose_name_plural": "questions without a good answer",
            },
        ),
        migrations.AlterField(
            model_name="loggedquestion",
            name="asked_at",
            field=models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="first asked"),
        ),
        migrations.AddField(
            model_name="loggedquestion",
            name="last_asked_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="last asked"
            ),
        ),
        migrations.AddField(
            model_name="loggedquestion",
            name="times_asked",
            field=models.PositiveIntegerField(default=1, verbose_name="times asked"),
        ),
        migrations.AddField(
            model_name="loggedquestion",
            name="fingerprint",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(merge_duplicates, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="loggedquestion",
            name="fingerprint",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
