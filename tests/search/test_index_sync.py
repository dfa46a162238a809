"""The index follows the pages: publishing, unpublishing, deleting, renaming an IKM, changing
a category and moving a product update it after the transaction commits."""

import logging

import pytest

from catalog.factories import CategoryFactory, ProductPageFactory, VendorPageFactory
from catalog.models import ProductPage, VendorPage
from search.indexing import index_product
from search.query import CatalogQuery
from search.service import get_engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced(es_engine_settings, index_signals, reindex, refresh_index):
    """An index built from an IKM with one product, signal handlers connected."""
    vendor = VendorPageFactory(title="Sanggar Batik Trusmi", slug="sanggar-batik-trusmi")
    product = ProductPageFactory(parent=vendor, title="Batik Tulis Mega Mendung")
    reindex()
    return vendor, product


def search(text="", **params):
    expansions = [[word] for word in text.split()]
    return get_engine().search(CatalogQuery(text=text, page_size=50, **params), expansions)


def document(es_client, settings, page_id):
    response = es_client.options(ignore_status=404).get(
        index=settings.SEARCH_INDEX_NAME, id=page_id
    )
    return response.body.get("_source") if response.meta.status == 200 else None


def test_publishing_a_product_makes_it_findable(
    synced, django_capture_on_commit_callbacks, refresh_index
):
    vendor, _product = synced
    draft = ProductPageFactory(parent=vendor, title="Selendang Sutra Kawung", live=False)
    assert search("kawung").ids == []
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    refresh_index()
    assert search("kawung").ids == [draft.pk]


def test_editing_a_product_updates_its_document(
    synced, django_capture_on_commit_callbacks, refresh_index, es_client, es_engine_settings
):
    _vendor, product = synced
    product.title = "Batik Tulis Parang Rusak"
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    refresh_index()
    assert search("parang").ids == [product.pk]
    assert document(es_client, es_engine_settings, product.pk)["title"] == (
        "Batik Tulis Parang Rusak"
    )


def test_unpublishing_removes_it(synced, django_capture_on_commit_callbacks, refresh_index):
    _vendor, product = synced
    assert search("mendung").ids == [product.pk]
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    refresh_index()
    assert search("mendung").ids == []


def test_deleting_removes_it(synced, django_capture_on_commit_callbacks, refresh_index):
    _vendor, product = synced
    product_id = product.pk
    with django_capture_on_commit_callbacks(execute=True):
        ProductPage.objects.get(pk=product_id).delete()
    refresh_index()
    assert search("mendung").ids == []
    assert search().total == 0


def test_renaming_the_ikm_updates_its_products(
    synced, django_capture_on_commit_callbacks, refresh_index, es_client, es_engine_settings
):
    vendor, product = synced
    other = ProductPageFactory(parent=vendor, title="Batik Cap Kawung")
    with django_capture_on_commit_callbacks(execute=True):
        index_product(other.pk)
    vendor = VendorPage.objects.get(pk=vendor.pk)
    vendor.title = "Rumah Batik Katura"
    with django_capture_on_commit_callbacks(execute=True):
        vendor.save_revision().publish()
    refresh_index()
    for page in (product, other):
        assert document(es_client, es_engine_settings, page.pk)["vendor_title"] == (
            "Rumah Batik Katura"
        )
    assert set(search("katura").ids) == {product.pk, other.pk}


def test_changing_the_category_updates_the_facet(
    synced, django_capture_on_commit_callbacks, refresh_index
):
    _vendor, product = synced
    old_category = product.category.slug
    kain = CategoryFactory(name="Kain", slug="kain")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=kain)
    assert search().facets["category"] == {old_category: 1}
    product = ProductPage.objects.get(pk=product.pk)
    product.category = tulis
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    refresh_index()
    assert search().facets["category"] == {"batik-tulis": 1, "kain": 1}
    assert search(category="kain").ids == [product.pk]


def test_renaming_a_category_updates_its_products(
    synced, django_capture_on_commit_callbacks, refresh_index
):
    _vendor, product = synced
    category = product.category
    category.name = "Wastra Pesisir"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    refresh_index()
    assert search("wastra").ids == [product.pk]


