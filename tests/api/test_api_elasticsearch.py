"""The API searches with the site's engine: with ELASTICSEARCH_URL set, products come from the
Elasticsearch engine (against osmem-server, see tests/search/conftest.py), not from Wagtail's
default search backend."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def es_api(settings, osmem_url):
    from search.indexing import rebuild_index, reset_client_cache
    from search.service import reset_engine_cache

    settings.ELASTICSEARCH_URL = osmem_url
    settings.SEARCH_INDEX_NAME = "test-api-products"
    settings.SEARCH_LANGUAGE_ANALYSIS = False
    settings.SEARCH_ES_COMPAT_HEADERS = True
    settings.SEARCH_TIMEOUT_SECONDS = 5

    def reindex():
        rebuild_index()
        reset_engine_cache()
        reset_client_cache()

    reset_engine_cache()
    reset_client_cache()
    yield reindex
    reset_engine_cache()
    reset_client_cache()


def test_products_search_and_filters_on_the_elasticsearch_engine(api, catalog, es_api):
    from wagtail.search.models import IndexEntry

    from search.service import get_engine

    es_api()
    assert get_engine().name == "elasticsearch"
    # Wagtail's own index emptied: only the Elasticsearch engine can still find the words.
    IndexEntry.objects.all().delete()
    search = api("products/", search="mega mendung")
    assert [item["id"] for item in search["items"]] == [catalog.mega.pk]
    batik = api("products/", category="batik")  # the parent category: its subcategory's product
    assert [item["id"] for item in batik["items"]] == [catalog.mega.pk]
    everything = api("products/", limit=1, offset=1)
    assert everything["meta"]["total_count"] == 2
    assert len(everything["items"]) == 1
