"""The Elasticsearch engine against osmem-server: words, filters, facets, sorting, paging,
highlights, synonyms, typos, autocomplete, and the fallback to the database engine."""

import datetime
import logging
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    MaterialFactory,
    ProductCertificateFactory,
    ProductPageFactory,
    RegionFactory,
    SentraFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage
from search.documents import index_settings, product_to_document
from search.engines.base import FACET_NAMES, EngineUnavailable
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine
from search.query import CatalogQuery
from search.service import Linker, autocomplete, get_engine, search_catalog

pytestmark = pytest.mark.django_db

READY = ProductPage.Availability.READY
PREORDER = ProductPage.Availability.PREORDER
MADE_TO_ORDER = ProductPage.Availability.MADE_TO_ORDER


@pytest.fixture
def catalog():
    """Seven live products of three IKM, one draft; published one day apart (p1 oldest)."""
    kain = CategoryFactory(name="Kain", slug="kain")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=kain)
    cap = CategoryFactory(name="Batik Cap", slug="batik-cap", parent=kain)
    mebel = CategoryFactory(name="Mebel", slug="mebel")
    makanan = CategoryFactory(name="Makanan Olahan", slug="makanan")
    kab_cirebon = RegionFactory(name="Kabupaten Cirebon", slug="kabupaten-cirebon")
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    trusmi = SentraFactory(name="Sentra Batik Trusmi", slug="trusmi", region=kab_cirebon)
    plumbon = SentraFactory(name="Sentra Rotan Plumbon", slug="plumbon", region=kab_cirebon)
    katun = MaterialFactory(name="Katun", slug="katun")
    sutra = MaterialFactory(name="Sutra", slug="sutra")
    rotan = MaterialFactory(name="Rotan", slug="rotan")
    halal = CertificateTypeFactory(name="Halal", slug="halal")
    sni = CertificateTypeFactory(name="SNI", slug="sni")
    CertificateTypeFactory(name="TKDN", slug="tkdn")

    batik_ikm = VendorPageFactory(
        title="Sanggar Batik Trusmi",
        slug="sanggar-batik-trusmi",
        region=kab_cirebon,
        sentra=trusmi,
        export_ready=True,
    )
    VendorCertificateFactory(page=batik_ikm, certificate_type=sni)
    rotan_ikm = VendorPageFactory(
        title="Rotan Plumbon Jaya", slug="rotan-plumbon-jaya", region=kab_cirebon, sentra=plumbon
    )
    food_ikm = VendorPageFactory(title="Dapur Cilegon", slug="dapur-cilegon", region=cilegon)

    start = timezone.now() - datetime.timedelta(days=30)

    def product(n, **kwargs):
        kwargs.setdefault("first_published_at", start + datetime.timedelta(days=n))
        if kwargs.get("availability", READY) != READY:
            kwargs.setdefault("lead_time_days", 14)
        materials = kwargs.pop("materials", [])
        page = ProductPageFactory(**kwargs)
        if materials:
            page.materials.set(materials)  # a ParentalManyToManyField: kept on save
            page.save()
        return page

    p1 = product(
        1,
        title="Batik Tulis Mega Mendung",
        parent=batik_ikm,
        category=tulis,
        materials=[katun],
        price=450_000,
        summary="Kain batik tulis motif mega mendung, pewarna alam.",
        description=[
            ("heading", "Proses"),
            ("paragraph", RichText("<p>Digambar dengan <b>canting</b> oleh perajin Trusmi.</p>")),
        ],
    )
    p2 = product(
        2,
        title="Batik Cap Kawung",
        parent=batik_ikm,
        category=cap,
        materials=[katun],
        price=120_000,
        availability=PREORDER,
    )
    p3 = product(
        3,
        title="Selendang Sutra Batik",
        parent=batik_ikm,
        category=kain,
        materials=[sutra],
        price=1_500_000,
        availability=MADE_TO_ORDER,
    )
    p4 = product(
        4,
        title="Kursi Rotan Sintetis",
        parent=rotan_ikm,
        category=mebel,
        materials=[rotan],
        price=900_000,
        summary="<script>alert('x')</script> Kursi rotan kuat & ringan untuk teras.",
    )
    p5 = product(
        5,
        title="Meja Rotan Bundar",
        parent=rotan_ikm,
        category=mebel,
        materials=[rotan],
        price=None,
        availability=PREORDER,
    )
    p6 = product(6, title="Sirup Markisa Cilegon", parent=food_ikm, category=makanan, price=35_000)
    p7 = product(7, title="Emping Melinjo", parent=food_ikm, category=makanan, price=25_000)
    ProductCertificateFactory(page=p6, certificate_type=halal)
    ProductCertificateFactory(  # expired: does not count
        page=p7,
        certificate_type=halal,
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    ProductCertificateFactory(page=p7, certificate_type=sni, verified=False)  # not verified
    draft = product(8, title="Batik Draf Rahasia", parent=batik_ikm, category=tulis, live=False)
    return SimpleNamespace(
        p1=p1, p2=p2, p3=p3, p4=p4, p5=p5, p6=p6, p7=p7, draft=draft, batik_ikm=batik_ikm
    )


@pytest.fixture
def engine(es_engine_settings, catalog, reindex):
    result = reindex()
    assert result["count"] == 7
    engine = get_engine()
    assert isinstance(engine, ElasticsearchEngine)
    return engine


def ids(*pages):
    return [page.pk for page in pages]


def search(engine, expansions=None, **params):
    text = " ".join(group[0] for group in expansions) if expansions else ""
    return engine.search(CatalogQuery(text=text, **params), expansions or [])


# -- settings ----------------------------------------------------------------------------------


def test_index_settings_with_language_analysis():
    analysis = index_settings(language_analysis=True)["analysis"]
    assert analysis["filter"]["indonesian_stemmer"] == {"type": "stemmer", "language": "indonesian"}
    assert analysis["filter"]["indonesian_stop"] == {"type": "stop", "stopwords": "_indonesian_"}
    text = analysis["analyzer"]["catalog_text"]["filter"]
    assert {"lowercase", "asciifolding", "indonesian_stop", "indonesian_stemmer"} <= set(text)
    assert analysis["filter"]["catalog_edge_ngram"]["type"] == "edge_ngram"


def test_index_settings_without_language_analysis():
    settings = index_settings(language_analysis=False)
    analysis = settings["analysis"]
    assert "indonesian_stemmer" not in analysis["filter"]
    assert "indonesian_stop" not in analysis["filter"]
    assert "indonesian" not in str(settings)
    assert analysis["analyzer"]["catalog_text"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
    assert "catalog_edge_ngram" in analysis["analyzer"]["catalog_autocomplete"]["filter"]


@pytest.mark.parametrize("compat", [True, False])
def test_client_rewrites_media_types_only_when_asked(settings, compat):
    from search.es_client import CompatHeadersNode, _plain_media_type, make_client

    settings.SEARCH_ES_COMPAT_HEADERS = compat
    client = make_client("http://127.0.0.1:9200", timeout=1)
    nodes = client.transport.node_pool.all()
    assert all(isinstance(node, CompatHeadersNode) == compat for node in nodes)
    compatible = "application/vnd.elasticsearch+json; compatible-with=8"
    assert _plain_media_type(compatible) == "application/json"
    assert _plain_media_type("application/vnd.elasticsearch+x-ndjson; compatible-with=8") == (
        "application/x-ndjson"
    )


def test_document_of_a_product(catalog):
    document = product_to_document(ProductPage.objects.get(pk=catalog.p1.pk))
    assert document["description"] == "Proses Digambar dengan canting oleh perajin Trusmi."
    assert document["category_path"] == ["batik-tulis", "kain"]
    assert document["category_names"] == "Batik Tulis Kain"
    assert document["vendor_slug"] == "sanggar-batik-trusmi"
    assert document["certificates"] == ["sni"]  # the IKM's
    assert document["materials"] == ["katun"]
    assert document["url"] == catalog.p1.url
    assert document["export_ready"] is True
    food = product_to_document(ProductPage.objects.get(pk=catalog.p7.pk))
    assert food["certificates"] == []  # expired and unverified ones left out
    assert food["sentra"] is None


# -- words -------------------------------------------------------------------------------------


def test_finds_products_by_a_word(engine, catalog):
    result = search(engine, [["batik"]])
    assert set(result.ids) == set(ids(catalog.p1, catalog.p2, catalog.p3))
    assert result.total == 3
    assert result.engine == "elasticsearch"
    assert catalog.draft.pk not in result.ids


def full_matches(result):
    """The ids matching every word group (products matching most of them follow)."""
    return result.ids if result.full_total is None else result.ids[: result.full_total]


def test_every_word_must_match(engine, catalog):
    result = search(engine, [["batik"], ["tulis"]])
    assert full_matches(result) == ids(catalog.p1)


def test_finds_words_in_the_description_vendor_and_category(engine, catalog):
    assert search(engine, [["canting"]]).ids == ids(catalog.p1)
    assert set(search(engine, [["plumbon"]]).ids) == set(ids(catalog.p4, catalog.p5))
    assert set(search(engine, [["mebel"]]).ids) == set(ids(catalog.p4, catalog.p5))


def test_synonym_expansion(engine, catalog):
    result = search(engine, [["rattan", "rotan"]])
    assert set(result.ids) == set(ids(catalog.p4, catalog.p5))
    result = search(engine, [["kursi"], ["rattan", "rotan"]])
    assert full_matches(result) == ids(catalog.p4)
    result = search(engine, [["megamendung", "mega mendung"]])
    assert result.ids == ids(catalog.p1)


def test_an_alternative_of_several_words_needs_all_of_them(engine, catalog):
    # Not the phrase: a synonym group never loses a product the plain words found (issue 16).
    assert search(engine, [["mendung mega"]]).ids == ids(catalog.p1)
    assert search(engine, [["mendung kursi"]]).ids == []


def test_typo_tolerance(engine, catalog):
    assert set(search(engine, [["btaik"]]).ids) == set(ids(catalog.p1, catalog.p2, catalog.p3))
    assert search(engine, [["markissa"]]).ids == ids(catalog.p6)


def test_no_fuzziness_for_short_words(engine, catalog):
    assert search(engine, [["cap"]]).ids == ids(catalog.p2)
    assert search(engine, [["cab"]]).ids == []


def test_did_you_mean_when_nothing_is_found(engine, catalog):
    result = search(engine, [["mjae"]])
    assert result.total == 0
    assert result.suggestion == "meja"
    assert search(engine, [["batik"]]).suggestion == ""


# -- filters and facets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "kain"}, ["p1", "p2", "p3"]),
        ({"category": "batik-tulis"}, ["p1"]),
        ({"region": "kota-cilegon"}, ["p6", "p7"]),
        ({"sentra": "plumbon"}, ["p4", "p5"]),
        ({"material": "katun"}, ["p1", "p2"]),
        ({"certificate": "halal"}, ["p6"]),
        ({"certificate": "sni"}, ["p1", "p2", "p3"]),
        ({"certificate": "tkdn"}, []),
        ({"availability": "preorder"}, ["p2", "p5"]),
        ({"vendor": "dapur-cilegon"}, ["p6", "p7"]),
        ({"export_ready": True}, ["p1", "p2", "p3"]),
        ({"price_min": 120_000, "price_max": 450_000}, ["p1", "p2"]),
        ({"price_min": 1_000_000}, ["p3"]),
        ({"price_max": 30_000}, ["p7"]),
        ({"category": "kain", "material": "katun", "availability": "ready"}, ["p1"]),
        ({"category": "no-such-category"}, ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]),
    ],
)
def test_filters(engine, catalog, params, expected):
    result = search(engine, **params)
    assert set(result.ids) == {getattr(catalog, name).pk for name in expected}
    assert result.total == len(expected)


