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


@pytest.fixture
def buyer_catalog(db):
    """A small catalog for what buyers type (issue 16): words only in tags, categories,
    materials, IKM names and places; affixed forms; near-identical place names; products
    sharing some of a query's words. {key: ProductPage}, with "categories" and "vendors"."""
    from wagtail.search.index import insert_or_update_object

    from catalog.factories import (
        CategoryFactory,
        MaterialFactory,
        ProductPageFactory,
        RegionFactory,
        SentraFactory,
        VendorPageFactory,
    )

    kerajinan = CategoryFactory(name="Kerajinan", slug="kerajinan", name_en="Crafts")
    topeng = CategoryFactory(name="Topeng", slug="topeng", parent=kerajinan, name_en="Masks")
    rotan = CategoryFactory(name="Rotan", slug="rotan", parent=kerajinan)
    makanan = CategoryFactory(name="Makanan Olahan", slug="makanan-olahan")
    kerupuk = CategoryFactory(name="Kerupuk", slug="kerupuk", parent=makanan)
    bumbu = CategoryFactory(name="Bumbu Dapur", slug="bumbu-dapur", parent=makanan)
    batik = CategoryFactory(name="Batik", slug="batik")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    cap = CategoryFactory(name="Batik Cap", slug="batik-cap", parent=batik)
    pewarna = CategoryFactory(name="Bahan Pewarna", slug="bahan-pewarna")

    cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    krakatoa = SentraFactory(name="Sentra Krakatoa", slug="krakatoa", region=cilegon)
    slangit = SentraFactory(name="Sentra Slangit", slug="slangit", region=cirebon)
    jaran = MaterialFactory(name="Kayu Jaran", slug="kayu-jaran", name_en="Jaran wood")
    kerang = MaterialFactory(name="Kerang Laut", slug="kerang-laut")

    v_topeng = VendorPageFactory(title="Sanggar Panji", region=cirebon, sentra=slangit)
    v_krakatoa = VendorPageFactory(title="Griya Krakatoa", region=cilegon, sentra=krakatoa)
    v_dapur = VendorPageFactory(title="Dapur Bu Sum", region=cirebon)
    v_rotan = VendorPageFactory(title="Anyam Jaya", region=cirebon)
    v_dodol = VendorPageFactory(title="Oleh Oleh Baja", region=cilegon)
    v_laut = VendorPageFactory(title="Sanggar Kerang Biru", region=cirebon)

    def product(key, title, vendor, category, summary="", tags=(), materials=(), **kwargs):
        page = ProductPageFactory(
            title=title, parent=vendor, category=category, summary=summary, **kwargs
        )
        if tags or materials:
            page.tags.add(*tags)
            page.materials.set(materials)
            page.save()
            # Wagtail's index task reads the row at post_save, before modelcluster writes the
            # tags and materials; a task worker runs after the commit and sees them.
            insert_or_update_object(page)
        return key, page

    products = dict(
        [
            product(
                "topeng",
                "Topeng Kelana Merah",
                v_topeng,
                topeng,
                "Ukiran tangan",
                tags=["kelana", "tari"],
                materials=[jaran],
            ),
            product("golok", "Kain Motif Golok", v_krakatoa, tulis, "Motif khas Banten"),
            product("kombinasi", "Batik Cap Kombinasi Tulis", v_krakatoa, cap, "Dua teknik"),
            product("batik_tulis", "Batik Tulis Mega Mendung", v_topeng, tulis, "Motif awan"),
            product("kerupuk_udang", "Kerupuk Udang Rebon", v_dapur, kerupuk, "Renyah gurih"),
            product("kerupuk_ikan", "Kerupuk Ikan Tenggiri", v_dapur, kerupuk, "Renyah"),
            product("terasi", "Terasi Udang Asli", v_dapur, bumbu, "Bumbu sambal"),
            product("goreng", "Udang Goreng Tepung", v_dapur, makanan, "Siap saji"),
            product("kursi", "Kursi Teras Santai", v_rotan, rotan, "Untuk bersantai"),
            product("keranjang", "Keranjang Rotan Anyam", v_rotan, rotan, "Anyaman rapat"),
            product("dodol", "Dodol Cilegon", v_dodol, makanan, "Legit", sku="DODOLKU"),
            product("pewarna", "Pewarna Alami Indigo", v_topeng, pewarna, "Untuk kain"),
            product(
                "hiasan",
                "Hiasan Dinding Kerang",
                v_laut,
                kerajinan,
                "Dari pantai",
                materials=[kerang],
            ),
            product(
                "cermin",
                "Bingkai Cermin Hias",
                v_rotan,
                kerajinan,
                "Bingkai bundar",
                tags=["kerang"],
            ),
            product(
                "lampu",
                "Lampu Meja Hias",
                v_rotan,
                kerajinan,
                "Lampu tidur dengan kaki dari kerang",
            ),
        ]
    )
    products["categories"] = {c.slug: c for c in (kerajinan, topeng, batik, kerupuk, makanan)}
    products["vendors"] = {"topeng": v_topeng, "krakatoa": v_krakatoa, "dapur": v_dapur}
    products["places"] = {"krakatoa": krakatoa, "cilegon": cilegon}
    return products


@pytest.fixture(params=["database", "elasticsearch"])
def buyer_engine(request, buyer_catalog):
    """Each engine over buyer_catalog (indexed for Elasticsearch)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_engine_settings")
        from search.indexing import rebuild_index

        rebuild_index()
    return request.param


@pytest.fixture
def buyer_search():
    """A function: search_catalog for `text` (and query-string `params`) on the configured
    engine."""
    from django.http import QueryDict

    from search.query import CatalogQuery
    from search.service import Linker, search_catalog

    def run(text, **params):
        query_string = QueryDict(mutable=True)
        query_string.update({"q": text, **params})
        query = CatalogQuery.from_params(query_string, page_size=24)
        return search_catalog(query, Linker("/cari/"))

    return run
