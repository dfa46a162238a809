"""Matching a published need to IKM, and the background emails to the matched IKM's owners."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    ProductPageFactory,
    RegionFactory,
    UserFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from catalog.ownership import grant_vendor_ownership
from sourcing.match_notifications import notify_matches
from sourcing.matching import describe, find_matches, match_and_notify
from sourcing.models import (
    BuyerCompany,
    Capability,
    CapabilityProfile,
    MatchNotification,
    RequestMatch,
    SourcingRequest,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    return {
        "cilegon": RegionFactory(name="Kota Cilegon", slug="kota-cilegon", province="Banten"),
        "serang": RegionFactory(name="Kota Serang", slug="kota-serang", province="Banten"),
        "cirebon": RegionFactory(name="Kota Cirebon", slug="kota-cirebon"),
        "lebak": RegionFactory(name="Kabupaten Lebak", slug="kabupaten-lebak", province="Banten"),
    }


def make_vendor(title, region, capabilities=(), owner=None, **profile):
    vendor = VendorPageFactory(title=title, region=region)
    if capabilities or profile:
        cap_profile = CapabilityProfile.objects.create(vendor=vendor, **profile)
        cap_profile.capabilities.set(capabilities)
    if owner:
        grant_vendor_ownership(vendor, [owner])
    return vendor


def make_need(company, region, capabilities=(), **fields):
    values = {
        "title": "Fabrikasi rangka konveyor",
        "description": "Rangka baja untuk konveyor batu bara.",
        "quantity": Decimal("20"),
        "unit": "unit",
        "delivery_region": region,
        "quote_deadline": timezone.now() + datetime.timedelta(days=10),
        "status": SourcingRequest.Status.OPEN,
        "published_at": timezone.now(),
    }
    values.update(fields)
    need = SourcingRequest.objects.create(company=company, **values)
    need.capabilities.set(capabilities)
    return need


@pytest.fixture
def world(site_tree, places):
    welding = Capability.objects.get(slug="las-listrik-smaw")
    structural = Capability.objects.get(slug="fabrikasi-struktur-baja")
    catering = Capability.objects.get(slug="katering-karyawan")
    company = BuyerCompany.objects.create(
        name="PT Baja Cilegon Contoh", sector="logam", region=places["cilegon"]
    )
    owner_near = UserFactory(username="las_cilegon", email="las@example.test")
    near = make_vendor(
        "Bengkel Las Cilegon", places["cilegon"], [welding, structural], owner=owner_near
    )
    middle = make_vendor("Las Serang Jaya", places["serang"], [welding])
    far = make_vendor("Las Cirebon", places["cirebon"], [welding, structural])
    caterer = make_vendor("Katering Krakatau", places["cilegon"], [catering])
    return {
        "company": company,
        "welding": welding,
        "structural": structural,
        "near": near,
        "middle": middle,
        "far": far,
        "caterer": caterer,
        "owner_near": owner_near,
    }


def test_matches_by_capability_share_and_distance(world, places):
    need = make_need(world["company"], places["cilegon"], [world["welding"], world["structural"]])
    found = {vendor.title: (score, reasons) for vendor, score, reasons in find_matches(need)}
    assert set(found) == {"Bengkel Las Cilegon", "Las Serang Jaya", "Las Cirebon"}
    assert "Katering Krakatau" not in found  # no shared capability, no category
    near, middle, far = (
        found[title][0] for title in ("Bengkel Las Cilegon", "Las Serang Jaya", "Las Cirebon")
    )
    assert near == 40 + 20  # both capabilities, in the delivery region
    assert middle == 20 + 15  # one of two capabilities, Serang is ~20 km from Cilegon
    assert far == 40 + 5  # both capabilities, Cirebon is ~280 km away (within 300)
    kinds = [r["kind"] for r in found["Las Serang Jaya"][1]]
    assert kinds == ["capability", "distance"]
    assert found["Las Serang Jaya"][1][1]["km"] < 50


def test_category_products_certificates_and_verified_profile_count(world, places):
    metal = CategoryFactory(name="Komponen logam", slug="komponen-logam", name_en="Metal parts")
    bolts = CategoryFactory(name="Baut", slug="baut", parent=metal)
    maker = make_vendor("Baut Lebak", places["lebak"])
    ProductPageFactory(parent=maker, title="Baut M12 galvanis", category=bolts)
    sni = CertificateTypeFactory(name="SNI", slug="sni", code="SNI")
    VendorCertificateFactory(page=maker, certificate_type=sni)
    # A verified certificate that expired does not count.
    VendorCertificateFactory(
        page=world["near"],
        certificate_type=sni,
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    profile = world["near"].capability_profile
    profile.verified_at = timezone.now()
    profile.save()
    need = make_need(
        world["company"], places["cilegon"], [world["welding"]], category=metal, requires_sni=True
    )
    found = {vendor.title: (score, reasons) for vendor, score, reasons in find_matches(need)}
    # Only the IKM holding a valid SNI certificate is matched.
    assert set(found) == {"Baut Lebak"}
    score, reasons = found["Baut Lebak"]
    assert [r["kind"] for r in reasons] == ["category", "certificates", "province"]
    assert score == 20 + 15 + 10  # Lebak has no known seat: same province as Cilegon
    assert describe(reasons[0]) == "Punya produk di kategori Komponen logam"
    need.requires_sni = False
    need.save()
    found = {vendor.title: score for vendor, score, _reasons in find_matches(need)}
    assert found["Bengkel Las Cilegon"] == 40 + 20 + 5  # + verified profile


def test_invited_only_request_matches_invited_ikm_only(world, places):
    need = make_need(
        world["company"],
        places["cilegon"],
        [world["welding"]],
        visibility=SourcingRequest.Visibility.INVITED,
    )
    need.invited_vendors.set([world["far"], world["caterer"]])
    found = {vendor.title: reasons for vendor, _score, reasons in find_matches(need)}
    assert set(found) == {"Las Cirebon", "Katering Krakatau"}
    assert found["Katering Krakatau"][0] == {"kind": "invited"}


def test_unpublished_or_draft_ikm_is_never_matched(world, places):
    world["middle"].unpublish()
    need = make_need(world["company"], places["cilegon"], [world["welding"]])
    titles = [vendor.title for vendor, _s, _r in find_matches(need)]
    assert "Las Serang Jaya" not in titles


def test_match_and_notify_stores_matches_and_emails_owners_once(
    world, places, django_capture_on_commit_callbacks
):
    need = make_need(world["company"], places["cilegon"], [world["welding"], world["structural"]])
    world["far"].email = "cirebon@example.test"
    world["far"].save()
    with django_capture_on_commit_callbacks(execute=True):
        matches = match_and_notify(need)
    assert [m.vendor.title for m in matches] == [
        "Bengkel Las Cilegon",
        "Las Cirebon",
        "Las Serang Jaya",
    ]
    stored = {m.vendor.title: m for m in RequestMatch.objects.filter(request=need)}
    assert stored["Bengkel Las Cilegon"].score == Decimal("60.00")
    assert stored["Bengkel Las Cilegon"].notified_at is not None
    # Las Serang Jaya has neither an owner nor an email: matched, nobody to tell.
    assert not MatchNotification.objects.filter(match=stored["Las Serang Jaya"]).exists()
    sent = {tuple(m.to): m for m in mail.outbox}
    assert set(sent) == {("las@example.test",), ("cirebon@example.test",)}
    email = sent[("las@example.test",)]
    assert email.subject == "Kebutuhan industri baru yang cocok: Fabrikasi rangka konveyor"
    assert "Kemampuan: Fabrikasi struktur baja, Las listrik (SMAW)" in email.body
    assert "Berada di wilayah pengiriman (Kota Cilegon)" in email.body
    assert f"http://testserver/kebutuhan/{need.slug}/" in email.body
    notification = MatchNotification.objects.get(match=stored["Bengkel Las Cilegon"])
    assert notification.sent_at is not None

    # Publishing again (or a second worker run) tells nobody twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        match_and_notify(need)
    assert notify_matches.call(need.pk) == 0
    assert mail.outbox == []
    assert MatchNotification.objects.count() == 2


def test_rematching_drops_untold_matches_and_keeps_told_ones(world, places):
    need = make_need(world["company"], places["cilegon"], [world["welding"]])
    from sourcing.matching import match_request

    match_request(need)
    RequestMatch.objects.filter(request=need, vendor=world["near"]).update(
        notified_at=timezone.now()
    )
    need.capabilities.set([Capability.objects.get(slug="kemasan-karton")])
    match_request(need)
    assert list(
        RequestMatch.objects.filter(request=need).values_list("vendor__title", flat=True)
    ) == ["Bengkel Las Cilegon"]
