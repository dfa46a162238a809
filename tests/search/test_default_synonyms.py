"""Default synonym sets on every installation, expansion that keeps the plain words' matches,
and autocomplete with synonyms (issue 16)."""

import importlib

import pytest
from django.apps import apps

from search.default_synonyms import DEFAULT_SYNONYM_SETS
from search.models import SynonymSet
from search.synonyms import ensure_default_synonyms

pytestmark = pytest.mark.django_db

BUYER_PAIRS = [
    ("shrimp", "udang"),
    ("crackers", "kerupuk"),
    ("handmade", "kerajinan tangan"),
    ("souvenir", "oleh oleh"),
    ("souvenir", "cenderamata"),
    ("mask", "topeng"),
    ("chair", "kursi"),
    ("painting", "lukisan"),
    ("glass", "kaca"),
    ("iron", "besi"),
    ("steel", "baja"),
    ("fence", "pagar"),
    ("wood", "kayu"),
    ("chips", "keripik"),
    ("rattan", "rotan"),
]
# English names of the demo catalog's categories (demo/data/taxonomy.json).
CATEGORY_PAIRS = [
    ("hand drawn batik", "batik tulis"),
    ("stamped batik", "batik cap"),
    ("printed batik", "batik cetak"),
    ("crafts", "kerajinan"),
    ("masks", "topeng"),
    ("glass painting", "lukisan kaca"),
    ("metalwork", "logam"),
    ("processed food", "makanan olahan"),
    ("syrups", "sirup"),
    ("shrimp paste", "terasi"),
    ("melinjo crackers", "emping"),
    ("snacks", "camilan"),
    ("t shirts", "kaos"),
    ("muslim fashion", "busana muslim"),
    ("accessories", "aksesoris"),
    ("bags", "tas"),
    ("jewellery", "perhiasan"),
    ("souvenirs", "suvenir"),
]


def add_default_sets():
    migration = importlib.import_module("search.migrations.0002_default_synonym_sets")
    migration.add_default_sets(apps, None)


def test_the_migration_installs_the_default_sets_and_keeps_curators_own():
    SynonymSet.objects.all().delete()
    SynonymSet.objects.create(terms="rotan, rattan", note="kurator")
    add_default_sets()
    add_default_sets()  # idempotent
    assert SynonymSet.objects.count() == len(DEFAULT_SYNONYM_SETS) >= 40  # "rotan, rattan" once
    assert SynonymSet.objects.get(terms="rotan, rattan").note == "kurator"
    sets = [set(terms) for terms in SynonymSet.all_sets()]
    for english, indonesian in BUYER_PAIRS + CATEGORY_PAIRS:
        assert any({english, indonesian} <= terms for terms in sets), (english, indonesian)


@pytest.fixture
def default_sets(buyer_catalog):
    ensure_default_synonyms()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shrimp crackers", "Kerupuk Udang Rebon"),
        ("handmade mask", "Topeng Kelana Merah"),
        ("rattan basket", "Keranjang Rotan Anyam"),
    ],
)
def test_english_buyer_words_find_indonesian_products(
    default_sets, buyer_engine, buyer_search, text, expected
):
    assert expected in [p.title for p in buyer_search(text).full_products], text


def test_a_synonym_phrase_keeps_what_the_plain_words_found(
    default_sets, buyer_engine, buyer_search
):
    plain = {p.title for p in buyer_search("batik tulis", persis="1").full_products}
    assert "Batik Cap Kombinasi Tulis" in plain
    SynonymSet.objects.create(terms="batik tulis, batik lukis tangan")
    expanded = {p.title for p in buyer_search("batik tulis", persis="1").full_products}
    assert plain <= expanded


@pytest.mark.parametrize("prefix", ["/cari/saran/", "/en/cari/saran/"])
def test_autocomplete_applies_synonyms_in_both_languages(default_sets, client, prefix):
    data = client.get(prefix, {"q": "rattan"}).json()
    assert "Keranjang Rotan Anyam" in [p["title"] for p in data["products"]]
    assert "Rotan" in [c["title"] for c in data["categories"]]


def test_elasticsearch_autocomplete_applies_synonyms(default_sets, es_engine_settings, client):
    from search.indexing import rebuild_index

    rebuild_index()
    data = client.get("/en/cari/saran/", {"q": "rattan"}).json()
    assert "Keranjang Rotan Anyam" in [p["title"] for p in data["products"]]
