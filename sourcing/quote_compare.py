"""The rows of the buyer's side-by-side comparison: price, total, lead time, the IKM's valid
certificates, capacity and how far it is from the delivery region.

Regions carry no coordinates, so distance is told in steps: the same region (kota/kabupaten),
the same province, or another province."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from catalog.models import VendorCertificate
from sourcing.models import CapabilityProfile, Quote
from sourcing.templatetags.sourcing_quote_tags import normalize_number

SAME_REGION = _("Wilayah yang sama")
SAME_PROVINCE = _("Provinsi yang sama")
OTHER_PROVINCE = _("Provinsi lain")
UNKNOWN = _("Tidak diketahui")


@dataclass
class CompareRow:
    quote: Quote
    total: object
    certificates: list
    capacity: str
    distance: str
    distance_rank: int


def distance(vendor_region, delivery_region):
    if vendor_region is None or delivery_region is None:
        return UNKNOWN, 3
    if vendor_region.pk == delivery_region.pk:
        return SAME_REGION, 0
    if vendor_region.province == delivery_region.province:
        return SAME_PROVINCE, 1
    return OTHER_PROVINCE, 2


def compare_rows(need, sort="unit_price"):
    quotes = (
        need.quotes.exclude(status=Quote.Status.DRAFT)
        .select_related("vendor", "vendor__region")
        .prefetch_related(
            Prefetch(
                "vendor__certificates",
                queryset=VendorCertificate.objects.select_related("certificate_type"),
            ),
            "attachments",
        )
    )
    profiles = {
        p.vendor_id: p
        for p in CapabilityProfile.objects.filter(vendor__in=[q.vendor_id for q in quotes])
    }
    rows = []
    for quote in quotes:
        profile = profiles.get(quote.vendor_id)
        capacity = ""
        if profile and profile.monthly_capacity:
            capacity = (
                f"{normalize_number(profile.monthly_capacity)} {profile.capacity_unit}".strip()
            )
        label, rank = distance(quote.vendor.region, need.delivery_region)
        rows.append(
            CompareRow(
                quote=quote,
                total=quote.total_price,
                certificates=[
                    str(c.certificate_type) for c in quote.vendor.certificates.all() if c.is_valid
                ],
                capacity=capacity,
                distance=str(label),
                distance_rank=rank,
            )
        )
    withdrawn = Quote.Status.WITHDRAWN
    key = {
        "unit_price": lambda r: r.quote.unit_price,
        "total": lambda r: r.total,
        "lead_time_days": lambda r: r.quote.lead_time_days,
    }[sort]
    rows.sort(key=lambda r: (r.quote.status == withdrawn, key(r)))
    return rows
