from django.db import migrations, models

# The seed's need question, asked until now for one answer only.
NEED_QUESTION = "need"
ONE_NEED_HINTS = {
    "hint": "Choose the main need.",
    "hint_en": "Choose the main need.",
    "hint_zh_hant": "請選擇主要需要。",
}
SEVERAL_NEEDS_HINTS = {
    "hint": "Choose every need that applies.",
    "hint_en": "Choose every need that applies.",
    "hint_zh_hant": "請選擇所有適用的需要。",
}


def need_takes_several_answers(apps, schema_editor):
    """A business with two needs (computers and a trade fair) answers both in one check; the
    hint is changed only where staff have not rewritten it."""
    EligibilityQuestion = apps.get_model("schemes", "EligibilityQuestion")
    for question in EligibilityQuestion.objects.filter(key=NEED_QUESTION, kind="choice"):
        question.kind = "several"
        for field, old_hint in ONE_NEED_HINTS.items():
            if getattr(question, field) == old_hint:
                setattr(question, field, SEVERAL_NEEDS_HINTS[field])
        question.save()


def need_takes_one_answer(apps, schema_editor):
    EligibilityQuestion = apps.get_model("schemes", "EligibilityQuestion")
    EligibilityQuestion.objects.filter(kind="several").update(kind="choice")


class Migration(migrations.Migration):

    dependencies = [
        ("schemes", "0003_review_dates"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eligibilityquestion",
            name="kind",
            field=models.CharField(
                choices=[
                    ("choice", "Choose one answer"),
                    ("several", "Choose any number of answers"),
                    ("employees", "Number of employees in Hong Kong"),
                ],
                default="choice",
                help_text="A number of employees is turned into the answer “sme” or “not-sme” by the Government's SME definition (manufacturing under 100, otherwise under 50), using the answer to the question with the key “sector”.",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(need_takes_several_answers, need_takes_one_answer),
    ]
