"""Builders shared by the quote tests (not a test module): companies, requests, IKM with owners,
buyers and operators, all made with the models directly."""

import datetime
from decimal import Decimal

from django.utils import timezone

from catalog.factories import RegionFactory, UserFactory, VendorPageFactory
from catalog.ownership import ensure_operator_group, grant_vendor_ownership
from sourcing.models import BuyerCompany, BuyerMember, Quote, SourcingRequest

PDF_BYTES = b"%PDF-1.4\n% penawaran uji\n%%EOF\n"


def make_company(name="PT Baja Contoh", sector="logam", **fields):
    return BuyerCompany.objects.create(name=name, sector=sector, status="verified", **fields)


def make_buyer(company, username):
    user = UserFactory(username=username)
    BuyerMember.objects.create(company=company, user=user, role="admin")
    return user


def make_request(company, **fields):
    values = {
        "title": "Baut baja M12",
        "description": "Baut galvanis untuk konveyor",
        "quantity": Decimal("1000"),
        "unit": "pcs",
        "quote_deadline": timezone.now() + datetime.timedelta(days=7),
        "status": SourcingRequest.Status.OPEN,
        "published_at": timezone.now(),
    }
    values.update(fields)
    return SourcingRequest.objects.create(company=company, **values)


def make_vendor_with_owner(title, username, region=None):
    vendor = VendorPageFactory(title=title, **({"region": region} if region else {}))
    owner = UserFactory(username=username)
    grant_vendor_ownership(vendor, [owner])
    return vendor, owner


def make_operator(username="operator"):
    user = UserFactory(username=username)
    ensure_operator_group([user])
    return user


def make_quote(need, vendor, owner=None, **fields):
    values = {
        "unit_price": Decimal("15000"),
        "quantity": Decimal("1000"),
        "lead_time_days": 14,
        "status": Quote.Status.SUBMITTED,
        "submitted_by": owner,
    }
    values.update(fields)
    return Quote.objects.create(request=need, vendor=vendor, **values)


__all__ = [
    "PDF_BYTES",
    "RegionFactory",
    "make_buyer",
    "make_company",
    "make_operator",
    "make_quote",
    "make_request",
    "make_vendor_with_owner",
]
