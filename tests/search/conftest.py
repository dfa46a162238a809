"""Fixtures for the search tests that run against osmem-server (in-memory Elasticsearch).

`es_engine_settings` points the settings at a fresh osmem clone (one per test, via the
osmem-server pytest plugin's `osmem_url`), with language analysis off (osmem would answer
every query with every document once the Indonesian stemmer is configured) and the plain
JSON media types osmem needs (search.es_client.CompatHeadersNode). `reindex()` builds the
index from the current database with search.indexing.rebuild_index, as
`manage.py search_reindex` does.

    def test_something(es_engine_settings, reindex):
        ProductPageFactory(title="Batik Tulis")
        reindex()
        result = get_engine().search(CatalogQuery(text="batik"), [["batik"]])
"""

import socket

import pytest

TEST_INDEX = "test-etalase-products"


def _reset_caches():
    from search.indexing import reset_client_cache
    from search.service import reset_engine_cache

    reset_engine_cache()
    reset_client_cache()


@pytest.fixture
def es_engine_settings(settings, osmem_url):
    """Settings for the Elasticsearch engine against this test's osmem clone."""
    settings.ELASTICSEARCH_URL = osmem_url
    settings.SEARCH_INDEX_NAME = TEST_INDEX
    settings.SEARCH_LANGUAGE_ANALYSIS = False
    settings.SEARCH_ES_COMPAT_HEADERS = True
    settings.SEARCH_TIMEOUT_SECONDS = 5
    _reset_caches()
    yield settings
    _reset_caches()


@pytest.fixture
def es_client(es_engine_settings):
    """The index-maintenance client for the osmem clone."""
    from search.indexing import get_client

    return get_client()


@pytest.fixture
def refresh_index(es_engine_settings):
    """A function that makes the latest writes searchable (osmem is real-time already;
    Elasticsearch is not, so the tests refresh as they would have to there)."""
    from search.indexing import get_client

    def run():
        get_client().indices.refresh(index=es_engine_settings.SEARCH_INDEX_NAME)

    return run


@pytest.fixture
def reindex(es_engine_settings):
    """A function that rebuilds the index from the database and returns rebuild_index()'s
    result (also resets the engine cache so the next search uses a fresh client)."""
    from search.indexing import rebuild_index

    def run(**kwargs):
        result = rebuild_index(**kwargs)
        _reset_caches()
        return result

    return run


@pytest.fixture
def index_signals():
    """The index-sync signal handlers, connected (idempotent: search/apps.py connects them
    too). They stay connected; they do nothing while ELASTICSEARCH_URL is unset."""
    from search.indexing import connect_signals

    connect_signals()


@pytest.fixture
def closed_port_url():
    """An http:// URL on 127.0.0.1 where nothing listens (a port bound, then closed)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"
