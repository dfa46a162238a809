"""Capability profiles in the admin and the owners' dashboard panel, over HTTP: owners edit only
their own IKM's profile, curators verify, certificates are only the IKM's verified ones."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from catalog.factories import (
    CertificateTypeFactory,
    RegionFactory,
    UserFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from catalog.ownership import ensure_curator_group, grant_vendor_ownership
from sourcing.matching import match_request
from sourcing.models import BuyerCompany, Capability, CapabilityProfile, SourcingRequest
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

INDEX = "/admin/kemampuan-ikm/"


def edit_url(vendor):
    return f"{INDEX}{vendor.pk}/"


def logged_in(user):
    return login_verified(Client(), user)


@pytest.fixture
def shops(site_tree):
    region = RegionFactory(name="Kota Cilegon", slug="kota-cilegon", province="Banten")
    vendor_a = VendorPageFactory(title="Bengkel Las Cilegon", region=region)
    vendor_b = VendorPageFactory(title="Bubut Presisi Serang", region=region)
    owner_a = UserFactory(username="pemilik_las")
    owner_b = UserFactory(username="pemilik_bubut")
    grant_vendor_ownership(vendor_a, [owner_a])
    grant_vendor_ownership(vendor_b, [owner_b])
    sni = CertificateTypeFactory(name="SNI", slug="sni", code="SNI")
    cert_a = VendorCertificateFactory(page=vendor_a, certificate_type=sni, number="SNI-A")
    unverified_a = VendorCertificateFactory(
        page=vendor_a, certificate_type=sni, number="SNI-BELUM", verified=False
    )
    cert_b = VendorCertificateFactory(page=vendor_b, certificate_type=sni, number="SNI-B")
    profile_b = CapabilityProfile.objects.create(vendor=vendor_b, machines="Bubut CNC 2 unit")
    curator = UserFactory(username="kurator_profil")
    ensure_curator_group([curator])
    return type("Shops", (), locals())


def listed(client, query=""):
    soup = BeautifulSoup(client.get(f"{INDEX}{query}").content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("table.listing td.title a")]


def form_data(**overrides):
    welding = Capability.objects.get(slug="las-listrik-smaw")
    data = {
        "capabilities": [str(welding.pk)],
        "machines": "3 mesin las SMAW, 1 mesin potong plasma",
        "monthly_capacity": "12",
        "capacity_unit": "ton",
        "sectors_served": ["logam", "energi"],
        "past_partnerships": "PT Baja Contoh, 2024: rangka konveyor",
    }
    data.update(overrides)
    return data


def test_owner_creates_own_profile_with_verified_certificates_only(shops):
    client = logged_in(shops.owner_a)
    response = client.get(edit_url(shops.vendor_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "SNI-A" in html
    assert "SNI-BELUM" not in html  # not verified by a curator
    assert "SNI-B" not in html  # another IKM's
    response = client.post(edit_url(shops.vendor_a), form_data(certificates=[str(shops.cert_a.pk)]))
    assert response.status_code == 302
    profile = CapabilityProfile.objects.get(vendor=shops.vendor_a)
    assert [c.slug for c in profile.capabilities.all()] == ["las-listrik-smaw"]
    assert profile.monthly_capacity == Decimal("12")
    assert profile.sectors_served == ["logam", "energi"]
    assert list(profile.certificates.all()) == [shops.cert_a]
    assert profile.verified_at is None


@pytest.mark.parametrize("cert", ["unverified_a", "cert_b"])
def test_owner_cannot_attach_unverified_or_foreign_certificates(shops, cert):
    client = logged_in(shops.owner_a)
    response = client.post(
        edit_url(shops.vendor_a), form_data(certificates=[str(getattr(shops, cert).pk)])
    )
    assert response.status_code == 200  # the form again, with the error
    assert not CapabilityProfile.objects.filter(vendor=shops.vendor_a).exists()


def test_owner_cannot_see_or_edit_another_ikms_profile(shops):
    client = logged_in(shops.owner_a)
    assert client.get(edit_url(shops.vendor_b)).status_code == 404
    response = client.post(edit_url(shops.vendor_b), form_data(machines="diubah orang lain"))
    assert response.status_code == 404
    shops.profile_b.refresh_from_db()
    assert shops.profile_b.machines == "Bubut CNC 2 unit"
    assert listed(client) == ["Bengkel Las Cilegon"]


def test_owner_cannot_verify_even_their_own_profile(shops):
    CapabilityProfile.objects.create(vendor=shops.vendor_a)
    response = logged_in(shops.owner_a).post(f"{edit_url(shops.vendor_a)}verifikasi/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # Wagtail's permission-denied answer
    assert CapabilityProfile.objects.get(vendor=shops.vendor_a).verified_at is None


def test_users_without_an_ikm_are_refused(shops, client):
    stranger = UserFactory(username="bukan_pemilik")  # in the admin, but runs no IKM
    stranger.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    stranger_client = logged_in(stranger)
    assert stranger_client.get(INDEX)["Location"] == "/admin/"
    assert stranger_client.get(edit_url(shops.vendor_a))["Location"] == "/admin/"
    assert client.get(INDEX).status_code == 302  # anonymous: to the login page
    assert "/admin/login/" in client.get(INDEX)["Location"]


def test_curator_verifies_and_an_owner_change_unverifies(shops):
    curator = logged_in(shops.curator)
    assert listed(curator, "?status=unverified") == ["Bubut Presisi Serang"]  # A has no profile
    assert listed(curator) == ["Bengkel Las Cilegon", "Bubut Presisi Serang"]
    response = curator.post(f"{edit_url(shops.vendor_b)}verifikasi/")
    assert response.status_code == 302
    shops.profile_b.refresh_from_db()
    assert shops.profile_b.verified_by == shops.curator
    assert shops.profile_b.verified_at is not None
    assert listed(curator, "?status=unverified") == []
    # A curator's correction keeps the verification; the owner's change needs a new check.
    curator.post(edit_url(shops.vendor_b), form_data(machines="Bubut CNC 3 unit"))
    shops.profile_b.refresh_from_db()
    assert shops.profile_b.verified_at is not None
    logged_in(shops.owner_b).post(edit_url(shops.vendor_b), form_data(machines="Bubut CNC 4"))
    shops.profile_b.refresh_from_db()
    assert shops.profile_b.machines == "Bubut CNC 4"
    assert shops.profile_b.verified_at is None


def test_dashboard_panel_lists_own_open_matches_with_reasons(shops):
    company = BuyerCompany.objects.create(name="PT Energi Contoh", sector="energi")
    welding = Capability.objects.get(slug="las-listrik-smaw")
    CapabilityProfile.objects.create(vendor=shops.vendor_a).capabilities.set([welding])
    shops.profile_b.capabilities.set([welding])

    def need(title, **fields):
        values = {
            "description": "x",
            "quantity": 5,
            "unit": "unit",
            "delivery_region": shops.region,
            "quote_deadline": timezone.now() + datetime.timedelta(days=5),
            "status": SourcingRequest.Status.OPEN,
        }
        values.update(fields)
        obj = SourcingRequest.objects.create(company=company, title=title, **values)
        obj.capabilities.set([welding])
        match_request(obj)
        return obj

    need("Perbaikan pipa uap")
    need("Tangki sudah ditutup", status=SourcingRequest.Status.CLOSED)
    response = logged_in(shops.owner_a).get("/admin/")
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one("#sourcing-matches-section, [id^=sourcing-matches]")
    assert panel is not None
    rows = soup.select("tr[data-match]")
    assert [r.select_one("a").get_text(strip=True) for r in rows] == ["Perbaikan pipa uap"]
    text = rows[0].get_text(" ", strip=True)
    assert "Kemampuan: Las listrik (SMAW)" in text
    assert "Berada di wilayah pengiriman (Kota Cilegon)" in text
    # Curators run no IKM: no panel for them.
    curator_home = logged_in(shops.curator).get("/admin/").content.decode()
    assert "data-match=" not in curator_home