def test_filters_combine_with_words(engine, catalog):
    result = search(engine, [["batik"]], price_max=200_000)
    assert result.ids == ids(catalog.p2)


def test_facets_without_filters(engine, catalog):
    facets = search(engine).facets
    assert set(facets) == set(FACET_NAMES)
    assert facets["category"] == {
        "kain": 3,
        "batik-tulis": 1,
        "batik-cap": 1,
        "mebel": 2,
        "makanan": 2,
    }
    assert facets["region"] == {"kabupaten-cirebon": 5, "kota-cilegon": 2}
    assert facets["sentra"] == {"trusmi": 3, "plumbon": 2}
    assert facets["material"] == {"katun": 2, "sutra": 1, "rotan": 2}
    assert facets["certificate"] == {"halal": 1, "sni": 3, "tkdn": 0}
    assert facets["availability"] == {"ready": 4, "preorder": 2, "made_to_order": 1}
    assert facets["vendor"] == {
        "sanggar-batik-trusmi": 3,
        "rotan-plumbon-jaya": 2,
        "dapur-cilegon": 2,
    }
    assert facets["price"] == {"0-50000": 2, "50000-200000": 1, "200000-1000000": 2, "1000000-": 1}
    assert facets["export_ready"] == {"1": 3}


def test_each_facet_counts_with_the_other_filters_only(engine, catalog):
    facets = search(engine, category="kain", availability="ready").facets
    # category: every category, among ready products
    assert facets["category"] == {"kain": 1, "batik-tulis": 1, "mebel": 1, "makanan": 2}
    # availability: every availability, among products of "kain"
    assert facets["availability"] == {"ready": 1, "preorder": 1, "made_to_order": 1}
    assert facets["region"] == {"kabupaten-cirebon": 1}
    assert facets["price"] == {"0-50000": 0, "50000-200000": 0, "200000-1000000": 1, "1000000-": 0}
    assert facets["export_ready"] == {"1": 1}


