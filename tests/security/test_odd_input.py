"""Odd input answers 4xx or the normal page, never a 500 (issue #14, item 4).

Unicode digits in `halaman` ("²" passes str.isdigit() but not int()), a page number of
thousands of digits, a `next` that Django's redirect() takes for a URL name, and a page editor
POST without the StreamField counts its JavaScript always sends.
"""

import base64

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Revision
from wagtail.test.utils.form_data import querydict_from_html

from catalog.factories import CategoryFactory, ProductPageFactory, UserFactory, VendorPageFactory
from catalog.ownership import ensure_operator_group, grant_vendor_ownership
from tests.two_factor_login import login_verified, totp_code

pytestmark = pytest.mark.django_db

HUGE = "9" * 4400  # over int()'s 4300-digit limit for strings: ValueError


@pytest.fixture
def catalog(site_tree):
    category = CategoryFactory(name="Batik")
    vendor = VendorPageFactory(title="Batik Ibu Siti")
    product = ProductPageFactory(parent=vendor, title="Kain Batik Trusmi", category=category)
    return category, vendor, product


@pytest.fixture
def owner_client(catalog):
    _, vendor, _ = catalog
    owner = UserFactory(username="pemilik.uji")
    grant_vendor_ownership(vendor, [owner])
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    return client


def anonymous():
    return Client(raise_request_exception=False)


LISTINGS = ["/katalog/", "/katalog/batik/", "/ikm/", "/cari/?q=batik", "/en/katalog/"]


@pytest.mark.parametrize(
    "number", ["²", "¹²", HUGE], ids=["superscript", "two-superscripts", "4400-digits"]
)
@pytest.mark.parametrize("url", LISTINGS)
def test_a_page_number_that_is_not_ascii_digits_is_not_found(catalog, url, number):
    separator = "&" if "?" in url else "?"
    assert anonymous().get(f"{url}{separator}halaman={number}").status_code == 404


@pytest.mark.parametrize("url", LISTINGS)
def test_a_page_number_past_the_end_still_gives_the_last_page(catalog, url):
    separator = "&" if "?" in url else "?"
    assert anonymous().get(f"{url}{separator}halaman=999999").status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"harga_min": "²", "harga_max": HUGE},
        {"harga_min": "٣٠٠", "harga_max": "¹²"},
        {"halaman": "1", "harga_min": "\x00", "kategori": HUGE},
    ],
)
@pytest.mark.parametrize("url", ["/katalog/", "/cari/"])
def test_odd_filter_values_are_dropped(catalog, url, params):
    assert anonymous().get(url, {"q": "batik", **params}).status_code == 200


ODD_NEXT = "/admin/login/?next=%250d%250aSet-Cookie:%2520x=1"


def test_a_signed_in_user_with_a_next_that_is_not_a_path_goes_to_the_dashboard(owner_client):
    response = owner_client.get(ODD_NEXT)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_signed_in_user_still_follows_a_safe_next(owner_client):
    response = owner_client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


def test_signing_in_with_a_next_that_is_not_a_path_goes_to_the_dashboard(catalog):
    UserFactory(username="pemilik.dua")  # password "sandi-uji-123"
    response = anonymous().post(ODD_NEXT, {"username": "pemilik.dua", "password": "sandi-uji-123"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_second_step_with_a_next_that_is_not_a_path_goes_to_the_dashboard(catalog, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    owner = UserFactory(username="pemilik.dua")
    grant_vendor_ownership(catalog[1], [owner])
    secret = b"etalase-ikm-uji-2fa!"
    TOTPDevice.objects.create(user=owner, name="ponsel", key=secret.hex(), confirmed=True)
    client = Client(raise_request_exception=False)
    client.force_login(owner)  # the password step, not the second one
    code = totp_code(base64.b32encode(secret).decode())
    response = client.post(f"/admin/2fa/verifikasi/?{ODD_NEXT.split('?')[1]}", {"token": code})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_page_edit_post_without_the_streamfield_counts_is_a_bad_request(owner_client, catalog):
    _, _, product = catalog
    url = f"/admin/pages/{product.pk}/edit/"
    data = querydict_from_html(owner_client.get(url).content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key or key.endswith("-count")]:
        del data[key]
    data["title"] = "Judul dari permintaan rusak"
    revisions = Revision.objects.count()
    response = owner_client.post(url, data)
    assert response.status_code == 400
    assert Revision.objects.count() == revisions
    product.refresh_from_db()
    assert product.title == "Kain Batik Trusmi"


def test_a_page_edit_post_without_the_inline_formset_counts_shows_the_form_again(
    owner_client, catalog
):
    _, _, product = catalog
    url = f"/admin/pages/{product.pk}/edit/"
    data = querydict_from_html(owner_client.get(url).content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key or "_FORMS" in key]:
        del data[key]
    data.setdefault("description-count", "0")
    data.setdefault("description_en-count", "0")
    response = owner_client.post(url, data)
    assert response.status_code in (200, 400)


def test_retrying_failed_emails_with_unicode_digit_ids_is_not_a_server_error(site_tree):
    operator = UserFactory(username="operator.uji")
    ensure_operator_group(users=[operator])
    client = login_verified(Client(raise_request_exception=False), operator)
    response = client.post("/admin/pertanyaan/email-gagal/kirim-ulang/", {"notification": "²"})
    assert response.status_code == 302
