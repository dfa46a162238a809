"""Targeted purges: a change retires the cached pages that show it, and no others.

Two IKM in two categories; every public page of both is cached, then one thing changes and
each page is asked again: "miss" where it showed the change, "hit" everywhere else.
"""

import pytest
from django.test import Client

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductPageFactory,
    UserFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage
from pagecache import tags as cache_tags
from pagecache.middleware import page_cache
from pagecache.purge import CLOCK_KEY, current_clock, file_tags, purge_pages, tag_key
from pagecache.tags import ALL, PRICES, PUBLISHED, WORDS
from search.query import CatalogQuery
from search.service import answer_tags
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CARD_CACHE_SECONDS = 600
    settings.SEARCH_RESULT_CACHE_SECONDS = 600


@pytest.fixture
def shop():
    batik, rotan = (
        CategoryFactory(name="Batik", slug="batik"),
        CategoryFactory(name="Rotan", slug="rotan"),
    )
    siti = VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")
    jaya = VendorPageFactory(title="Rotan Jaya", slug="rotan-jaya")
    return {
        "batik": batik,
        "rotan": rotan,
        "siti": siti,
        "jaya": jaya,
        "mega": ProductPageFactory(parent=siti, title="Batik Mega Mendung", category=batik),
        "kawung": ProductPageFactory(parent=siti, title="Batik Kawung", category=batik),
        "kursi": ProductPageFactory(parent=jaya, title="Kursi Rotan", category=rotan),
    }


