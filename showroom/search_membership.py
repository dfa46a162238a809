"""Exhibition membership for the search index (search/hooks.py), registered in apps.py."""

from django.db.models import F

from search.hooks import MembershipProvider


def live_exhibitions():
    from showroom.exhibitions import ExhibitionPage

    return list(
        ExhibitionPage.objects.live()
        .public()
        .order_by("-starts_on", "title")
        .values_list("pk", "slug", "title", "title_en")
    )


def memberships():
    from showroom.exhibitions import ExhibitionItem

    return ExhibitionItem.objects.filter(page__live=True).annotate(group_slug=F("page__slug"))


def member_ids(page_id):
    from showroom.exhibitions import ExhibitionItem

    items = ExhibitionItem.objects.filter(page_id=page_id)
    return set(items.values_list("product_id", flat=True))


def is_exhibition(instance):
    from showroom.exhibitions import ExhibitionPage

    return isinstance(instance, ExhibitionPage)


def exhibition_slugs(product):
    """Slugs of the live exhibitions showing `product` (its items prefetched with their page)."""
    return sorted({item.page.slug for item in product.exhibition_items.all() if item.page.live})


EXHIBITIONS = MembershipProvider(
    live_groups=live_exhibitions,
    memberships=memberships,
    member_ids=member_ids,
    is_group=is_exhibition,
    prefetch="exhibition_items__page",
    slugs_of=exhibition_slugs,
)
