"""The public list /kebutuhan/ (and /en/kebutuhan/), a need's page with its confidential parts,
its specification files and the sitemap, over HTTP as each kind of visitor."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from catalog.factories import CategoryFactory, RegionFactory, UserFactory, VendorPageFactory
from catalog.ownership import grant_vendor_ownership
from sourcing.models import BuyerCompany, BuyerMember, Capability, SourcingRequest, SpecAttachment

pytestmark = pytest.mark.django_db

LIST = "/kebutuhan/"
PDF = b"%PDF-1.4\n% gambar kerja\n%%EOF\n"


def make_need(company, title, **fields):
    values = {
        "description": "Spesifikasi lengkap di lampiran.",
        "quantity": Decimal("500"),
        "unit": "pcs",
        "quote_deadline": timezone.now() + datetime.timedelta(days=14),
        "status": SourcingRequest.Status.OPEN,
        "published_at": timezone.now(),
    }
    capabilities = fields.pop("capabilities", ())
    values.update(fields)
    need = SourcingRequest.objects.create(company=company, title=title, **values)
    need.capabilities.set(capabilities)
    return need


@pytest.fixture
def market(site_tree):
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon", province="Banten")
    cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    metal = CategoryFactory(name="Komponen logam", slug="komponen-logam", name_en="Metal parts")
    bolts = CategoryFactory(name="Baut", slug="baut", parent=metal)
    food = CategoryFactory(name="Makanan olahan", slug="makanan-olahan")
    welding = Capability.objects.get(slug="las-listrik-smaw")
    catering = Capability.objects.get(slug="katering-karyawan")
    steel = BuyerCompany.objects.create(
        name="PT Baja Rahasia", sector="logam", region=cilegon, status="verified"
    )
    rival = BuyerCompany.objects.create(name="PT Pesaing", sector="logam")
    vendor = VendorPageFactory(title="Bengkel Las Cilegon", region=cilegon)
    other_vendor = VendorPageFactory(title="Las Cirebon", region=cirebon)
    owner = UserFactory(username="pemilik_las")
    other_owner = UserFactory(username="pemilik_lain")
    grant_vendor_ownership(vendor, [owner])
    grant_vendor_ownership(other_vendor, [other_owner])
    member = UserFactory(username="pembeli_baja")
    BuyerMember.objects.create(company=steel, user=member, role="admin")
    rival_member = UserFactory(username="pembeli_pesaing")
    BuyerMember.objects.create(company=rival, user=rival_member)
    secret = make_need(
        steel,
        "Rangka baja konveyor",
        category=bolts,
        capabilities=[welding],
        delivery_region=cilegon,
        delivery_place="Gudang 7, Jl. Industri No. 1, Cilegon",
        show_buyer_name=False,
    )
    attachment = SpecAttachment(
        request=secret, original_name="gambar-kerja.pdf", content_type="application/pdf", size=30
    )
    attachment.file.save("gambar-kerja.pdf", ContentFile(PDF), save=True)
    lunch = make_need(
        steel,
        "Katering makan siang",
        category=food,
        capabilities=[catering],
        delivery_region=cirebon,
    )
    invited = make_need(
        steel, "Perbaikan pompa (undangan)", visibility=SourcingRequest.Visibility.INVITED
    )
    invited.invited_vendors.set([vendor])
    draft = make_need(steel, "Draf belum terbit", status=SourcingRequest.Status.DRAFT)
    closed = make_need(steel, "Sudah ditutup", status=SourcingRequest.Status.CLOSED)
    overdue = make_need(
        steel, "Lewat batas", quote_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    return type("Market", (), locals())


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".sourcing-card h2 a")]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_list_shows_open_public_needs_only(client, market):
    response = client.get(LIST)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Katering makan siang", "Rangka baja konveyor"]
    assert "no-cache" in response["Cache-Control"]
    # Signed in as the invited IKM, the list is still the public one.
    assert "Perbaikan pompa (undangan)" not in titles(signed_in(market.owner).get(LIST))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kemampuan=las-listrik-smaw", ["Rangka baja konveyor"]),
        ("wilayah=kota-cirebon", ["Katering makan siang"]),
        ("kategori=komponen-logam", ["Rangka baja konveyor"]),  # its subcategory Baut counts
        ("kategori=makanan-olahan&wilayah=kota-cilegon", []),
        ("kemampuan=tidak-ada", ["Katering makan siang", "Rangka baja konveyor"]),
    ],
)
def test_list_filters(client, market, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert sorted(titles(response)) == expected
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_list_in_english(client, market):
    response = client.get("/en/kebutuhan/?kategori=komponen-logam")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Industry needs" in html
    assert "Stick welding (SMAW)" in html
    assert "Metal parts" in html
    assert titles(response) == ["Rangka baja konveyor"]


def test_anonymous_detail_hides_confidential_parts(client, market):
    response = client.get(f"/kebutuhan/{market.secret.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rangka baja konveyor" in html
    assert "PT Baja Rahasia" not in html
    assert "Dirahasiakan" in html
    assert "Gudang 7" not in html
    assert "gambar-kerja.pdf" not in html
    assert "Kota Cilegon" in html  # the region is public, the exact place is not
    attachment_url = f"/kebutuhan/{market.secret.slug}/lampiran/{market.attachment.pk}/"
    assert client.get(attachment_url).status_code == 404
    # A buyer of another company is signed in, yet has no part in it.
    rival = signed_in(market.rival_member)
    assert "PT Baja Rahasia" not in rival.get(f"/kebutuhan/{market.secret.slug}/").content.decode()
    assert rival.get(attachment_url).status_code == 404


def test_shown_buyer_name_is_public(client, market):
    html = client.get(f"/kebutuhan/{market.lunch.slug}/").content.decode()
    assert "PT Baja Rahasia" in html
    assert "Terverifikasi" in html


@pytest.mark.parametrize("who", ["owner", "other_owner", "member"])
def test_signed_in_ikm_and_company_see_confidential_parts(market, who):
    client = signed_in(getattr(market, who))
    html = client.get(f"/kebutuhan/{market.secret.slug}/").content.decode()
    assert "PT Baja Rahasia" in html
    assert "Gudang 7, Jl. Industri No. 1, Cilegon" in html
    url = f"/kebutuhan/{market.secret.slug}/lampiran/{market.attachment.pk}/"
    assert url in html
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="gambar-kerja.pdf"'


def test_invited_only_need_is_404_except_for_its_people(client, market):
    url = f"/kebutuhan/{market.invited.slug}/"
    assert client.get(url).status_code == 404
    assert signed_in(market.other_owner).get(url).status_code == 404
    assert signed_in(market.rival_member).get(url).status_code == 404
    assert signed_in(market.owner).get(url).status_code == 200
    assert signed_in(market.member).get(url).status_code == 200


def test_drafts_are_404_and_closed_needs_are_shown_not_listed(client, market):
    assert client.get(f"/kebutuhan/{market.draft.slug}/").status_code == 404
    assert signed_in(market.member).get(f"/kebutuhan/{market.draft.slug}/").status_code == 404
    response = client.get(f"/kebutuhan/{market.closed.slug}/")
    assert response.status_code == 200
    assert "Penawaran tidak dibuka lagi" in response.content.decode()
    assert "noindex" in response.content.decode()


def test_sitemap_lists_open_public_needs_in_both_languages(client, market):
    xml = client.get("/sitemap.xml").content.decode()
    for need in (market.secret, market.lunch):
        assert f"<loc>http://testserver/kebutuhan/{need.slug}/</loc>" in xml
        assert f"<loc>http://testserver/en/kebutuhan/{need.slug}/</loc>" in xml
    for need in (market.invited, market.draft, market.closed, market.overdue):
        assert need.slug not in xml
    assert 'hreflang="x-default"' in xml
