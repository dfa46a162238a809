"""The query object, synonym expansion and highlighting: pure functions, no engine."""

from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, CatalogQuery, clean_text
from search.service import highlight
from search.synonyms import expand


def parse(query_string, **overrides):
    return CatalogQuery.from_params(QueryDict(query_string), **overrides)


def test_reads_every_filter_from_the_query_string():
    query = parse(
        "q=batik+tulis&kategori=batik&wilayah=kota-cirebon&sentra=trusmi&bahan=katun"
        "&sertifikat=halal&ketersediaan=preorder&harga_min=Rp+50.000&harga_max=200000"
        "&ikm=batik-jaya&ekspor=1&urut=price_asc&halaman=3"
    )
    assert query.text == "batik tulis"
    assert (query.category, query.region, query.sentra) == ("batik", "kota-cirebon", "trusmi")
    assert (query.material, query.certificate) == ("katun", "halal")
    assert query.availability == "preorder"
    assert (query.price_min, query.price_max) == (50_000, 200_000)
    assert query.vendor == "batik-jaya"
    assert query.export_ready is True
    assert query.sort == "price_asc"
    assert query.page == 3


def test_unknown_and_malformed_values_are_dropped():
    query = parse(
        "kategori=<script>&wilayah=a%20b&ketersediaan=gratis&urut=random&halaman=abc"
        "&harga_min=banyak&ekspor=mungkin"
    )
    assert query.category == ""
    assert query.region == ""
    assert query.availability == ""
    assert query.sort == "relevance"
    assert query.page == 1
    assert query.price_min is None
    assert query.export_ready is False
    assert query.active_filters == []


def test_swapped_price_bounds_are_put_in_order():
    query = parse("harga_min=500000&harga_max=100000")
    assert (query.price_min, query.price_max) == (100_000, 500_000)


def test_long_queries_are_cut_and_control_characters_removed():
    text = clean_text("kain\x00 batik\n" + "x" * 500)
    assert "\x00" not in text
    assert text.startswith("kain batik ")
    assert len(text) == MAX_QUERY_LENGTH


def test_overrides_win_over_the_query_string():
    query = parse("kategori=rotan", category="batik")
    assert query.category == "batik"


def test_to_params_round_trips():
    query = parse("q=kursi&wilayah=kota-cilegon&harga_min=1000&ekspor=1&urut=newest&halaman=2")
    again = CatalogQuery.from_params(query.to_params())
    assert again == query


def test_without_removes_one_filter_and_resets_the_page():
    query = parse("wilayah=kota-cirebon&kategori=batik&halaman=4&harga_min=10")
    assert query.without("region").region == ""
    assert query.without("region").category == "batik"
    assert query.without("price").price_min is None
    assert query.without("category").page == 1


def test_relevance_without_text_sorts_newest():
    assert parse("").effective_sort == "newest"
    assert parse("q=batik").effective_sort == "relevance"
    assert parse("q=batik&urut=price_desc").effective_sort == "price_desc"


def test_synonyms_expand_words_and_phrases():
    sets = [
        ["rotan", "rattan"],
        ["batik tulis", "hand drawn batik"],
        ["keripik", "kripik", "chips"],
    ]
    assert expand("kursi rattan", sets) == [["kursi"], ["rattan", "rotan"]]
    assert expand("Hand-drawn batik", sets) == [["batik tulis", "hand drawn batik"]]
    assert expand("kripik singkong", sets) == [["chips", "keripik", "kripik"], ["singkong"]]
    assert expand("", sets) == []


def test_query_syntax_is_not_passed_through():
    groups = expand('"batik" AND (rotan*) OR title:{x} \\ -kain', [])
    terms = [term for group in groups for term in group]
    assert all(term.replace(" ", "").isalnum() for term in terms)
    assert "batik" in terms and "rotan" in terms


def test_highlight_marks_matches_and_escapes_everything_else():
    html = highlight("Kain <b>batik</b> tulis & batik cap", [["batik"]])
    assert "<b>" not in html
    assert "&lt;b&gt;<mark>batik</mark>&lt;/b&gt;" in html
    assert "&amp;" in html
    assert html.count("<mark>") == 2


def test_highlight_finds_phrases_across_spaces():
    html = highlight("Motif mega  mendung biru", [["mega mendung"]])
    assert "<mark>mega mendung</mark>" in " ".join(html.split())


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(list("qkwsbtehiu") + ["harga_min", "halaman"]), st.text()))
def test_any_query_string_parses(params):
    names = {
        "q": "q",
        "k": "kategori",
        "w": "wilayah",
        "s": "sentra",
        "b": "bahan",
        "t": "sertifikat",
        "e": "ekspor",
        "h": "harga_max",
        "i": "ikm",
        "u": "urut",
    }
    data = {names.get(key, key): value for key, value in params.items()}
    query = CatalogQuery.from_params(data)
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert query.page >= 1
    assert CatalogQuery.from_params(query.to_params()) == query


def test_page_zero_or_odd_digits_mean_the_first_page():
    assert parse("halaman=0").page == 1
    assert parse("halaman=000").page == 1
    assert parse("halaman=%D9%A3").page == 1  # an Arabic-Indic digit