def test_moving_a_product_to_another_ikm_updates_its_vendor(
    synced, django_capture_on_commit_callbacks, refresh_index, es_client, es_engine_settings
):
    _vendor, product = synced
    other = VendorPageFactory(title="Batik Katura", slug="batik-katura")
    with django_capture_on_commit_callbacks(execute=True):
        ProductPage.objects.get(pk=product.pk).move(other, pos="last-child")
    refresh_index()
    assert search(vendor="batik-katura").ids == [product.pk]
    assert search(vendor="sanggar-batik-trusmi").ids == []
    source = document(es_client, es_engine_settings, product.pk)
    assert source["vendor_title"] == "Batik Katura"
    assert source["url"] == ProductPage.objects.get(pk=product.pk).url
    assert "/batik-katura/" in source["url"]


def test_a_failed_sync_does_not_break_publishing(
    synced, es_engine_settings, django_capture_on_commit_callbacks, closed_port_url, caplog
):
    from search.indexing import reset_client_cache

    _vendor, product = synced
    es_engine_settings.ELASTICSEARCH_URL = closed_port_url
    es_engine_settings.SEARCH_TIMEOUT_SECONDS = 1
    reset_client_cache()
    product = ProductPage.objects.get(pk=product.pk)
    product.title = "Batik Tulis Baru"
    with (
        caplog.at_level(logging.WARNING, logger="search.indexing"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        product.save_revision().publish()
    assert ProductPage.objects.get(pk=product.pk).title == "Batik Tulis Baru"
    assert any("not updated" in record.getMessage() for record in caplog.records)


def test_nothing_happens_without_elasticsearch_url(
    settings, index_signals, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    product = ProductPageFactory(live=False)
    with django_capture_on_commit_callbacks() as callbacks:
        product.save_revision().publish()
    # The page cache's purge runs after the commit too; only the index sync must not.
    assert not [
        c
        for c in callbacks
        if "_after_commit" in getattr(c, "__qualname__", "")
        and not getattr(c, "__module__", "").startswith("pagecache")
    ]


def test_unpublishing_an_ikm_with_its_products_removes_them(
    synced, django_capture_on_commit_callbacks, refresh_index, superuser
):
    from wagtail.actions.unpublish_page import UnpublishPageAction

    vendor, product = synced
    with django_capture_on_commit_callbacks(execute=True):
        UnpublishPageAction(vendor, user=superuser, include_descendants=True).execute()
    refresh_index()
    assert search("mendung").ids == []


def test_products_left_live_under_an_unpublished_ikm_leave_like_the_database_engine(
    synced, django_capture_on_commit_callbacks, refresh_index
):
    """Unpublishing an IKM's profile takes its (still live) products off the site."""
    from search.engines.database import DatabaseEngine

    vendor, product = synced
    with django_capture_on_commit_callbacks(execute=True):
        vendor.unpublish()
    refresh_index()
    product.refresh_from_db()
    assert product.live
    assert search().ids == DatabaseEngine().search(CatalogQuery(), []).ids == []
    with django_capture_on_commit_callbacks(execute=True):
        vendor.save_revision().publish()
    refresh_index()
    assert search().ids == DatabaseEngine().search(CatalogQuery(), []).ids == [product.pk]


def test_renaming_a_region_slug_updates_the_filter(
    synced, django_capture_on_commit_callbacks, refresh_index
):
    vendor, product = synced
    region = vendor.region
    region.slug = "kabupaten-cirebon"
    with django_capture_on_commit_callbacks(execute=True):
        region.save()
    refresh_index()
    assert search(region="kabupaten-cirebon").ids == [product.pk]


def test_a_sync_before_any_rebuild_creates_no_index(
    es_engine_settings, es_client, django_capture_on_commit_callbacks, caplog
):
    product = ProductPageFactory()
    with (
        caplog.at_level(logging.WARNING, logger="search.indexing"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        index_product(product.pk)
    assert not es_client.indices.exists(index=es_engine_settings.SEARCH_INDEX_NAME)
    assert any("not updated" in record.getMessage() for record in caplog.records)
