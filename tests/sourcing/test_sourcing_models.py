import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from catalog.factories import VendorPageFactory
from sourcing.models import (
    BuyerCompany,
    BuyerMember,
    Capability,
    CapabilityProfile,
    Quote,
    RequestMatch,
    SourcingRequest,
    companies_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return BuyerCompany.objects.create(name="PT Krakatau Contoh", sector="logam", nib="1234")


@pytest.fixture
def need(company):
    return SourcingRequest.objects.create(
        company=company,
        title="Baut baja M12",
        description="Baut galvanis",
        quantity=Decimal("10000"),
        unit="pcs",
        quote_deadline=timezone.now() + datetime.timedelta(days=7),
    )


@pytest.fixture
def vendor(site_tree):
    return VendorPageFactory(title="Bengkel Las Pak Budi")


def test_capabilities_are_seeded_with_english_names():
    assert Capability.objects.count() >= 15
    turning = Capability.objects.get(slug="bubut-cnc")
    assert turning.name_en == "CNC turning"
    assert turning.group == "machining"


def test_companies_of_returns_only_the_users_company(company, django_user_model):
    other = BuyerCompany.objects.create(name="PT Lain", sector="pangan")
    user = django_user_model.objects.create_user("buyer", password="x")  # noqa: S106
    BuyerMember.objects.create(company=company, user=user, role="admin")
    assert list(companies_of(user)) == [company]
    assert other not in companies_of(user)
    outsider = django_user_model.objects.create_user("outsider", password="x")  # noqa: S106
    assert not companies_of(outsider).exists()


def test_company_slug_and_unique_nib(company):
    assert company.slug == "pt-krakatau-contoh"
    BuyerCompany.objects.create(name="Tanpa NIB 1", sector="kimia")
    BuyerCompany.objects.create(name="Tanpa NIB 2", sector="kimia")  # empty NIB may repeat
    with pytest.raises(IntegrityError), transaction.atomic():
        BuyerCompany.objects.create(name="PT Duplikat", sector="logam", nib="1234")


def test_request_gets_unique_slug_and_rejects_tkdn_over_100(need, company):
    assert need.slug.startswith("baut-baja-m12-")
    assert str(need) == "Baut baja M12"
    with pytest.raises(IntegrityError), transaction.atomic():
        SourcingRequest.objects.create(
            company=company,
            title="x",
            description="x",
            quantity=1,
            unit="kg",
            tkdn_min_percent=101,
            quote_deadline=timezone.now(),
        )


def test_one_quote_and_one_match_per_vendor(need, vendor):
    Quote.objects.create(
        request=need, vendor=vendor, unit_price=1500, quantity=10000, lead_time_days=14
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(
            request=need, vendor=vendor, unit_price=1400, quantity=10000, lead_time_days=10
        )
    RequestMatch.objects.create(request=need, vendor=vendor, score=80, reasons=["las"])
    with pytest.raises(IntegrityError), transaction.atomic():
        RequestMatch.objects.create(request=need, vendor=vendor, score=70)


def test_awarded_quantity_cannot_exceed_quoted(need, vendor):
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(
            request=need,
            vendor=vendor,
            unit_price=1500,
            quantity=100,
            awarded_quantity=101,
            lead_time_days=14,
        )


def test_capability_profile_links_capabilities(vendor):
    profile = CapabilityProfile.objects.create(vendor=vendor, sectors_served=["logam"])
    profile.capabilities.add(Capability.objects.get(slug="bubut-cnc"))
    assert str(profile) == "Bengkel Las Pak Budi"
    assert vendor.capability_profile.capabilities.count() == 1
