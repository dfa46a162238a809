"""The exhibition filter (`?pameran=`): parsing, and the Elasticsearch index following the
exhibitions: publishing, changing, unpublishing and deleting one re-indexes its products."""

import pytest
from django.http import QueryDict

from catalog.factories import ProductPageFactory, VendorPageFactory
from search.query import CatalogQuery
from search.service import get_engine
from showroom.exhibitions import ExhibitionItem
from showroom.factories import ExhibitionPageFactory

pytestmark = pytest.mark.django_db


def test_the_parameter_is_read_and_written():
    query = CatalogQuery.from_params(QueryDict("pameran=Pekan-Batik&kategori=batik"))
    assert query.exhibition == "pekan-batik"
    assert query.active_filters == ["category", "exhibition"]
    assert query.to_params() == {"kategori": "batik", "pameran": "pekan-batik"}
    assert query.without("exhibition").exhibition == ""
    for bad in ("<script>", "a b", "x" * 200, "pekan';--"):
        assert CatalogQuery.from_params(QueryDict(f"pameran={bad}")).exhibition == ""


def test_unknown_exhibitions_never_break_the_pages(client, site_tree):
    for value in ("tidak-ada", "999999", "%00", "0"):
        assert client.get(f"/katalog/?pameran={value}").status_code == 200
        assert client.get(f"/cari/?q=batik&pameran={value}").status_code == 200


def exhibitions_of(es_client, settings, page_id):
    response = es_client.get(index=settings.SEARCH_INDEX_NAME, id=page_id)
    return response.body["_source"]["exhibitions"]


@pytest.fixture
def synced(es_engine_settings, index_signals, reindex, site_tree):
    vendor = VendorPageFactory(title="Batik Trusmi", slug="batik-trusmi")
    kain = ProductPageFactory(parent=vendor, title="Kain Batik")
    kemeja = ProductPageFactory(parent=vendor, title="Kemeja Batik")
    reindex()
    return kain, kemeja


def search(**params):
    return get_engine().search(CatalogQuery(page_size=50, **params), [])


def test_index_follows_the_exhibition(
    synced,
    es_client,
    es_engine_settings,
    refresh_index,
    django_capture_on_commit_callbacks,
):
    kain, kemeja = synced
    exhibition = ExhibitionPageFactory(title="Pekan Batik", slug="pekan-batik", live=False)
    exhibition.items.add(ExhibitionItem(product=kain), ExhibitionItem(product=kemeja))
    exhibition.save()
    assert exhibitions_of(es_client, es_engine_settings, kain.pk) == []

    with django_capture_on_commit_callbacks(execute=True):
        exhibition.save_revision().publish()
    refresh_index()
    assert exhibitions_of(es_client, es_engine_settings, kain.pk) == ["pekan-batik"]
    assert set(search(exhibition="pekan-batik").ids) == {kain.pk, kemeja.pk}

    # An item taken out: its product leaves the exhibition in the index too.
    page = exhibition.get_latest_revision_as_object()
    page.items = [item for item in page.items.all() if item.product_id == kain.pk]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    refresh_index()
    assert exhibitions_of(es_client, es_engine_settings, kemeja.pk) == []
    assert search(exhibition="pekan-batik").ids == [kain.pk]

    with django_capture_on_commit_callbacks(execute=True):
        exhibition.refresh_from_db()
        exhibition.unpublish()
    refresh_index()
    assert exhibitions_of(es_client, es_engine_settings, kain.pk) == []

    with django_capture_on_commit_callbacks(execute=True):
        exhibition.save_revision().publish()
    refresh_index()
    assert exhibitions_of(es_client, es_engine_settings, kain.pk) == ["pekan-batik"]
    with django_capture_on_commit_callbacks(execute=True):
        exhibition.delete()
    refresh_index()
    assert exhibitions_of(es_client, es_engine_settings, kain.pk) == []