def test_price_bands_ignore_the_price_filter(engine, catalog):
    facets = search(engine, price_min=0, price_max=49_999).facets
    assert facets["price"] == {"0-50000": 2, "50000-200000": 1, "200000-1000000": 2, "1000000-": 1}
    assert facets["region"] == {"kota-cilegon": 2}


def test_selected_vendor_is_counted(engine, catalog):
    facets = search(engine, vendor="dapur-cilegon", region="kabupaten-cirebon").facets
    assert facets["vendor"] == {
        "sanggar-batik-trusmi": 3,
        "rotan-plumbon-jaya": 2,
        "dapur-cilegon": 0,
    }


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"category": "kain"},
        {"category": "batik-cap", "region": "kabupaten-cirebon"},
        {"certificate": "sni", "price_max": 500_000},
        {"export_ready": True, "availability": "preorder"},
        {"material": "rotan", "vendor": "dapur-cilegon"},
        {"sentra": "trusmi", "price_min": 200_000},
    ],
)
def test_facets_and_results_match_the_database_engine(engine, catalog, params):
    query = CatalogQuery(page_size=50, **params)
    ours = engine.search(query, [])
    theirs = DatabaseEngine().search(query, [])
    assert ours.ids == theirs.ids  # same filters, same "newest" order
    assert ours.total == theirs.total
    assert ours.facets == theirs.facets


