"""The public API at /api/v2/: every endpoint lists and details what buyers may see, with the
fields a reuser needs, in both languages; filters go through the search service."""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = ("products", "ikm", "categories", "regions", "sentra", "exhibitions", "venues")


def ids(data):
    return {item["id"] for item in data["items"]}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_each_endpoint_lists_and_details(client, api, catalog, name):
    listing = api(f"{name}/")
    assert listing["meta"]["total_count"] == len(listing["items"]) > 0
    first = listing["items"][0]
    assert first["meta"]["detail_url"] == f"http://testserver/api/v2/{name}/{first['id']}/"
    detail = api(f"{name}/{first['id']}/")
    assert detail["id"] == first["id"]
    assert client.get(f"/api/v2/{name}/999999/").status_code == 404


def test_product_fields_a_reuser_needs(api, catalog):
    item = api(f"products/{catalog.mega.pk}/")
    assert (item["title"], item["title_en"]) == ("Batik Mega Mendung", "Mega Mendung batik")
    assert item["summary_en"] == "Hand-drawn batik cloth"
    assert item["url"] == {
        "id": "http://testserver/ikm/batik-ibu-siti/batik-mega-mendung/",
        "en": "http://testserver/en/ikm/batik-ibu-siti/batik-mega-mendung/",
    }
    assert item["price"] == {
        "amount": 150000,
        "currency": "IDR",
        "display": {"id": "Rp 150.000", "en": "Rp 150,000"},
        "unit": "pcs",
        "on_request": False,
    }
    assert item["min_order"] == 2
    assert item["availability"]["code"] == "ready"
    assert item["availability"]["label"] == {"id": "Stok tersedia", "en": "In stock"}
    assert item["ikm"]["title_en"] == "Mrs Siti's Batik"
    assert item["ikm"]["detail_url"] == f"http://testserver/api/v2/ikm/{catalog.vendor.pk}/"
    assert item["category"]["slug"] == "batik-tulis"
    assert item["category"]["parent"]["name_en"] == "Batik cloth"
    assert item["region"]["slug"] == "kota-cirebon"
    assert item["sentra"]["slug"] == "trusmi"
    assert item["meta"]["last_published_at"] is None or "T" in item["meta"]["last_published_at"]
    certificates = {c["number"]: c for c in item["certificates"]}
    assert certificates["HKI-001"]["verified"] is True
    assert certificates["HKI-001"]["valid"] is True
    assert certificates["HKI-002"]["verified"] is False
    assert certificates["HKI-002"]["valid"] is False
    [image] = item["images"]
    assert image["caption"] == "Motif mega mendung"
    for size in ("card", "large"):
        assert image[size].startswith("http://testserver/media/images/")
        assert image[size].endswith(".webp")


def test_the_image_urls_answer(client, api, catalog):
    [image] = api(f"products/{catalog.mega.pk}/")["images"]
    response = client.get(image["card"].removeprefix("http://testserver"))
    assert response.status_code == 200


def test_a_product_on_request_has_no_amount(api, catalog):
    item = api(f"products/{catalog.sirup.pk}/")
    assert item["price"]["amount"] is None
    assert item["price"]["on_request"] is True
    assert item["availability"]["code"] == "preorder"
    assert item["availability"]["lead_time_days"] == 7


def test_ikm_public_contact_without_email_or_owners(api, catalog):
    item = api(f"ikm/{catalog.vendor.pk}/")
    assert item["contact"]["phone"] == "+62231123456"
    assert item["contact"]["whatsapp_url"] == "https://wa.me/6281234567890"
    assert item["contact"]["website"] == "https://batik-siti.example"
    assert item["contact"]["address"] == "Jl. Contoh No. 1"
    assert item["region"]["slug"] == "kota-cirebon"
    assert item["sentra"]["slug"] == "trusmi"
    assert item["product_count"] == 2  # its live products, as the directory counts them
    assert "email" not in item["contact"]
    assert "owner_names" not in item


def test_taxonomies_both_languages(api, catalog):
    categories = {c["slug"]: c for c in api("categories/")["items"]}
    assert categories["batik"]["name_en"] == "Batik cloth"
    assert categories["batik-tulis"]["parent"]["slug"] == "batik"
    assert categories["batik"]["url"] == {
        "id": "http://testserver/katalog/batik/",
        "en": "http://testserver/en/katalog/batik/",
    }
    assert ids(api("categories/", parent="batik")) == {catalog.tulis.pk}
    assert ids(api("sentra/", region="kota-cirebon")) == {catalog.sentra.pk}
    assert ids(api("sentra/", region="kota-cilegon")) == set()


def test_exhibitions_and_venues_show_only_visible_products(api, catalog):
    exhibition = api(f"exhibitions/{catalog.exhibition.pk}/")
    assert [i["product"]["id"] for i in exhibition["items"]] == [catalog.mega.pk]
    assert exhibition["venue"]["id"] == catalog.venue.pk
    assert exhibition["status"] == "current"
    assert ids(api("exhibitions/", status="current")) == {catalog.exhibition.pk}
    assert ids(api("exhibitions/", status="past")) == set()
    venue = api(f"venues/{catalog.venue.pk}/")
    assert [s["product"]["id"] for s in venue["shelves"]] == [catalog.mega.pk]
    assert venue["url"]["en"] == "http://testserver/en/showroom/galeri-ikm/"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"mega", "sirup"}),
        ({"category": "batik"}, {"mega"}),  # the parent category includes its subcategories
        ({"category": "batik-tulis"}, {"mega"}),
        ({"category": "makanan"}, {"sirup"}),
        ({"region": "kota-cilegon"}, {"sirup"}),
        ({"sentra": "trusmi"}, {"mega"}),
        ({"ikm": "batik-ibu-siti"}, {"mega"}),
        ({"availability": "preorder"}, {"sirup"}),
        ({"availability": "ready"}, {"mega"}),
        ({"exhibition": "pameran-batik"}, {"mega"}),
        ({"search": "mega mendung"}, {"mega"}),
        ({"search": "kawista"}, {"sirup"}),
        ({"search": "batik", "region": "kota-cilegon"}, set()),
    ],
)
def test_product_filters_match_the_catalogs(api, catalog, params, expected):
    data = api("products/", **params)
    assert ids(data) == {getattr(catalog, name).pk for name in expected}
    assert data["meta"]["total_count"] == len(expected)


def test_search_goes_through_the_search_service_synonyms(api, catalog):
    """A curator's synonym set (search/synonyms.py), which Wagtail's own search knows nothing
    of, finds the product: the API searches as the site does."""
    from search.models import SynonymSet

    SynonymSet.objects.create(terms="sirop, sirup")
    assert ids(api("products/", search="sirop")) == {catalog.sirup.pk}


def test_unknown_parameters_are_refused(client, catalog):
    response = client.get("/api/v2/products/", {"email": "x"})
    assert response.status_code == 400
    assert "email" in response.json()["message"]


def test_rich_text_as_html_with_links_resolved(api, catalog):
    vendor = catalog.vendor
    vendor.story = f'<p>Lihat <a linktype="page" id="{catalog.mega.pk}">produk kami</a></p>'
    vendor.save_revision().publish()
    story = api(f"ikm/{vendor.pk}/")["story"]
    assert 'href="/ikm/batik-ibu-siti/batik-mega-mendung/"' in story
    assert "linktype" not in story


def test_head_answers_like_get(client, catalog):
    response = client.head("/api/v2/products/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
