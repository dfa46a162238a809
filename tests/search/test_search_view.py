"""/cari/: finds live products only, never cached, indexed only as a plain search that finds
products, and records what buyers (not crawlers) ask."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query

from catalog.factories import CategoryFactory, ProductPageFactory, VendorPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in page.select(".card__title a")]


@pytest.fixture
def products():
    vendor = VendorPageFactory(title="Sanggar Batik Trusmi")
    batik = CategoryFactory(name="Kain", slug="kain")
    return {
        "live": ProductPageFactory(parent=vendor, title="Batik Tulis Mega Mendung", category=batik),
        "draft": ProductPageFactory(
            parent=vendor, title="Batik Cap Draf Rahasia", category=batik, live=False
        ),
        "other": ProductPageFactory(
            parent=VendorPageFactory(title="Rotan Plumbon"), title="Kursi Rotan Sintetis"
        ),
    }


def test_finds_a_live_batik_product(client, products):
    response = client.get("/cari/", {"q": "batik"})
    assert response.status_code == 200
    found = titles(response)
    assert "Batik Tulis Mega Mendung" in found
    assert "Kursi Rotan Sintetis" not in found


def test_a_draft_product_is_not_found(client, products):
    response = client.get("/cari/", {"q": "batik"})
    assert "Batik Cap Draf Rahasia" not in titles(response)
    assert "Batik Cap Draf Rahasia" not in response.content.decode()
    response = client.get("/cari/", {"q": "rahasia"})
    assert titles(response) == []


def test_an_unpublished_product_is_not_found(client, products):
    products["live"].unpublish()
    assert "Batik Tulis Mega Mendung" not in titles(client.get("/cari/", {"q": "batik"}))


def test_search_is_case_insensitive(client, products):
    assert "Batik Tulis Mega Mendung" in titles(client.get("/cari/", {"q": "BATIK"}))


def test_english_search(client, products):
    response = client.get("/en/cari/", {"q": "batik"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Batik Tulis Mega Mendung" in titles(response)


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_empty_query_shows_the_form(client, products, params):
    response = client.get("/cari/", params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    form = page.select_one("main form[role=search]")
    assert form is not None
    assert form["method"] == "get"
    assert form.select_one('input[name="q"]') is not None
    assert titles(response) == []


def test_empty_query_is_not_recorded(client, products):
    client.get("/cari/", {"q": ""})
    assert not Query.objects.exists()


NOINDEX_META = '<meta name="robots" content="noindex, follow">'


def head(response):
    return BeautifulSoup(response.content.decode(), "html.parser").head


def test_a_plain_search_that_finds_products_may_be_indexed(client, products):
    response = client.get("/cari/", {"q": "  Batik  "})
    assert "X-Robots-Tag" not in response
    assert NOINDEX_META not in response.content.decode()
    page = head(response)
    assert page.find("link", rel="canonical")["href"] == "http://testserver/cari/?q=Batik"
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("1 produk untuk “Batik”")


def test_the_indexable_search_page_escapes_the_words(client, products):
    ProductPageFactory(parent=VendorPageFactory(), title='Batik <script>x</script> "Tulis"')
    html = client.get("/cari/", {"q": 'batik <script>x</script> "tulis"'}).content.decode()
    assert "<script>x</script>" not in html


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "tidakadaprodukini"},
        {"q": "batik", "kategori": "kain"},
        {"q": "batik", "urut": "price_asc"},
        {"q": "batik", "halaman": "2"},
        {"kategori": "kain"},
    ],
)
def test_other_searches_are_not_indexed(client, products, params):
    response = client.get("/cari/", params)
    assert response["X-Robots-Tag"] == "noindex"
    assert NOINDEX_META in response.content.decode()
    assert head(response).find("link", rel="canonical") is None


def test_english_plain_search_has_its_own_canonical(client, products):
    response = client.get("/en/cari/", {"q": "batik"})
    assert "X-Robots-Tag" not in response
    canonical = head(response).find("link", rel="canonical")["href"]
    assert canonical == "http://testserver/en/cari/?q=batik"


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (Linux; Android 11) Chrome/120 Mobile Safari/537.36 Chrome-Lighthouse",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
    ],
)
def test_crawlers_searches_are_not_recorded(client, products, agent):
    assert client.get("/cari/", {"q": "batik"}, HTTP_USER_AGENT=agent).status_code == 200
    assert not Query.objects.exists()
    client.get("/cari/", {"q": "batik"}, HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Firefox/130")
    assert Query.get("batik").hits == 1


def test_a_phone_whose_name_ends_in_bot_is_a_buyer(client, products):
    agent = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 Chrome/120 Mobile"
    client.get("/cari/", {"q": "batik"}, HTTP_USER_AGENT=agent)
    assert Query.get("batik").hits == 1


@pytest.mark.parametrize("params", [{"q": "batik"}, {}])
def test_never_cached(client, products, params):
    response = client.get("/cari/", params)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "private"} <= directives
    assert "max-age=0" in directives
    assert "public" not in directives
    assert "Expires" in response


def test_query_is_recorded(client, products):
    assert Query.get("batik").hits == 0
    client.get("/cari/", {"q": "batik"})
    assert Query.get("batik").hits == 1
    # Once a day per visitor (tests/security/test_search_stats.py): two more visitors.
    client.get("/cari/", {"q": "Batik"}, REMOTE_ADDR="203.0.113.7")
    client.get("/cari/", {"q": "batik", "halaman": "1"}, REMOTE_ADDR="198.51.100.2")
    assert Query.get("batik").hits == 3
    assert Query.get("rotan").hits == 0


def test_bad_page_number_is_404(client, products):
    assert client.get("/cari/", {"q": "batik", "halaman": "abc"}).status_code == 404
    assert client.get("/cari/", {"q": "batik", "halaman": "0"}).status_code == 404


def test_query_is_escaped(client, products):
    response = client.get("/cari/", {"q": '<script>alert("x")</script>'})
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in response.content.decode()