# -- sorting and paging ------------------------------------------------------------------------


def test_sort_newest(engine, catalog):
    result = search(engine, sort="newest")
    c = catalog
    assert result.ids == ids(c.p7, c.p6, c.p5, c.p4, c.p3, c.p2, c.p1)


def test_sort_by_price_puts_missing_prices_last(engine, catalog):
    c = catalog
    assert search(engine, sort="price_asc").ids == ids(c.p7, c.p6, c.p2, c.p1, c.p4, c.p3, c.p5)
    assert search(engine, sort="price_desc").ids == ids(c.p3, c.p4, c.p1, c.p2, c.p6, c.p7, c.p5)


def test_relevance_ranks_title_matches_first(engine, catalog):
    # "kawung" is only in p2's title; "rotan" in p4's title and p5's title
    result = search(engine, [["kawung"]])
    assert result.ids == ids(catalog.p2)
    result = search(engine, [["sintetis"]])
    assert result.ids[0] == catalog.p4.pk


def test_paging(engine, catalog):
    c = catalog
    pages = [search(engine, sort="price_asc", page=n, page_size=3) for n in (1, 2, 3, 4)]
    assert [p.ids for p in pages] == [
        ids(c.p7, c.p6, c.p2),
        ids(c.p1, c.p4, c.p3),
        ids(c.p5),
        [],
    ]
    assert {p.total for p in pages} == {7}


