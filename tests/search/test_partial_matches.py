"""Partial matches instead of an empty page: when few products have every word, those having
most of them follow, apart, ranked by how many words they have (issue 16)."""

import pytest

pytestmark = pytest.mark.django_db


def test_full_matches_come_first_then_products_with_some_of_the_words(buyer_engine, buyer_search):
    result = buyer_search("kerupuk udang", persis="1")
    full = [p.title for p in result.full_products]
    partial = [p.title for p in result.partial_products]
    assert full == ["Kerupuk Udang Rebon"]
    assert {"Kerupuk Ikan Tenggiri", "Terasi Udang Asli", "Udang Goreng Tepung"} <= set(partial)
    assert [p.title for p in result.products][: len(full)] == full
    assert result.total == len(full) + len(partial)


def test_partial_matches_rank_by_how_many_words_they_have(buyer_engine, buyer_search):
    result = buyer_search("kerupuk udang goreng tepung", persis="1")
    assert not result.full_products
    partial = [p.title for p in result.partial_products]
    # Three of four words, then two of four; one of four is not enough.
    assert partial[0] == "Udang Goreng Tepung"
    assert "Kerupuk Udang Rebon" in partial
    assert "Kerupuk Ikan Tenggiri" not in partial


def test_enough_full_matches_add_no_partial_ones(buyer_engine, buyer_search):
    result = buyer_search("kerajinan", persis="1")
    assert len(result.full_products) >= 5 and not result.partial_products


def test_a_word_matching_nothing_no_longer_empties_the_page(buyer_engine, buyer_search):
    result = buyer_search("kursi rotan plastik", persis="1")
    assert "Kursi Teras Santai" in {p.title for p in result.products}


def test_the_page_separates_partial_matches(buyer_catalog, client):
    html = client.get("/cari/", {"q": "kerupuk udang"}).content.decode()
    separator = html.index("Cocok dengan sebagian kata")
    assert html.index("Kerupuk Udang Rebon") < separator < html.index("Kerupuk Ikan Tenggiri")
