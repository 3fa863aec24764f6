"""What staff see of the link checks: an item's links before it is published, and where each
broken link is used."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext

from portal.changes import field_label
from portal.linkcheck.extract import links_in
from portal.linkcheck.models import Link, LinkUse
from portal.publishing.snapshots import Snapshot


def place_label(*, record: str, field_name: str, item_model, part=None) -> str:
    """ "Body (English)", or for a part "Section “Eligibility”: Body (English)"."""
    label, _, pk = record.partition(":")
    model = apps.get_model(label)
    try:
        name = field_label(model._meta.get_field(field_name))
    except FieldDoesNotExist:
        name = field_name
    if model is item_model:
        return name
    part = part if part is not None else model._default_manager.filter(pk=pk).first()
    return gettext("%(kind)s “%(name)s”: %(field)s") % {
        "kind": capfirst(model._meta.verbose_name),
        "name": part or pk,
        "field": name,
    }


def link_result(link: Link | None) -> str:
    """ "404 (Error page)", "No answer in time", "Works", "Works, after a redirect to …"."""
    if link is None or link.checked_at is None:
        return gettext("Not checked yet")
    if link.broken:
        problem = link.get_problem_display()
        if link.status_code:
            return gettext("%(status)s (%(problem)s)") % {
                "status": link.status_code,
                "problem": problem,
            }
        return problem
    if link.redirects:
        return gettext("Works, after a redirect to %(url)s") % {"url": link.final_url}
    return gettext("Works")


@dataclass
class LinkState:
    url: str
    link: Link | None
    places: list[str] = field(default_factory=list)

    @property
    def result(self) -> str:
        return link_result(self.link)


@dataclass
class LinksReport:
    broken: list[LinkState]
    unchecked: list[LinkState]
    working: int

    def __bool__(self):
        return bool(self.broken or self.unchecked or self.working)


def links_report(snapshot: Snapshot) -> LinksReport:
    """The outside links of an item as `snapshot` has it (what would go live), with each one's
    last result."""
    item_model = type(snapshot.item())
    parts = {f"{obj._meta.label_lower}:{obj.pk}": obj for obj in snapshot.instances()}
    states: dict[str, LinkState] = {}
    for found in links_in(snapshot):
        state = states.setdefault(found.url, LinkState(found.url, None))
        state.places.append(
            place_label(
                record=found.record,
                field_name=found.field,
                item_model=item_model,
                part=parts.get(found.record),
            )
        )
    for link in Link.objects.filter(url__in=states):
        states[link.url].link = link
    checked = [state for state in states.values() if state.link and state.link.checked_at]
    return LinksReport(
        broken=[state for state in checked if state.link.broken],
        unchecked=[state for state in states.values() if state not in checked],
        working=sum(1 for state in checked if not state.link.broken),
    )


@dataclass(frozen=True)
class Use:
    item: object
    kind: str
    place: str
    url: str  # the item's change form


def uses_of(links) -> dict[int, list[Use]]:
    """Each link's uses by items that still exist, for the admin's list (a few queries)."""
    uses = LinkUse.objects.filter(link__in=links).select_related("content_type")
    by_type: dict[int, set] = {}
    for use in uses:
        by_type.setdefault(use.content_type_id, set()).add(use.object_id)
    items = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            for item in model._default_manager.filter(pk__in=ids):
                items[(type_id, item.pk)] = item
    found: dict[int, list[Use]] = {}
    for use in uses:
        item = items.get((use.content_type_id, use.object_id))
        if item is None:
            continue
        opts = item._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            url = ""
        place = place_label(record=use.record, field_name=use.field, item_model=type(item))
        found.setdefault(use.link_id, []).append(Use(item, capfirst(opts.verbose_name), place, url))
    return found


def broken_links_count() -> int:
    return Link.objects.filter(broken_since__isnull=False, uses__isnull=False).distinct().count()