# -- highlights --------------------------------------------------------------------------------


def test_highlights_are_escaped_except_mark(engine, catalog):
    result = search(engine, [["rotan"]])
    snippet = str(result.highlights[catalog.p4.pk])
    assert "<mark>" in snippet.lower()
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "&amp;" in snippet
    assert set(result.highlights) == set(result.ids)


def test_highlight_marks_the_matched_words(engine, catalog):
    result = search(engine, [["mendung"]])
    assert "<mark>mendung</mark>" in str(result.highlights[catalog.p1.pk]).lower()


def test_no_highlights_without_words(engine, catalog):
    assert search(engine).highlights == {}


# -- autocomplete ------------------------------------------------------------------------------


def test_autocomplete_products_from_the_index(engine, catalog):
    result = engine.autocomplete("kur", 6)
    assert result["products"] == [
        {"title": "Kursi Rotan Sintetis", "url": catalog.p4.url, "vendor": "Rotan Plumbon Jaya"}
    ]
    titles = {p["title"] for p in engine.autocomplete("rot", 6)["products"]}
    assert titles == {"Kursi Rotan Sintetis", "Meja Rotan Bundar"}
    categories = engine.autocomplete("meb", 6)["categories"]
    assert categories == [{"title": "Mebel", "slug": "mebel"}]


def test_service_autocomplete_uses_the_engine(engine, catalog):
    result = autocomplete("batik tu")
    assert [p["title"] for p in result["products"]] == ["Batik Tulis Mega Mendung"]


# -- the service and the fallback --------------------------------------------------------------


def test_search_catalog_through_the_service(engine, catalog):
    result = search_catalog(CatalogQuery(text="kursi"), Linker("/cari/"))
    assert result.engine == "elasticsearch"
    assert [p.pk for p in result.products] == ids(catalog.p4)
    assert "<mark>" in str(result.highlights[catalog.p4.pk]).lower()


def test_missing_index_is_unavailable(es_engine_settings, catalog):
    with pytest.raises(EngineUnavailable):
        get_engine().search(CatalogQuery(), [])


def test_closed_port_is_unavailable(settings, catalog, closed_port_url):
    engine = ElasticsearchEngine(closed_port_url, index_name="x", timeout=1)
    with pytest.raises(EngineUnavailable):
        engine.search(CatalogQuery(), [])
    with pytest.raises(EngineUnavailable):
        engine.autocomplete("batik", 6)


def test_falls_back_to_the_database_engine(es_engine_settings, catalog, closed_port_url, caplog):
    from search.service import reset_engine_cache

    es_engine_settings.ELASTICSEARCH_URL = closed_port_url
    es_engine_settings.SEARCH_TIMEOUT_SECONDS = 1
    reset_engine_cache()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        result = search_catalog(CatalogQuery(category="mebel"), Linker("/cari/"))
    assert result.engine == "database"
    assert {p.pk for p in result.products} == set(ids(catalog.p4, catalog.p5))
    assert any(
        "unavailable" in record.getMessage() and record.levelno == logging.WARNING
        for record in caplog.records
    )
