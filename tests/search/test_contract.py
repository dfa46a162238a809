"""One contract for every catalog search engine.

The same fixture catalog must give the same result sets and the same facet counts on the
database engine (SQLite here, PostgreSQL when DATABASE_URL points at it) and on the
Elasticsearch engine (osmem-server over HTTP). Assertions are on membership and clear
orderings, never on scores.
"""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone, translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

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
from search.models import SynonymSet
from search.query import CatalogQuery
from search.service import Linker, search_catalog
from showroom.exhibitions import ExhibitionPage
from showroom.factories import ExhibitionItemFactory, ExhibitionPageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = datetime.timedelta(days=365)


@pytest.fixture
def catalog():
    batik = CategoryFactory(name="Batik", slug="batik")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    cap = CategoryFactory(name="Batik Cap", slug="batik-cap", parent=batik)
    kerajinan = CategoryFactory(name="Kerajinan", slug="kerajinan")
    rotan = CategoryFactory(name="Rotan", slug="rotan", parent=kerajinan)
    topeng = CategoryFactory(name="Topeng", slug="topeng", parent=kerajinan)
    makanan = CategoryFactory(name="Makanan Olahan", slug="makanan-olahan")
    sirup = CategoryFactory(name="Sirup", slug="sirup", parent=makanan)

    kota = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    kab = RegionFactory(name="Kabupaten Cirebon", slug="kabupaten-cirebon", kind="kabupaten")
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    trusmi = SentraFactory(name="Sentra Batik Trusmi", slug="trusmi", region=kab)
    plumbon = SentraFactory(name="Sentra Rotan Plumbon", slug="plumbon", region=kab)

    katun = MaterialFactory(name="Katun", slug="katun")
    bahan_rotan = MaterialFactory(name="Rotan", slug="bahan-rotan")
    kayu = MaterialFactory(name="Kayu", slug="kayu")
    halal = CertificateTypeFactory(name="Halal", slug="halal")
    sni = CertificateTypeFactory(name="SNI", slug="sni")

    v_batik = VendorPageFactory(
        title="Batik Trusmi Jaya",
        slug="batik-trusmi-jaya",
        region=kab,
        sentra=trusmi,
        export_ready=True,
    )
    v_rotan = VendorPageFactory(
        title="Rotan Plumbon Indah", slug="rotan-plumbon-indah", region=kab, sentra=plumbon
    )
    v_sirup = VendorPageFactory(title="Sirup Baja Cilegon", slug="sirup-baja", region=cilegon)
    v_topeng = VendorPageFactory(
        title="Sanggar Topeng Kalijaga", slug="topeng-kalijaga", region=kota
    )
    VendorCertificateFactory(page=v_sirup, certificate_type=halal)  # valid, for every product

    def product(title, vendor, category, **kwargs):
        materials = kwargs.pop("materials", [])
        page = ProductPageFactory(title=title, parent=vendor, category=category, **kwargs)
        if materials:
            page.materials.set(materials)
            page.save()
        return page

    products = {
        "tulis": product(
            "Kain Batik Tulis Mega Mendung",
            v_batik,
            tulis,
            price=850_000,
            summary="Batik tulis halus motif mega mendung biru",
            materials=[katun],
            first_published_at=timezone.now() - datetime.timedelta(days=1),
        ),
        "cap": product(
            "Kemeja Batik Cap Pria",
            v_batik,
            cap,
            price=175_000,
            materials=[katun],
            summary="Kemeja batik cap lengan panjang",
            first_published_at=timezone.now() - datetime.timedelta(days=5),
        ),
        "selendang": product(
            "Selendang Batik Tulis Sutra",
            v_batik,
            tulis,
            price=None,
            availability=ProductPage.Availability.MADE_TO_ORDER,
            stock=None,
            lead_time_days=30,
            summary="Selendang sutra dibuat sesuai pesanan",
            first_published_at=timezone.now() - datetime.timedelta(days=9),
        ),
        "kursi": product(
            "Kursi Rotan Teras",
            v_rotan,
            rotan,
            price=1_250_000,
            materials=[bahan_rotan],
            summary="Kursi rotan alami untuk teras",
            first_published_at=timezone.now() - datetime.timedelta(days=2),
        ),
        "keranjang": product(
            "Keranjang Rotan Anyam",
            v_rotan,
            rotan,
            price=45_000,
            materials=[bahan_rotan],
            availability=ProductPage.Availability.PREORDER,
            stock=None,
            lead_time_days=14,
            summary="Keranjang anyaman rotan serbaguna",
            first_published_at=timezone.now() - datetime.timedelta(days=3),
        ),
        "pala": product(
            "Sirup Pala Segar",
            v_sirup,
            sirup,
            price=35_000,
            summary="Sirup buah pala khas Cilegon",
            first_published_at=timezone.now() - datetime.timedelta(days=4),
        ),
        "jeruk": product(
            "Sirup Jeruk Nipis",
            v_sirup,
            sirup,
            price=30_000,
            summary="Sirup jeruk nipis segar",
            first_published_at=timezone.now() - datetime.timedelta(days=6),
        ),
        "topeng": product(
            "Topeng Kelana Kayu",
            v_topeng,
            topeng,
            price=400_000,
            materials=[kayu],
            summary="Topeng kelana ukiran kayu",
            first_published_at=timezone.now() - datetime.timedelta(days=7),
        ),
    }
    ProductCertificateFactory(page=products["topeng"], certificate_type=sni)  # valid
    ProductCertificateFactory(  # expired: does not count
        page=products["kursi"],
        certificate_type=sni,
        issued_on=TODAY - 3 * YEAR,
        expires_on=TODAY - YEAR,
    )
    ProductCertificateFactory(  # not verified: does not count
        page=products["cap"], certificate_type=halal, verified=False
    )
    draft = ProductPageFactory(
        title="Batik Draft Rahasia", parent=v_batik, category=tulis, live=False
    )
    # Exhibitions: a live one, a past one (still live: still a filter), a draft (not a filter).
    batik_fair = ExhibitionPageFactory(title="Pekan Batik Cirebon", slug="pekan-batik")
    inacraft = ExhibitionPageFactory(
        title="INACRAFT 2025",
        slug="inacraft-2025",
        kind=ExhibitionPage.Kind.TRADE_FAIR,
        starts_on=TODAY - YEAR,
        ends_on=TODAY - YEAR + datetime.timedelta(days=5),
    )
    draft_fair = ExhibitionPageFactory(title="Expo Rahasia", slug="expo-rahasia", live=False)
    for exhibition, names in (
        (batik_fair, ["tulis", "cap", "kursi"]),
        (inacraft, ["topeng", "pala", "tulis"]),
        (draft_fair, ["jeruk"]),
    ):
        for name in names:
            ExhibitionItemFactory(page=exhibition, product=products[name])
    SynonymSet.objects.create(terms="rotan, rattan")
    SynonymSet.objects.create(terms="batik tulis, hand drawn batik")
    return {"products": products, "draft": draft, "exhibitions": [batik_fair, inacraft]}


