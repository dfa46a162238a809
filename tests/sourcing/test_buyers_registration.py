"""Signing up a buyer company on the public site, signing in and out, operator verification."""

import pytest
from django.test import Client
from django.urls import reverse

from catalog.factories import RegionFactory, UserFactory
from catalog.ownership import ensure_roles
from sourcing.models import BuyerCompany, BuyerMember
from tests.sourcing.buyers_support import PASSWORD, make_company
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db
REGISTER = "/kebutuhan/daftar/"


@pytest.fixture
def region():
    return RegionFactory(name="Kota Cilegon", slug="kota-cilegon", province="Banten")


def form_data(region, **overrides):
    client = Client()
    started = client.get(REGISTER).context["form"].initial["started"]
    data = {
        "name": "PT Baja Pesisir Cilegon",
        "nib": "9120001234567",
        "sector": "logam",
        "address": "Jl. Raya Anyer Km 3",
        "region": region.pk,
        "website": "https://bajapesisir.example",
        "contact_name": "Rina Kartika",
        "job_title": "Kepala Pengadaan",
        "phone": "0812 3456 7890",
        "email": "Rina@BajaPesisir.example",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "website_hp": "",
        "started": started,
    }
    data.update(overrides)
    return data


def test_registration_creates_a_pending_company_its_admin_and_signs_in(client, region):
    response = client.post(REGISTER, form_data(region))
    assert response.status_code == 302
    assert response["Location"] == reverse("sourcing_buyers:home")
    company = BuyerCompany.objects.get()
    assert company.status == BuyerCompany.Status.PENDING
    assert (company.nib, company.region, company.sector) == ("9120001234567", region, "logam")
    member = BuyerMember.objects.get()
    assert member.company == company and member.role == BuyerMember.Role.ADMIN
    assert member.user.email == "rina@bajapesisir.example"
    assert member.user.phone == "+6281234567890"
    assert not member.user.is_staff and not member.user.groups.exists()
    home = client.get(reverse("sourcing_buyers:home"))
    assert home.status_code == 200
    assert "PT Baja Pesisir Cilegon" in home.text
    assert "Menunggu verifikasi" in home.text
    assert "Terverifikasi</span>" not in home.text


def test_a_buyer_is_not_an_admin_user(client, region):
    client.post(REGISTER, form_data(region))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"website_hp": "http://spam.example"}, "website_hp"),
        ({"nib": "12345"}, "nib"),
        ({"password2": "lain-sandi-123"}, "password2"),
        ({"password1": "12345678", "password2": "12345678"}, "password1"),
        ({"started": "rusak"}, "started"),
    ],
)
def test_registration_refusals_keep_what_was_typed(client, region, overrides, field):
    response = client.post(REGISTER, form_data(region, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "PT Baja Pesisir Cilegon" in response.text
    assert not BuyerCompany.objects.exists()


def test_a_nib_or_email_registers_once(client, region):
    make_company("PT Sudah Ada", "rina@bajapesisir.example", nib="9120001234567")
    response = client.post(REGISTER, form_data(region))
    assert response.status_code == 400
    assert "nib" in response.context["form"].errors
    response = client.post(REGISTER, form_data(region, nib="9120007654321"))
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert BuyerCompany.objects.count() == 1


def test_registrations_per_address_are_limited(client, region, settings):
    settings.SOURCING_REGISTRATION_RATE_LIMIT = (1, 3600)
    assert client.post(REGISTER, form_data(region)).status_code == 302
    other = Client()
    data = form_data(region, nib="9120007654321", email="lain@example.test")
    response = other.post(REGISTER, data)
    assert response.status_code == 429
    assert BuyerCompany.objects.count() == 1


def test_sign_in_and_out(client, region):
    make_company("PT Kimia Anyer", "kimia@example.test")
    login = client.post(
        "/kebutuhan/masuk/", {"username": "kimia@example.test", "password": PASSWORD}
    )
    assert login.status_code == 302
    assert login["Location"] == reverse("sourcing_buyers:home")
    assert client.get(reverse("sourcing_buyers:home")).status_code == 200
    assert client.get("/kebutuhan/keluar/").status_code == 405
    assert client.post("/kebutuhan/keluar/").status_code == 302
    response = client.get(reverse("sourcing_buyers:home"))
    assert response.status_code == 302
    assert response["Location"].startswith("/kebutuhan/masuk/?next=")


def test_pages_are_bilingual_and_never_cached(client, region):
    response = client.get("/en/kebutuhan/daftar/")
    assert response.status_code == 200
    assert "Register your company" in response.text
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


# --- Operator verification in the admin ------------------------------------------------------


@pytest.fixture
def operator(site_tree):
    user = UserFactory(username="operator.uji")
    user.groups.add(ensure_roles()["operators"])
    return user


def test_operator_lists_pending_companies_and_verifies_one(operator, region):
    pending, _user = make_company("PT Energi Merak", "merak@example.test", verified=False)
    client = login_verified(Client(), operator)
    listing = client.get("/admin/perusahaan-pembeli/")
    assert listing.status_code == 200
    assert "PT Energi Merak" in listing.text and "merak@example.test" in listing.text
    response = client.post(f"/admin/perusahaan-pembeli/{pending.pk}/verifikasi/")
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == BuyerCompany.Status.VERIFIED
    assert pending.verified_by == operator and pending.verified_at is not None


def test_operator_rejects_a_company(operator, region):
    pending, _user = make_company("PT Palsu", "palsu@example.test", verified=False)
    client = login_verified(Client(), operator)
    client.post(f"/admin/perusahaan-pembeli/{pending.pk}/tolak/")
    pending.refresh_from_db()
    assert pending.status == BuyerCompany.Status.REJECTED


def test_only_operators_verify(site_tree, region):
    pending, buyer = make_company("PT Menunggu", "tunggu@example.test", verified=False)
    curator = UserFactory(username="kurator.uji")
    curator.groups.add(ensure_roles()["curators"])
    for user in (curator, buyer):
        client = login_verified(Client(), user)
        assert client.get("/admin/perusahaan-pembeli/").status_code in (302, 403)
        response = client.post(f"/admin/perusahaan-pembeli/{pending.pk}/verifikasi/")
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert not response["Location"].startswith("/admin/perusahaan-pembeli/")
    pending.refresh_from_db()
    assert pending.status == BuyerCompany.Status.PENDING


def test_someone_who_is_no_buyer_signs_in_to_the_site_or_back_where_they_were(client):
    UserFactory(username="ikm.owner", password=PASSWORD)
    response = client.post("/kebutuhan/masuk/", {"username": "ikm.owner", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    client.post("/kebutuhan/keluar/")
    response = client.post(
        "/kebutuhan/masuk/?next=/kebutuhan/contoh/",
        {"username": "ikm.owner", "password": PASSWORD, "next": "/kebutuhan/contoh/"},
    )
    assert response["Location"] == "/kebutuhan/contoh/"
    response = client.post(
        "/kebutuhan/masuk/",
        {"username": "ikm.owner", "password": PASSWORD, "next": "https://jahat.example/"},
    )
    assert response["Location"] == "/"


def test_a_wrong_password_is_refused(client):
    make_company("PT Kimia Anyer", "kimia@example.test")
    response = client.post(
        "/kebutuhan/masuk/", {"username": "kimia@example.test", "password": "salah-sandi"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session
