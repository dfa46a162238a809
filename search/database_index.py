"""Keeping Wagtail's database search index right when a name that products carry changes.

A product's index entry holds its category and subcategory names, materials, IKM name,
sentra and region (catalog/models/search_text.py). Wagtail reindexes a page when it is
saved (before its tags and materials are written: a published product is indexed again
here), not the products naming a renamed category, material, sentra, region or IKM: these
handlers do, after the transaction commits, with the backend's public `add_bulk`. (The
Elasticsearch index has its own handlers in search/indexing.py.)
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from wagtail.search.backends import get_search_backend
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published

from catalog.models import Category, Material, ProductPage, Region, Sentra, VendorPage

BATCH_SIZE = 500

# What a product's index entry names, by the model that is renamed.
PRODUCTS_NAMING = {
    Category: lambda pk: Q(category_id=pk) | Q(category__parent_id=pk),
    Material: lambda pk: Q(materials=pk),
    Region: lambda pk: Q(vendor__region_id=pk),
    Sentra: lambda pk: Q(vendor__sentra_id=pk),
    VendorPage: lambda pk: Q(vendor_id=pk),
}


def reindex_products(condition):
    """Update the database index entries of the products matching `condition`, now."""
    ids = list(ProductPage.objects.filter(condition).values_list("pk", flat=True).distinct())
    backend = get_search_backend()
    products = ProductPage.get_indexed_objects()
    for start in range(0, len(ids), BATCH_SIZE):
        backend.add_bulk(ProductPage, list(products.filter(pk__in=ids[start : start + BATCH_SIZE])))
    return len(ids)


def _reindex_after_commit(model, pk):
    condition = PRODUCTS_NAMING[model](pk)
    transaction.on_commit(lambda: reindex_products(condition), robust=True)


def _on_name_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return  # fixtures load raw; a new name has no products yet
    _reindex_after_commit(sender, instance.pk)


def _on_page_published(sender, instance, **kwargs):
    if isinstance(instance, ProductPage):
        # Wagtail's own index task runs at post_save (the immediate task backend), before
        # modelcluster writes the page's tags and materials: index it again, now they are.
        insert_or_update_object(instance)
    elif isinstance(instance, VendorPage):
        _reindex_after_commit(VendorPage, instance.pk)


def connect_signals():
    """Connect the handlers (idempotent; called from search's AppConfig.ready)."""
    for model in (Category, Material, Region, Sentra):
        post_save.connect(
            _on_name_saved, sender=model, dispatch_uid=f"search.db_index.{model.__name__}"
        )
    page_published.connect(_on_page_published, dispatch_uid="search.db_index.vendor_published")
