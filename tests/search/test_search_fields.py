"""Every word a buyer might type is indexed, in weight tiers, on every engine (issue 16)."""

import pytest

from catalog.models import ProductPage

pytestmark = pytest.mark.django_db


def titles(result):
    return [p.title for p in result.full_products]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("topeng kelana", "Topeng Kelana Merah"),  # title
        ("tari", "Topeng Kelana Merah"),  # a tag only
        ("jaran", "Topeng Kelana Merah"),  # a material only
        ("masks", "Topeng Kelana Merah"),  # the category's English name
        ("batik krakatoa", "Kain Motif Golok"),  # parent category + IKM / sentra
        ("slangit", "Topeng Kelana Merah"),  # the sentra
        ("panji", "Topeng Kelana Merah"),  # the IKM's name
        ("dodolku", "Dodol Cilegon"),  # the SKU
    ],
)
def test_words_outside_the_title_find_the_product(buyer_engine, buyer_search, text, expected):
    assert expected in titles(buyer_search(text)), text


def test_region_names_find_their_products(buyer_engine, buyer_search):
    found = set(titles(buyer_search("cilegon")))
    assert {"Dodol Cilegon", "Kain Motif Golok", "Batik Cap Kombinasi Tulis"} <= found
    assert "Topeng Kelana Merah" not in found


def test_title_outranks_tags_which_outrank_the_ikm_and_description(buyer_engine, buyer_search):
    order = titles(buyer_search("kerang"))
    title, tag = order.index("Hiasan Dinding Kerang"), order.index("Bingkai Cermin Hias")
    description = order.index("Lampu Meja Hias")
    assert title < tag < description, order


def test_the_search_fields_carry_the_related_names(buyer_catalog):
    topeng = ProductPage.objects.get(pk=buyer_catalog["topeng"].pk)
    assert {"kelana", "tari", "Topeng", "Kerajinan", "Masks", "Kayu Jaran"} <= set(
        topeng.search_taxonomy_text.split(" ")
    ) | {"Kayu Jaran", "Jaran wood"}
    assert "Sanggar Panji" in topeng.search_maker_text
    assert "Sentra Slangit" in topeng.search_maker_text
    assert "Kota Cirebon" in topeng.search_maker_text
    boosts = {f.field_name: f.boost for f in ProductPage.search_fields if hasattr(f, "boost")}
    assert boosts["title"] > boosts["search_taxonomy_text"] > boosts["search_maker_text"]
    assert boosts["search_maker_text"] > boosts["description"]


def test_renaming_a_category_sentra_or_ikm_reindexes_its_products(
    buyer_catalog, buyer_search, django_capture_on_commit_callbacks
):
    assert not buyer_search("kriya", persis="1").full_products  # not "griya" corrected
    with django_capture_on_commit_callbacks(execute=True):
        category = buyer_catalog["categories"]["kerajinan"]
        category.name = "Kriya"
        category.save()
    assert "Topeng Kelana Merah" in titles(buyer_search("kriya"))

    with django_capture_on_commit_callbacks(execute=True):
        sentra = buyer_catalog["places"]["krakatoa"]
        sentra.name = "Sentra Merak"
        sentra.save()
    assert "Kain Motif Golok" in titles(buyer_search("merak"))

    vendor = buyer_catalog["vendors"]["dapur"]
    vendor.title = "Dapur Nyonya Rasmi"
    with django_capture_on_commit_callbacks(execute=True):
        vendor.save_revision().publish()
    assert "Kerupuk Udang Rebon" in titles(buyer_search("rasmi"))


def test_postgresql_gives_each_tier_its_own_weight_class():
    from modelsearch.backends.database.postgres.weights import determine_boosts_weights

    classes = determine_boosts_weights()  # every indexed model's boosts, as PostgreSQL sees them

    def weight(boost):  # modelsearch's get_weight on these classes
        return next((w for low, w in classes if boost >= low), classes[-1][1])

    boosts = {f.field_name: f.boost for f in ProductPage.search_fields if hasattr(f, "boost")}
    assert weight(boosts["title"]) == weight(boosts["title_en"]) == "A"
    assert weight(boosts["search_taxonomy_text"]) == "B"
    assert weight(boosts["search_maker_text"]) == weight(boosts["summary"]) == "C"
    assert weight(boosts["description"]) == "D"


def test_a_tag_added_when_publishing_is_indexed_at_once(buyer_catalog, buyer_search):
    # Wagtail's index task reads the page at post_save, before the tags are written.
    product = ProductPage.objects.get(pk=buyer_catalog["goreng"].pk)
    product.tags.add("krispi")
    product.save_revision().publish()
    assert "Udang Goreng Tepung" in titles(buyer_search("krispi", persis="1"))
