"""Which products the curators feature on the home page ("Pilihan Kurator").

Product cards appear on every listing; asking the database on each would cost a query per
page, so the ids are cached and forgotten whenever a home page is published or unpublished.
"""

from django.core.cache import cache

FEATURED_CACHE_KEY = "showroom:featured:v1"


def featured_ids():
    """Ids of the products in the live home page's featured sections (a frozenset)."""
    ids = cache.get(FEATURED_CACHE_KEY)
    if ids is None:
        from showroom.blocks import featured_product_ids
        from showroom.models import HomePage

        found = []
        for body in HomePage.objects.live().values_list("body", flat=True):
            found.extend(featured_product_ids(body.raw_data))
        ids = frozenset(found)
        cache.set(FEATURED_CACHE_KEY, ids, 3600)
    return ids


def forget_featured(sender=None, **kwargs):
    """Signal receiver: a home page was published or unpublished."""
    cache.delete(FEATURED_CACHE_KEY)
