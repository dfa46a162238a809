"""/cari/: finds live products only, never cached or indexed, and records what buyers ask."""

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


def test_not_indexed(client, products):
    response = client.get("/cari/", {"q": "batik"})
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()
    assert client.get("/cari/")["X-Robots-Tag"] == "noindex"


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
    client.get("/cari/", {"q": "Batik"})
    client.get("/cari/", {"q": "batik", "halaman": "1"})
    assert Query.get("batik").hits == 3
    assert Query.get("rotan").hits == 0


def test_bad_page_number_is_404(client, products):
    assert client.get("/cari/", {"q": "batik", "halaman": "abc"}).status_code == 404
    assert client.get("/cari/", {"q": "batik", "halaman": "0"}).status_code == 404


def test_query_is_escaped(client, products):
    response = client.get("/cari/", {"q": '<script>alert("x")</script>'})
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in response.content.decode()