def state(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache")


def urls(shop):
    return {
        "home": "/",
        "catalog": "/katalog/",
        "batik listing": "/katalog/batik/",
        "rotan listing": "/katalog/rotan/",
        "siti": shop["siti"].url,
        "jaya": shop["jaya"].url,
        "mega": shop["mega"].url,
        "kawung": shop["kawung"].url,
        "kursi": shop["kursi"].url,
    }


def after(client, shop, change, gone=()):
    """Cache every page, make the change, and say which pages were purged (`gone`: pages the
    change removes, not asked again)."""
    pages = urls(shop)
    for url in pages.values():
        state(client, url)
        assert state(client, url) == "hit", url
    change()
    return {
        name for name, url in pages.items() if name not in gone and state(client, url) == "miss"
    }


def republish(page, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_product_publish_purges_its_page_its_ikm_and_its_listings_only(client, shop):
    purged = after(client, shop, lambda: republish(shop["mega"], price=175_000))
    # Kawung's page shows Mega Mendung's card among its related products.
    assert purged == {"home", "catalog", "batik listing", "siti", "mega", "kawung"}


def test_a_product_moved_to_another_category_leaves_the_old_listing_too(client, shop):
    purged = after(client, shop, lambda: republish(shop["mega"], category=shop["rotan"]))
    assert {"batik listing", "rotan listing", "mega", "siti", "catalog"} <= purged
    assert not purged & {"jaya"}


def test_an_ikm_publish_purges_its_products_pages_not_the_others(client, shop):
    purged = after(client, shop, lambda: republish(shop["siti"], title="Batik Ibu Siti Aminah"))
    assert {"siti", "mega", "kawung", "catalog", "home"} <= purged
    assert not purged & {"jaya", "kursi"}
    assert "Batik Ibu Siti Aminah" in client.get(shop["kawung"].url).content.decode()


def test_a_new_product_shows_on_its_ikm_and_listings(client, shop):
    def add():
        ProductPageFactory(parent=shop["jaya"], title="Meja Rotan", category=shop["rotan"])

    purged = after(client, shop, add)
    assert {"jaya", "rotan listing", "catalog"} <= purged
    assert not purged & {"mega", "kawung", "kursi", "siti", "batik listing"}
    assert "Meja Rotan" in client.get("/katalog/rotan/").content.decode()


def test_a_draft_and_a_new_photo_purge_nothing_else(client, shop):
    def draft_and_upload():
        page = ProductPage.objects.get(pk=shop["mega"].pk)
        page.title = "Judul draf"
        page.save_revision()
        ImageFactory()

    assert after(client, shop, draft_and_upload) == set()


def test_a_snippet_or_the_site_wide_purge_retires_every_page(client, shop):
    def rename():
        shop["batik"].name = "Batik Nusantara"
        shop["batik"].save()

    assert after(client, shop, rename) == set(urls(shop))
    assert after(client, shop, purge_pages) == set(urls(shop))


def test_unpublishing_an_ikm_product_is_gone_from_its_listings(client, shop):
    kursi = ProductPage.objects.get(pk=shop["kursi"].pk)
    purged = after(client, shop, kursi.unpublish, gone={"kursi"})
    assert {"jaya", "rotan listing", "catalog"} <= purged
    assert not purged & {"mega", "kawung", "siti", "batik listing"}
    assert "Kursi Rotan" not in client.get("/katalog/rotan/").content.decode()


def test_cached_pages_carry_their_tags_for_a_shared_cache(client, shop):
    response = client.get(shop["mega"].url)
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=600" or set(
        response["Cache-Control"].split(", ")
    ) == {"public", "max-age=0", "s-maxage=600"}
    keys = set(response["xkey"].split())
    assert {"site", f"p{shop['mega'].pk}", f"p{shop['siti'].pk}"} <= keys
    assert keys == set(response["Surrogate-Key"].split())
    assert keys == set(response["Cache-Tag"].split(","))
    listing = client.get("/katalog/batik/")
    listed = set(listing["xkey"].split())
    assert {"cat-batik", f"p{shop['mega'].pk}", f"p{shop['kawung'].pk}"} <= listed
    assert f"p{shop['kursi'].pk}" not in listed


def test_personal_responses_carry_no_shared_cache_headers(client, shop):
    login_verified(client, UserFactory(is_superuser=True, is_staff=True))
    response = client.get(shop["mega"].url)
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert not response.has_header("xkey")
    assert "s-maxage" not in client.get("/cari/", {"q": "batik"}).get("Cache-Control", "")


def test_a_purge_while_a_page_renders_is_never_served_stale(client, shop, monkeypatch):
    """Rows read before a publish, stored after it: the stored page must not be served."""
    original = ProductPage.get_context

    def publish_while_rendering(self, request, *args, **kwargs):
        context = original(self, request, *args, **kwargs)  # the old rows are read
        if not getattr(publish_while_rendering, "done", False):
            publish_while_rendering.done = True
            republish(shop["mega"], title="Batik Mega Mendung Baru")
        return context

    monkeypatch.setattr(ProductPage, "get_context", publish_while_rendering)
    first = client.get(shop["mega"].url)
    assert first["X-Page-Cache"] == "miss"
    assert "Batik Mega Mendung Baru" not in first.content.decode()
    second = client.get(shop["mega"].url)
    assert second["X-Page-Cache"] == "miss"  # not the stale page stored by the first
    assert "Batik Mega Mendung Baru" in second.content.decode()


def test_purges_reach_other_processes_through_the_shared_clock(shop):
    """Each worker keeps no state of its own: the clock and the versions are in the cache."""
    other_worker = Client()
    other_worker.get(shop["mega"].url)
    assert other_worker.get(shop["mega"].url)["X-Page-Cache"] == "hit"
    before = page_cache().get(CLOCK_KEY)
    republish(shop["mega"], price=99_000)
    assert page_cache().get(CLOCK_KEY) > before
    assert other_worker.get(shop["mega"].url)["X-Page-Cache"] == "miss"


def test_category_line_tags_include_the_parents():
    parent = CategoryFactory(name="Kerajinan", slug="kerajinan")
    child = CategoryFactory(name="Anyaman", slug="anyaman", parent=parent)
    assert cache_tags.category_line(child) == ["cat-anyaman", "cat-kerajinan"]


def test_an_edit_purges_the_listings_only_where_what_they_count_changed(shop):
    """A price edit within its band reaches the price-sorted listings, a text edit the text
    answers; only a change to what listings filter and count on purges them all."""
    Client().get("/")  # the clock exists
    republish(shop["mega"])  # its first publication through a revision: it has a date now
    cache = page_cache()
    names = [ALL, "cat-batik", "cat-rotan", PRICES, WORDS, PUBLISHED, f"p{shop['mega'].pk}"]
    file_tags(cache, names, current_clock(cache))

    def purged_by(**changes):
        before = cache.get_many([tag_key(name) for name in names])
        republish(shop["mega"], **changes)
        after = cache.get_many([tag_key(name) for name in names])
        return {name for name in names if after[tag_key(name)] != before[tag_key(name)]}

    mega = f"p{shop['mega'].pk}"
    assert purged_by(price=151_000) == {PRICES, PUBLISHED, mega}  # 150,000: same band
    assert purged_by(summary="Batik tulis halus") == {WORDS, PUBLISHED, mega}
    assert purged_by(price=250_000) == {ALL, "cat-batik", PRICES, PUBLISHED, mega}
    assert purged_by(availability=ProductPage.Availability.PREORDER, lead_time_days=14) == {
        ALL,
        "cat-batik",
        PUBLISHED,
        mega,
    }
    moved = purged_by(category=shop["rotan"])
    assert {ALL, "cat-batik", "cat-rotan"} <= moved


def test_answers_carry_the_tags_of_what_they_depend_on():
    assert WORDS in answer_tags(CatalogQuery(text="batik"))
    assert PRICES in answer_tags(CatalogQuery(sort="price_asc"))
    assert not {WORDS, PRICES} & set(answer_tags(CatalogQuery()))
