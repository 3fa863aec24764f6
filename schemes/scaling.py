"""Generated schemes for `manage.py seed_grow`: copies of the seed's, each with its sections,
contacts and eligibility rules, administered by any organisation."""

from portal.models import Organisation
from portal.scaling import Growth, copies_create, numbered, row_copy, seed_rows

from .models import Scheme, SchemeContact, SchemeSection
from .rules import EligibilityRule


def schemes_grow(growth: Growth) -> int:
    seed = seed_rows(Scheme.objects.prefetch_related("sections", "contacts", "eligibility_rules"))
    start = Scheme.objects.count()
    chosen = growth.random("schemes")
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    pairs = []
    for offset in range(growth.wanted("scheme", start)):
        number = start + offset + 1
        template = seed[offset % len(seed)]
        names = numbered(
            {"name_en": template.name_en, "name_zh_hant": template.name_zh_hant}, number
        )
        copy = row_copy(
            template,
            slug=f"{template.slug}-x{number}",
            organisation_id=chosen.choice(organisations),
            **names,
        )
        pairs.append((copy, template))
    copies = copies_create(growth, pairs)
    templates = [template for _, template in pairs]
    SchemeSection.objects.bulk_create(
        row_copy(section, scheme_id=copy.pk)
        for copy, template in zip(copies, templates, strict=True)
        for section in template.sections.all()
    )
    SchemeContact.objects.bulk_create(
        row_copy(contact, scheme_id=copy.pk)
        for copy, template in zip(copies, templates, strict=True)
        for contact in template.contacts.all()
    )
    rules_grow(copies, templates)
    return len(copies)


def rules_grow(copies, templates) -> None:
    """Each copy's eligibility rules, with the same answers meeting and failing them."""
    pairs = [
        (row_copy(rule, scheme_id=copy.pk), rule)
        for copy, template in zip(copies, templates, strict=True)
        for rule in template.eligibility_rules.all()
    ]
    rules = EligibilityRule.objects.bulk_create([rule for rule, _ in pairs])
    for relation in ("passing_options", "failing_options"):
        through = getattr(EligibilityRule, relation).through
        seed_options = {
            template.pk: list(getattr(template, relation).values_list("pk", flat=True))
            for template in {template for _, template in pairs}
        }
        through.objects.bulk_create(
            through(eligibilityrule_id=rule.pk, eligibilityoption_id=option)
            for rule, (_, template) in zip(rules, pairs, strict=True)
            for option in seed_options[template.pk]
        )
