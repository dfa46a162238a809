"""What the public API must never show or do: drafts, private pages, hidden IKM, emails, buyers'
data, writes; and how it protects itself: a page size maximum, throttling, CORS for reading."""

import json
import re

import pytest
from django.core.cache import cache

from tests.api.conftest import OWNER_EMAIL, VENDOR_EMAIL

pytestmark = pytest.mark.django_db

ENDPOINTS = ("products", "ikm", "categories", "regions", "sentra", "exhibitions", "venues")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def every_answer(client):
    """The JSON text of every listing and every detail of every endpoint."""
    for name in ENDPOINTS:
        listing = client.get(f"/api/v2/{name}/", {"limit": 100})
        assert listing.status_code == 200
        yield listing.content.decode()
        for item in listing.json()["items"]:
            detail = client.get(f"/api/v2/{name}/{item['id']}/")
            assert detail.status_code == 200
            yield detail.content.decode()


def test_no_email_address_and_no_buyers_data_anywhere(client, catalog):
    from inquiries.models import Inquiry

    Inquiry.objects.create(
        vendor=catalog.vendor,
        product=catalog.mega,
        name="Pembeli Rahasia",
        email="pembeli.rahasia@contoh.test",
        phone="+6281299990000",
        buyer_type=Inquiry._meta.get_field("buyer_type").choices[0][0],
        message="Pesan pembeli yang rahasia",
    )
    texts = list(every_answer(client))
    assert len(texts) > len(ENDPOINTS)
    for text in texts:
        assert OWNER_EMAIL not in text
        assert VENDOR_EMAIL not in text
        assert EMAIL_RE.search(text) is None, EMAIL_RE.search(text)
        assert "Ibu Siti Aminah" not in text  # the owners' names stay on the profile page
        for secret in ("Pembeli Rahasia", "Pesan pembeli", "6281299990000"):
            assert secret not in text


def test_drafts_private_pages_and_hidden_ikm_never_show(client, api, catalog):
    texts = "\n".join(every_answer(client))
    for secret in ("Batik Draf Rahasia", "Batik Pribadi", "Batik IKM Tertutup", "IKM Tertutup"):
        assert secret not in texts
    for page in (catalog.draft, catalog.private, catalog.hidden):
        assert client.get(f"/api/v2/products/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/ikm/{catalog.hidden_vendor.pk}/").status_code == 404
    assert (
        client.get("/api/v2/products/find/", {"html_path": "/ikm/batik-ibu-siti/draf/"}).status_code
        == 404
    )


def test_unpublished_changes_show_the_published_revision(client, api, catalog):
    product = catalog.mega
    product.title = "Judul Draf Belum Terbit"
    product.price = 999_000
    product.save_revision()
    item = api(f"products/{product.pk}/")
    assert item["title"] == "Batik Mega Mendung"
    assert item["price"]["amount"] == 150_000
    assert "Judul Draf Belum Terbit" not in json.dumps(api("products/", search="batik"))