def use_engine(request):
    """Point the service at request.param's engine (indexing the catalog for Elasticsearch)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_engine_settings")
        from search.indexing import rebuild_index

        rebuild_index()
    return request.param


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, catalog):
    return use_engine(request)


def run(query_string, page_size=24):
    query = CatalogQuery.from_params(QueryDict(query_string), page_size=page_size)
    return search_catalog(query, Linker("/cari/"))


def titles(result):
    """The products matching every word (those matching only most of them follow apart)."""
    return {p.title for p in result.full_products}


def keys(catalog, *names):
    return {catalog["products"][name].title for name in names}


def facet(result, name):
    for f in result.facets:
        if f.name == name:
            counts = {}
            for option in f.options:
                counts[option.value] = option.count
                for child in option.children:
                    counts[child.value] = child.count
            return counts
    raise AssertionError(f"no facet {name}")


FILTER_CASES = [
    ("kategori=batik", ["tulis", "cap", "selendang"]),
    ("kategori=batik-tulis", ["tulis", "selendang"]),
    ("kategori=rotan", ["kursi", "keranjang"]),
    ("wilayah=kota-cilegon", ["pala", "jeruk"]),
    ("wilayah=kabupaten-cirebon", ["tulis", "cap", "selendang", "kursi", "keranjang"]),
    ("sentra=trusmi", ["tulis", "cap", "selendang"]),
    ("bahan=katun", ["tulis", "cap"]),
    ("sertifikat=halal", ["pala", "jeruk"]),
    ("sertifikat=sni", ["topeng"]),
    ("ketersediaan=preorder", ["keranjang"]),
    ("ketersediaan=made_to_order", ["selendang"]),
    ("harga_min=100000&harga_max=900000", ["tulis", "cap", "topeng"]),
    ("harga_max=40000", ["pala", "jeruk"]),
    ("ikm=rotan-plumbon-indah", ["kursi", "keranjang"]),
    ("ekspor=1", ["tulis", "cap", "selendang"]),
    ("kategori=batik&bahan=katun&harga_max=200000", ["cap"]),
    ("wilayah=kota-cirebon&kategori=sirup", []),
    ("pameran=pekan-batik", ["tulis", "cap", "kursi"]),
    ("pameran=inacraft-2025", ["topeng", "pala", "tulis"]),
    ("pameran=pekan-batik&kategori=batik", ["tulis", "cap"]),
    ("pameran=inacraft-2025&wilayah=kota-cilegon", ["pala"]),
    (
        "pameran=expo-rahasia",  # a draft exhibition is no filter: ignored, like a typo
        ["tulis", "cap", "selendang", "kursi", "keranjang", "pala", "jeruk", "topeng"],
    ),
    (
        "kategori=tidak-ada",
        ["tulis", "cap", "selendang", "kursi", "keranjang", "pala", "jeruk", "topeng"],
    ),
]


def test_filters_give_the_same_sets(engine, catalog):
    # One catalog per engine for all cases: building it is the slow part.
    for query_string, expected in FILTER_CASES:
        result = run(query_string)
        assert titles(result) == keys(catalog, *expected), query_string
        assert result.total == len(expected), query_string
        assert catalog["draft"].title not in titles(result)


TEXT_CASES = [
    ("q=batik", ["tulis", "cap", "selendang"]),
    ("q=sirup", ["pala", "jeruk"]),
    ("q=rotan", ["kursi", "keranjang"]),
    ("q=rattan", ["kursi", "keranjang"]),  # curator synonym
    ("q=hand+drawn+batik", ["tulis", "selendang"]),  # multi-word synonym
    ("q=kursi+rotan", ["kursi"]),
    ("q=topeng+kayu", ["topeng"]),
    ("q=batik&kategori=batik-cap", ["cap"]),
    ("q=sirup&harga_min=32000", ["pala"]),
    ("q=xyzzyqwerty", []),
]


def test_clear_cut_text_queries_give_the_same_sets(engine, catalog):
    for query_string, expected in TEXT_CASES:
        assert titles(run(query_string)) == keys(catalog, *expected), query_string


def test_facet_counts_follow_the_other_filters(engine, catalog):
    result = run("wilayah=kabupaten-cirebon")
    regions = facet(result, "region")
    # The region's own alternatives keep their counts...
    assert regions["kabupaten-cirebon"] == 5
    assert regions["kota-cilegon"] == 2
    assert regions["kota-cirebon"] == 1
    # ...while other facets count within the selected region.
    categories = facet(result, "category")
    assert categories["batik"] == 3
    assert categories["batik-tulis"] == 2
    assert categories["rotan"] == 2
    assert categories.get("sirup", 0) == 0
    assert facet(result, "material") == {"katun": 2, "bahan-rotan": 2}
    assert facet(result, "availability") == {"ready": 3, "preorder": 1, "made_to_order": 1}


def test_facet_counts_without_filters(engine, catalog):
    result = run("")
    assert facet(result, "category")["kerajinan"] == 3
    assert facet(result, "certificate") == {"halal": 2, "sni": 1}
    assert facet(result, "export_ready") == {"1": 3}
    prices = facet(result, "price")
    assert prices["0-50000"] == 3
    assert prices["50000-200000"] == 1
    assert prices["200000-1000000"] == 2
    assert prices["1000000-"] == 1
    assert facet(result, "vendor")["batik-trusmi-jaya"] == 3


def test_facet_counts_with_two_filters(engine, catalog):
    # Each facet counts with the other filter only: region within katun, katun within the
    # region, the rest within both.
    result = run("wilayah=kabupaten-cirebon&bahan=katun")
    assert titles(result) == keys(catalog, "tulis", "cap")
    assert facet(result, "region") == {"kabupaten-cirebon": 2}
    assert facet(result, "material") == {"katun": 2, "bahan-rotan": 2}
    assert facet(result, "category") == {
        "batik": 2,
        "batik-tulis": 1,
        "batik-cap": 1,
        "kerajinan": 0,
        "makanan-olahan": 0,
    }
    assert facet(result, "availability") == {"ready": 2}
    # A price bound leaves out products without a price; the price facet ignores it.
    result = run("kategori=batik&harga_max=200000")
    assert titles(result) == keys(catalog, "cap")
    assert facet(result, "price") == {"50000-200000": 1, "200000-1000000": 1}
    categories = facet(result, "category")
    assert (categories["batik"], categories["batik-cap"], categories["rotan"]) == (1, 1, 1)
    assert (categories["makanan-olahan"], categories["sirup"]) == (2, 2)
    assert facet(result, "exhibition") == {"pekan-batik": 1}
    # A certificate held through the IKM filters and counts like the product's own.
    result = run("sertifikat=halal&wilayah=kota-cilegon")
    assert titles(result) == keys(catalog, "pala", "jeruk")
    assert facet(result, "certificate") == {"halal": 2}
    assert facet(result, "region") == {"kota-cilegon": 2}
    result = run("kategori=sirup&sertifikat=sni")
    assert result.total == 0
    assert facet(result, "certificate") == {"halal": 2, "sni": 0}  # selected: shown at 0
    assert facet(result, "category")["topeng"] == 1


def test_exhibition_filter_and_facet(engine, catalog):
    batik_fair, inacraft = catalog["exhibitions"]
    everything = run("")
    assert facet(everything, "exhibition") == {"pekan-batik": 3, "inacraft-2025": 3}
    # By page id too; the chip names the exhibition and removing it clears the filter.
    by_id = run(f"pameran={batik_fair.pk}")
    assert titles(by_id) == keys(catalog, "tulis", "cap", "kursi")
    assert [chip.label for chip in by_id.active_filters] == ["Pekan Batik Cirebon"]
    assert by_id.active_filters[0].remove_url == "/cari/"
    # The exhibition's own alternatives keep their counts; other facets count within it.
    result = run("pameran=pekan-batik")
    assert facet(result, "exhibition") == {"pekan-batik": 3, "inacraft-2025": 3}
    assert facet(result, "region") == {"kabupaten-cirebon": 3}
    assert facet(result, "category")["batik"] == 2
    # Other filters narrow the exhibition counts.
    assert facet(run("kategori=batik"), "exhibition") == {"pekan-batik": 2, "inacraft-2025": 1}
    assert facet(run("q=sirup"), "exhibition") == {"inacraft-2025": 1}
    labels = {o.value: o.label for f in result.facets if f.name == "exhibition" for o in f.options}
    assert labels == {"pekan-batik": "Pekan Batik Cirebon", "inacraft-2025": "INACRAFT 2025"}


def test_text_and_facets_together(engine, catalog):
    result = run("q=batik&kategori=batik-tulis")
    categories = facet(result, "category")
    assert categories["batik-tulis"] == 2
    assert categories["batik-cap"] == 1
    assert titles(result) == keys(catalog, "tulis", "selendang")


def test_sorting(engine, catalog):
    by_price = [p.title for p in run("kategori=batik&urut=price_asc").products]
    assert by_price == [
        catalog["products"]["cap"].title,
        catalog["products"]["tulis"].title,
        catalog["products"]["selendang"].title,  # price on request last
    ]
    by_price_desc = [p.title for p in run("kategori=batik&urut=price_desc").products]
    assert by_price_desc[:2] == [
        catalog["products"]["tulis"].title,
        catalog["products"]["cap"].title,
    ]
    newest = [p.title for p in run("kategori=batik&urut=newest").products]
    assert newest == [catalog["products"][k].title for k in ("tulis", "cap", "selendang")]


def test_paging_is_stable_and_complete(engine, catalog):
    seen = []
    for page in (1, 2, 3):
        result = run(f"urut=newest&halaman={page}", page_size=3)
        assert result.total == 8
        assert result.num_pages == 3
        seen += [p.pk for p in result.products]
    assert len(seen) == len(set(seen)) == 8
    past_end = run("urut=newest&halaman=99", page_size=3)
    assert past_end.page == 3
    assert len(past_end.products) == 2


@pytest.fixture
def crowded_catalog(catalog):
    """The catalog above plus 31 one-product IKM (more than the vendor facet lists) in Kota
    Cirebon, selling anyaman at one price or on request (ties to break)."""
    kota = catalog["products"]["topeng"].vendor.region
    anyaman = CategoryFactory(name="Anyaman", slug="anyaman")
    extra = []
    for index in range(31):
        vendor = VendorPageFactory(
            title=f"IKM Uji {index:02d}", slug=f"ikm-uji-{index:02d}", region=kota
        )
        extra.append(
            ProductPageFactory(
                title=f"Anyaman Uji {index:02d}",
                parent=vendor,
                category=anyaman,
                price=None if index % 4 == 0 else 60_000,
            )
        )
    return {**catalog, "extra": extra}


@pytest.fixture(params=["database", "elasticsearch"])
def crowded_engine(request, crowded_catalog):
    return use_engine(request)


def test_vendor_facet_keeps_the_selected_vendor(crowded_engine, crowded_catalog):
    # The top 30 by count then slug (Batik 3, Rotan 2, Sirup 2, then 27 of the 32 IKM with
    # one product), plus the selected IKM when it is not among them.
    result = run("ikm=topeng-kalijaga")
    assert titles(result) == keys(crowded_catalog, "topeng")
    vendors = facet(result, "vendor")
    assert len(vendors) == 31
    assert vendors["batik-trusmi-jaya"] == 3
    assert vendors["rotan-plumbon-indah"] == vendors["sirup-baja"] == 2
    assert vendors["ikm-uji-00"] == vendors["ikm-uji-26"] == 1
    assert "ikm-uji-27" not in vendors
    assert vendors["topeng-kalijaga"] == 1
    # The selected IKM's count follows the other filters, down to 0.
    result = run("ikm=ikm-uji-30&wilayah=kota-cilegon")
    assert result.total == 0
    assert facet(result, "vendor") == {"sirup-baja": 2, "ikm-uji-30": 0}
    assert facet(result, "region") == {"kota-cirebon": 1, "kota-cilegon": 0}


def test_price_sort_breaks_ties_by_newest_id_and_puts_no_price_last(
    crowded_engine, crowded_catalog
):
    extra = crowded_catalog["extra"]
    priced = sorted((p.pk for p in extra if p.price is not None), reverse=True)
    on_request = sorted((p.pk for p in extra if p.price is None), reverse=True)
    for sort in ("price_asc", "price_desc"):
        result = run(f"kategori=anyaman&urut={sort}", page_size=40)
        assert [p.pk for p in result.products] == priced + on_request, sort
        assert result.total == 31
    second = run("kategori=anyaman&urut=price_asc&halaman=2", page_size=10)
    assert [p.pk for p in second.products] == (priced + on_request)[10:20]


SYNTAX = [
    '"batik',
    "batik*",
    "title:batik",
    "{batik}",
    "batik\\",
    "(rotan OR",
    "AND",
    "-",
    "~2",
    "sirup && pala",
    "<script>alert(1)</script>",
    "x" * 500,
    "' OR 1=1 --",
]


def test_query_syntax_never_raises(engine, catalog):
    for text in SYNTAX:
        result = search_catalog(CatalogQuery.from_params({"q": text}), Linker("/cari/"))
        assert result.total >= 0, text
    assert titles(run("q=%22batik")) == keys(catalog, "tulis", "cap", "selendang")


PARAM_NAMES = [
    "q",
    "kategori",
    "wilayah",
    "sentra",
    "bahan",
    "sertifikat",
    "ketersediaan",
    "harga_min",
    "harga_max",
    "ikm",
    "ekspor",
    "urut",
    "halaman",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "batik",
            "rotan",
            "kota-cilegon",
            "halal",
            "ready",
            "price_asc",
            "1",
            "99999",
            "-1",
            "0",
            "1e9",
            "batik-tulis",
            "*",
            "\\\\",
            '"',
            "{}",
            ":",
        ]
    ),
)


@hyp_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=st.dictionaries(st.sampled_from(PARAM_NAMES), VALUES, max_size=6))
def test_random_queries_never_break_either_engine(engine, catalog, params):
    query = CatalogQuery.from_params(params, page_size=3)
    result = search_catalog(query, Linker("/cari/"))
    assert 0 <= len(result.products) <= 3
    assert result.total >= len(result.products)
    assert 1 <= result.page <= result.num_pages
    assert all(p.live for p in result.products)


# --- English searches --------------------------------------------------------------------------


@pytest.fixture
def bilingual_catalog(catalog):
    """The catalog above plus shrimp paste (Indonesian only), two products with English text,
    and the curators' English synonym sets."""
    from wagtail.rich_text import RichText

    bumbu = CategoryFactory(name="Bumbu", slug="bumbu", name_en="Condiments")
    tas = CategoryFactory(name="Tas", slug="tas", name_en="Bags")
    v_terasi = VendorPageFactory(title="Terasi Rebon Kartini", slug="terasi-kartini")
    v_pandan = VendorPageFactory(title="Anyaman Pandan Sari", slug="pandan-sari")
    products = dict(catalog["products"])
    products["terasi"] = ProductPageFactory(
        title="Terasi Udang Rebon Asli",
        parent=v_terasi,
        category=bumbu,
        summary="Terasi udang rebon fermentasi alami",
    )
    products["sambal"] = ProductPageFactory(
        title="Sambal Terasi Pedas",
        parent=v_terasi,
        category=bumbu,
        summary="Sambal terasi siap santap",
        title_en="Spicy Shrimp Paste Sambal",
        summary_en="A ready-to-eat sambal",
        description_en=[
            ("paragraph", RichText("<p>Made with roasted shrimp paste and fresh chillies.</p>"))
        ],
    )
    products["tas"] = ProductPageFactory(
        title="Tas Anyaman Pandan",
        parent=v_pandan,
        category=tas,
        summary="Tas jinjing dari daun pandan",
        title_en="Woven Pandan Tote Bag",
        summary_en="A handwoven pandan leaf tote",
    )
    SynonymSet.objects.create(terms="kursi, chair")
    SynonymSet.objects.create(terms="terasi, shrimp paste")
    return {**catalog, "products": products}


