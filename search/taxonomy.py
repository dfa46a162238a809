"""The taxonomies' names and slugs, cached: every search page needs them for facets and chips,
and they change only when a curator edits a snippet (which clears the cache)."""

from django.core.cache import cache

from .hooks import membership_provider

TAXONOMY_CACHE_KEY = "search:taxonomy:v3"


def _exhibitions():
    """{slug: title}, {slug: English title} and {page id: slug} of live exhibitions, as their
    registered provider gives them (search/hooks.py)."""
    rows = membership_provider("exhibition").live_groups()
    return (
        {slug: title for _pk, slug, title, _en in rows},
        {slug: english for _pk, slug, _t, english in rows if english},
        {str(pk): slug for pk, slug, _t, _en in rows},
    )


def taxonomy():
    data = cache.get(TAXONOMY_CACHE_KEY)
    if data is None:
        from catalog.models import Category, CertificateType, Material, Region, Sentra

        categories = [
            {
                "id": c.pk,
                "slug": c.slug,
                "name": c.name,
                "name_en": c.name_en,
                "parent_id": c.parent_id,
            }
            for c in Category.objects.order_by("sort_order", "name")
        ]
        data = {
            "categories": categories,
            "category_slugs": {c["slug"] for c in categories},
            "region": dict(Region.objects.order_by("name").values_list("slug", "name")),
            "sentra": dict(Sentra.objects.order_by("name").values_list("slug", "name")),
            "material": dict(Material.objects.order_by("name").values_list("slug", "name")),
            "certificate": dict(
                CertificateType.objects.order_by("name").values_list("slug", "name")
            ),
            # English names where curators gave one (catalog/translation.py).
            "material_en": dict(
                Material.objects.exclude(name_en="").values_list("slug", "name_en")
            ),
            "certificate_en": dict(
                CertificateType.objects.exclude(name_en="").values_list("slug", "name_en")
            ),
        }
        data["exhibition"], data["exhibition_en"], data["exhibition_ids"] = _exhibitions()
        cache.set(TAXONOMY_CACHE_KEY, data, 3600)
    return data


def forget_taxonomy(**kwargs):
    """Signal receiver for any taxonomy snippet saved or deleted."""
    cache.delete(TAXONOMY_CACHE_KEY)


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    from catalog.models import Category, CertificateType, Material, Region, Sentra

    for model in (Category, CertificateType, Material, Region, Sentra):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_taxonomy, sender=model, dispatch_uid=f"taxonomy-{model.__name__}-{signal}"
            )


def label_for(data, facet, slug, name):
    """(label, lang) of a taxonomy value for the reader: its English name on an English page
    when there is one; else the Indonesian name, with lang "id" on an English page."""
    from catalog.translation import ENGLISH, current_language, source_language

    if current_language() != ENGLISH:
        return name, ""
    english = data.get(f"{facet}_en", {}).get(slug, "")
    if english:
        return english, ""
    # Regions and sentra are proper names, the same in every language: no lang mark.
    translatable = ("category", "material", "certificate", "exhibition")
    return name, source_language() if facet in translatable else ""


def category_label(category):
    """(label, lang) of a category dict from taxonomy()["categories"]."""
    return label_for(
        {"category_en": {category["slug"]: category["name_en"]}},
        "category",
        category["slug"],
        category["name"],
    )
