"""Typos are corrected, not only suggested (database engines), and Elasticsearch's fuzziness
never turns one real word into another (issue 16)."""

import pytest

from search.engines.elasticsearch import EXACT_BOOST, text_clause
from search.synonyms import expand
from search.vocabulary import corrected, vocabulary

pytestmark = pytest.mark.django_db


def titles(result):
    return [p.title for p in result.full_products]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("batk tulis", "batik tulis"),
        ("rottan", "rotan"),
        ("trasi", "terasi"),
        ("kerupk udang", "kerupuk udang"),
        ("topenk", "topeng"),
    ],
)
def test_unknown_words_become_the_closest_catalog_word(buyer_catalog, typed, meant):
    assert corrected(typed) == meant


def test_known_short_numeric_and_far_words_are_left_alone(buyer_catalog):
    assert corrected("batik tulis") == ""  # known
    assert corrected("teras") == ""  # a word of its own, not "terasi"
    assert corrected("tas") == ""  # under four letters
    assert corrected("12345") == ""
    assert corrected("xyzzyqwerty") == ""  # nothing near


def test_place_names_and_skus_are_never_targets(buyer_catalog):
    words = vocabulary()
    assert words.is_known("cilegon") and words.is_known("cirebon")
    assert corrected("cilegon") == "" and corrected("cirebon") == ""
    assert "cilegon" not in words.targets and "dodolku" not in words.targets
    assert corrected("cilegom") == ""  # one edit from a place: left as typed
    assert corrected("dodolka") == ""  # one edit from an SKU: left as typed


def test_the_page_says_what_it_searched_and_links_to_the_exact_words(buyer_catalog, client):
    response = client.get("/cari/", {"q": "batk tulis"})
    html = response.content.decode()
    assert "Menampilkan hasil untuk <em>batik tulis</em>" in html
    assert "/cari/?q=batk+tulis&amp;persis=1" in html
    assert "Batik Tulis Mega Mendung" in html
    assert response["X-Robots-Tag"] == "noindex"  # the corrected words' page is the landing

    exact = client.get("/cari/", {"q": "batk tulis", "persis": "1"}).content.decode()
    assert "Menampilkan hasil untuk" not in exact


def test_the_correction_finds_what_the_typo_did_not(buyer_catalog, buyer_search):
    result = buyer_search("rottan")
    assert result.corrected == "rotan"
    assert "Keranjang Rotan Anyam" in titles(result)


# -- Elasticsearch: fuzziness that never crosses into another real word ------------------------


def test_exact_matches_weigh_more_and_fuzziness_needs_a_shared_prefix():
    (group,) = text_clause([["rottan"]])["bool"]["must"]
    exact, fuzzy = group["bool"]["should"][0]["bool"]["should"]
    assert exact["multi_match"]["boost"] == EXACT_BOOST > 1
    assert "fuzziness" not in exact["multi_match"]
    assert fuzzy["multi_match"]["prefix_length"] >= 1
    assert fuzzy["multi_match"]["fuzziness"] == "AUTO:4,8"


def test_known_words_are_not_fuzzed():
    clause = text_clause(expand("topeng rottan", []), known=lambda word: word == "topeng")
    topeng, rottan = clause["bool"]["must"]
    assert "fuzziness" not in repr(topeng)
    assert "fuzziness" in repr(rottan)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("cirebon", {"Dodol Cilegon", "Kain Motif Golok"}),
        ("cilegon", {"Topeng Kelana Merah", "Batik Tulis Mega Mendung"}),
        ("topeng", {"Udang Goreng Tepung"}),
        ("goreng", {"Topeng Kelana Merah"}),
        ("teras", {"Terasi Udang Asli"}),
        ("terasi", {"Kursi Teras Santai"}),
    ],
)
def test_real_words_are_not_fuzzed_into_each_other(buyer_engine, buyer_search, text, absent):
    found = {p.title for p in buyer_search(text).products}
    assert found and not (found & absent), (text, found)


def test_elasticsearch_tolerates_a_typo(buyer_engine, buyer_search):
    assert "Keranjang Rotan Anyam" in titles(buyer_search("rottan"))


def test_a_sentra_named_after_a_product_keeps_the_product_word_correctable(buyer_catalog):
    from catalog.factories import SentraFactory

    SentraFactory(name="Sentra Batik Trusmi", region=buyer_catalog["places"]["cilegon"])
    words = vocabulary()
    assert "batik" in words.targets and "trusmi" not in words.targets
    assert corrected("batk") == "batik"