@pytest.fixture(params=["database", "elasticsearch"])
def bilingual_engine(request, bilingual_catalog):
    return use_engine(request)


# English queries that reach products written only in Indonesian, through synonym sets.
ENGLISH_TO_INDONESIAN_CASES = [
    ("q=rattan+chair", ["kursi"]),
    ("q=hand-drawn+batik", ["tulis", "selendang"]),
    ("q=shrimp+paste", ["terasi", "sambal"]),
]
# Queries that only the English text of a product answers, and Indonesian still working.
ENGLISH_TEXT_CASES = [
    ("q=tote", ["tas"]),
    ("q=woven+bag", ["tas"]),
    ("q=chillies", ["sambal"]),
    ("q=spicy+sambal", ["sambal"]),
    ("q=tas+anyaman", ["tas"]),
    ("q=woven&kategori=bumbu", []),
]


def test_english_queries_find_indonesian_only_products(bilingual_engine, bilingual_catalog):
    for query_string, expected in ENGLISH_TO_INDONESIAN_CASES:
        with translation.override("en"):
            assert titles(run(query_string)) == keys(bilingual_catalog, *expected), query_string
    for name in ("kursi", "tulis", "selendang", "terasi"):
        product = bilingual_catalog["products"][name]
        assert not (product.title_en or product.summary_en or product.description_en), name


def test_english_text_is_searchable(bilingual_engine, bilingual_catalog):
    for query_string, expected in ENGLISH_TEXT_CASES:
        with translation.override("en"):
            assert titles(run(query_string)) == keys(bilingual_catalog, *expected), query_string


def test_english_search_results_show_english_and_mark_the_rest(bilingual_engine, bilingual_catalog):
    with translation.override("en"):
        result = run("q=shrimp+paste")
    snippets = {p.title: result.highlights[p.pk] for p in result.products}
    sambal = snippets["Sambal Terasi Pedas"]
    assert str(sambal) == "A ready-to-eat sambal" and not sambal.lang
    terasi = snippets["Terasi Udang Rebon Asli"]
    assert "<mark>Terasi</mark>" in str(terasi) and terasi.lang == "id"