def test_a_signed_in_editor_sees_no_more_than_anyone(client, superuser, verified_login, catalog):
    login = verified_login(client, superuser)
    response = login.get(f"/api/v2/products/{catalog.draft.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["products/", "ikm/", "categories/"])
def test_writes_are_refused(client, catalog, method, path):
    response = getattr(client, method)(f"/api/v2/{path}", data={}, content_type="application/json")
    assert response.status_code == 405
    detail = getattr(client, method)(
        f"/api/v2/{path}{catalog.mega.pk}/", data={}, content_type="application/json"
    )
    assert detail.status_code == 405


def test_page_size_has_a_maximum(client, api, catalog):
    assert client.get("/api/v2/products/", {"limit": 101}).status_code == 400
    assert client.get("/api/v2/regions/", {"limit": 101}).status_code == 400
    assert client.get("/api/v2/products/", {"limit": -1}).status_code == 400
    assert len(api("products/", limit=100)["items"]) == 2


def test_offset_and_limit_windows_of_the_search(api, catalog):
    everything = [item["id"] for item in api("products/")["items"]]
    assert [item["id"] for item in api("products/", limit=1)["items"]] == everything[:1]
    assert [item["id"] for item in api("products/", limit=1, offset=1)["items"]] == everything[1:]
    page = api("products/", limit=3, offset=1)  # not a multiple of the limit
    assert [item["id"] for item in page["items"]] == everything[1:]
    assert page["meta"]["total_count"] == 2
    assert api("products/", limit=0)["items"] == []


def test_throttled_per_client_address(client, settings, catalog):
    settings.API_RATE_LIMIT = "3/minute"
    cache.clear()
    for _ in range(3):
        assert client.get("/api/v2/regions/").status_code == 200
    response = client.get("/api/v2/regions/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
    assert int(response["Retry-After"]) > 0
    # Another address has its own allowance; a forged X-Forwarded-For is not believed.
    assert client.get("/api/v2/regions/", REMOTE_ADDR="10.0.0.9").status_code == 200
    forged = client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR="10.0.0.77")
    assert forged.status_code == 429


def test_throttled_by_forwarded_address_behind_a_trusted_proxy(client, settings, catalog):
    settings.API_RATE_LIMIT = "1/minute"
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()
    assert client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR="10.1.1.1").status_code == 200
    assert client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR="10.1.1.1").status_code == 429
    assert client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR="10.1.1.2").status_code == 200


def test_cors_open_for_reading_on_the_api_only(client, catalog):
    response = client.get("/api/v2/products/", HTTP_ORIGIN="https://dinas.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v2/products/",
        HTTP_ORIGIN="https://dinas.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    allowed = {m.strip() for m in preflight["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}
    page = client.get("/katalog/", HTTP_ORIGIN="https://dinas.example")
    assert "Access-Control-Allow-Origin" not in page


def test_cacheable_and_purged_when_a_product_is_published(client, settings, catalog):
    settings.PAGE_CACHE_SECONDS = 600
    origin = {"HTTP_ORIGIN": "https://dinas.example"}
    first = client.get(f"/api/v2/products/{catalog.mega.pk}/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"]
    assert "max-age=300" in first["Cache-Control"]
    second = client.get(f"/api/v2/products/{catalog.mega.pk}/", **origin)
    assert second["X-Page-Cache"] == "hit"
    assert second["Access-Control-Allow-Origin"] == "*"  # CORS applies to cached answers too
    listing = client.get("/api/v2/products/", {"search": "batik"})
    assert client.get("/api/v2/products/", {"search": "batik"})["X-Page-Cache"] == "hit"
    assert "Batik Mega Mendung" in listing.content.decode()

    product = catalog.mega.get_latest_revision_as_object()
    product.title = "Batik Mega Mendung Biru"
    product.save_revision().publish()

    after = client.get(f"/api/v2/products/{catalog.mega.pk}/")
    assert after["X-Page-Cache"] == "miss"
    assert after.json()["title"] == "Batik Mega Mendung Biru"
    assert after.json()["meta"]["last_published_at"]
    titles = [
        i["title"] for i in client.get("/api/v2/products/", {"search": "batik"}).json()["items"]
    ]
    assert "Batik Mega Mendung Biru" in titles


def test_unpublishing_takes_a_product_out_of_cached_answers(client, settings, catalog):
    settings.PAGE_CACHE_SECONDS = 600
    listing_url = "/api/v2/products/"
    assert catalog.mega.pk in {i["id"] for i in client.get(listing_url).json()["items"]}
    assert client.get(listing_url)["X-Page-Cache"] == "hit"
    assert client.get(f"/api/v2/products/{catalog.mega.pk}/").status_code == 200

    catalog.vendor.unpublish()  # the IKM: its products leave the API with it

    after = client.get(listing_url).json()
    assert [i["id"] for i in after["items"]] == [catalog.sirup.pk]
    assert after["meta"]["total_count"] == 1
    assert client.get(f"/api/v2/products/{catalog.mega.pk}/").status_code == 404
    assert client.get(f"/api/v2/ikm/{catalog.vendor.pk}/").status_code == 404
