"""Indonesian stemming on SQLite: affixed forms find each other, distinct words stay apart."""

import pytest
from django.db import connection

from catalog.stemming import stem, stems_of

# What the stemmer must do to product words buyers type (checked word by word).
SAME_ROOT = [
    ("pewarna", "warna"),
    ("alami", "alam"),
    ("kerajinan", "rajin"),
    ("pengrajin", "rajin"),
    ("perajin", "rajin"),
    ("anyaman", "anyam"),
    ("lukisan", "lukis"),
    ("batikan", "batik"),
]
# Product words that must stay as they are: merging them would mix up products.
KEPT = [
    "batik",
    "rotan",
    "kerupuk",
    "terasi",  # not "teras"
    "topeng",
    "kursi",
    "perhiasan",  # jewellery, not "hiasan" (decoration)
    "mainan",  # toys, not "main"
    "manisan",  # candied fruit, not "manis"
    "pakaian",  # clothes, not "pakai"
    "cirebon",
    "cilegon",
]


@pytest.mark.parametrize(("word", "root"), SAME_ROOT)
def test_affixed_forms_share_a_stem(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", KEPT)
def test_product_words_are_not_merged(word):
    assert stem(word) == word


def test_stems_of_lists_only_what_differs():
    assert stems_of("Pewarna Alami untuk Kain Batik") == "warna alam"


needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL stems with its indonesian configuration"
)


@needs_sqlite
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pewarna alam", "Pewarna Alami Indigo"),
        ("warna alami", "Pewarna Alami Indigo"),
        ("pengrajin topeng", "Topeng Kelana Merah"),  # category Kerajinan
        ("anyam", "Keranjang Rotan Anyam"),
    ],
)
def test_affixed_queries_find_the_products(buyer_catalog, buyer_search, text, expected):
    result = buyer_search(text, persis="1")
    assert expected in [p.title for p in result.full_products], text


@needs_sqlite
@pytest.mark.django_db
def test_terasi_and_teras_stay_apart(buyer_catalog, buyer_search):
    terasi = [p.title for p in buyer_search("terasi", persis="1").full_products]
    teras = [p.title for p in buyer_search("teras", persis="1").full_products]
    assert "Terasi Udang Asli" in terasi and "Kursi Teras Santai" not in terasi
    assert "Kursi Teras Santai" in teras and "Terasi Udang Asli" not in teras
