"""International phone numbers (issue 17, item 7a): parsed with `phonenumbers`, Indonesian by
default, any country with "+" or "00", stored in E.164, shown in national format for Indonesia
and international format for the rest; the inquiry form, the order form and IKM profiles all
go through catalog/phone.py."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from catalog.factories import ProductPageFactory, VendorPageFactory
from catalog.phone import display_phone, normalise_phone, normalise_whatsapp
from inquiries.forms import form_token
from inquiries.models import Inquiry

pytestmark = pytest.mark.django_db


# --- The functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("(0231) 206558", "+62231206558"),
        ("+65 6123 4567", "+6561234567"),
        ("0065 6123 4567", "+6561234567"),
        ("+1 415 555 2671", "+14155552671"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+60 12-345 6789", "+60123456789"),
    ],
)
def test_numbers_are_stored_in_e164(raw, e164):
    assert normalise_phone(raw) == e164


@pytest.mark.parametrize(
    "raw",
    ["+65 6123", "+1 415 555", "+999 1234 5678", "+44 20 7946 0958 12", "0812", "0812-abc-7890"],
)
def test_invalid_numbers_are_refused(raw):
    with pytest.raises(ValidationError) as error:
        normalise_phone(raw)
    assert error.value.code == "invalid_phone"


def test_foreign_error_names_the_country_code_in_each_language():
    for language, words in (("id", "kode negara"), ("en", "country code")):
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                normalise_phone("+65 6123")
            assert words in error.value.messages[0]


@pytest.mark.parametrize(
    ("raw", "e164"), [("+65 8123 4567", "+6581234567"), ("+1 415 555 2671", "+14155552671")]
)
def test_foreign_mobiles_are_whatsapp_numbers(raw, e164):
    assert normalise_whatsapp(raw) == e164


def test_foreign_landline_is_not_a_whatsapp_number():
    with pytest.raises(ValidationError) as error:
        normalise_whatsapp("+65 6123 4567")
    assert error.value.code == "invalid_whatsapp"


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+6281234567890", "0812-3456-7890"),
        ("+62231206558", "(0231) 206558"),
        ("+6561234567", "+65 6123 4567"),
        ("+14155552671", "+1 415-555-2671"),
        ("", ""),
        ("not-a-number", "not-a-number"),
    ],
)
def test_display_formats(e164, shown):
    assert display_phone(e164) == shown
    assert Template("{% load catalog_tags %}{{ n|phone }}").render(Context({"n": e164})) == shown


# --- IKM profiles ---------------------------------------------------------------------------


def test_ikm_with_a_foreign_whatsapp_links_wa_me_with_its_digits(client):
    vendor = VendorPageFactory(whatsapp="+65 8123 4567", phone="+65 6123 4567")
    vendor.refresh_from_db()
    assert (vendor.whatsapp, vendor.phone) == ("+6581234567", "+6561234567")
    assert vendor.whatsapp_link() == "https://wa.me/6581234567"
    html = client.get(vendor.url).content.decode()
    assert 'href="tel:+6561234567"' in html
    assert "+65 6123 4567" in html


# --- The inquiry form over HTTP ---------------------------------------------------------------


@pytest.fixture
def product():
    vendor = VendorPageFactory(email="ikm@example.test", whatsapp="+6281234567890")
    return ProductPageFactory(parent=vendor, price_unit="lembar", min_order=10)


def inquiry_data(phone):
    return {
        "name": "Mei Ling Tan",
        "email": "",
        "phone": phone,
        "buyer_type": "wholesale",
        "company": "Tan Trading",
        "quantity": "20",
        "message": "Could you ship 20 pieces to Singapore, and at what price?",
        "consent": "on",
        "website": "",
        "started": form_token(0),
    }


@pytest.mark.parametrize(
    ("phone", "e164"),
    [
        ("+65 6123 4567", "+6561234567"),
        ("+1 415 555 2671", "+14155552671"),
        ("0812 3456 7890", "+6281234567890"),
    ],
)
def test_inquiry_accepts_the_number_and_stores_e164(
    client, product, django_capture_on_commit_callbacks, phone, e164
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/tanya/{product.pk}/", inquiry_data(phone))
    assert response.status_code == 302, response.context["form"].errors
    assert Inquiry.objects.get().phone == e164


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Nomor luar negeri ini tidak valid. Periksa kode negara"),
        ("/en", "This foreign number is not valid. Check the country code"),
    ],
)
def test_inquiry_refuses_an_invalid_number_in_the_buyers_language(client, product, prefix, message):
    response = client.post(f"{prefix}/tanya/{product.pk}/", inquiry_data("+65 6123"))
    assert response.status_code == 400
    assert not Inquiry.objects.exists()
    assert message in " ".join(response.context["form"].errors["phone"])
    assert message in response.content.decode()
