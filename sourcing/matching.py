"""Which IKM should hear about a published need, and why.

`match_and_notify(request_obj)` is what publishing a request calls
(sourcing/services/requests.py): it scores every candidate IKM, stores one `RequestMatch` per
IKM with its score and the reasons (as data, so the dashboard shows them in either language),
and once the transaction commits enqueues the background task that emails the matched IKM's
owners through the outbox (sourcing/match_notifications.py). Running it again updates scores
and never emails an IKM twice.

The score (0-100) adds up:

* capability: up to 40, the share of the request's capabilities in the IKM's profile;
* category: 20 when the IKM has live products in the request's category (or its subcategories);
* certificates: 15 when the IKM holds every certificate the request requires, as a certificate
  a curator verified that has not expired; an IKM missing one is not matched at all;
* region: 20 in the delivery region, 15 within 50 km, 10 within 150 km, 5 within 300 km
  (sourcing/regions.py), 10 in the same province when a distance is unknown;
* 5 when a curator verified the IKM's capability profile.

An IKM needs a capability or the category to be matched. An invitation-only request is matched
to its invited IKM only, each of them whatever its score.
"""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Category, ProductPage, VendorCertificate, VendorPage
from sourcing.models import CapabilityProfile, RequestMatch, SourcingRequest
from sourcing.regions import distance_km

CAPABILITY_POINTS = 40
CATEGORY_POINTS = 20
CERTIFICATE_POINTS = 15
VERIFIED_PROFILE_POINTS = 5
SAME_PROVINCE_POINTS = 10
# (kilometres at most, points), nearest first; the same region counts as 0 km.
DISTANCE_POINTS = ((0, 20), (50, 15), (150, 10), (300, 5))
# Request flag -> the certificate type code it asks for (CertificateType.code or slug).
REQUIRED_CERTIFICATES = (
    ("requires_sni", "SNI"),
    ("requires_iso9001", "ISO9001"),
    ("requires_halal", "HALAL"),
)


def certificate_key(certificate_type):
    """A certificate type's code ("ISO 9001", "iso-9001" -> "ISO9001")."""
    return re.sub(r"[^A-Z0-9]", "", (certificate_type.code or certificate_type.slug).upper())


def required_certificates(request_obj):
    codes = [code for flag, code in REQUIRED_CERTIFICATES if getattr(request_obj, flag)]
    if request_obj.tkdn_min_percent:
        codes.append("TKDN")
    return codes


def _categories(request_obj):
    if request_obj.category_id is None:
        return []
    return [
        request_obj.category_id,
        *Category.objects.filter(parent_id=request_obj.category_id).values_list("pk", flat=True),
    ]


def _valid_certificate_codes(vendor_ids):
    """{vendor id: set of codes} of the verified, unexpired certificates of these IKM."""
    today = timezone.localdate()
    held = {}
    rows = VendorCertificate.objects.filter(page_id__in=vendor_ids, verified=True).exclude(
        expires_on__lt=today
    )
    for cert in rows.select_related("certificate_type"):
        held.setdefault(cert.page_id, set()).add(certificate_key(cert.certificate_type))
    return held


def _region_points(vendor_region, request_obj):
    """(points, reason or None) for how near the IKM is to the delivery region."""
    target = request_obj.delivery_region or request_obj.company.region
    if vendor_region is None or target is None:
        return 0, None
    km = distance_km(vendor_region, target)
    if km is None:
        if vendor_region.province == target.province:
            return SAME_PROVINCE_POINTS, {"kind": "province", "province": target.province}
        return 0, None
    for limit, points in DISTANCE_POINTS:
        if km <= limit:
            if limit == 0:
                return points, {"kind": "region", "region": target.name}
            return points, {"kind": "distance", "km": round(km)}
    return 0, None


def score_vendor(request_obj, vendor, profile, context):
    """(score, reasons) of one IKM, or None when it does not match."""
    reasons = []
    score = 0
    invited = vendor.pk in context["invited"]
    if invited:
        reasons.append({"kind": "invited"})
    wanted = context["capabilities"]
    offered = {c.pk: c for c in profile.capabilities.all()} if profile else {}
    shared = [wanted[pk] for pk in wanted if pk in offered]
    if shared:
        score += CAPABILITY_POINTS * len(shared) / len(wanted)
        reasons.append(
            {
                "kind": "capability",
                "names": [c.name for c in shared],
                "names_en": [c.name_en or c.name for c in shared],
            }
        )
    in_category = vendor.pk in context["category_vendors"]
    if in_category:
        score += CATEGORY_POINTS
        category = request_obj.category
        reasons.append(
            {
                "kind": "category",
                "name": category.name,
                "name_en": category.name_en or category.name,
            }
        )
    if not (shared or in_category or invited):
        return None
    required = context["required"]
    if required:
        missing = set(required) - context["certificates"].get(vendor.pk, set())
        if missing and not invited:
            return None
        if not missing:
            score += CERTIFICATE_POINTS
            reasons.append({"kind": "certificates", "codes": list(required)})
    points, reason = _region_points(vendor.region, request_obj)
    if reason:
        score += points
        reasons.append(reason)
    if profile and profile.verified_at:
        score += VERIFIED_PROFILE_POINTS
        reasons.append({"kind": "verified_profile"})
    return round(score, 2), reasons


def candidates(request_obj):
    """Live IKM that could match: invited ones, those offering a wanted capability, those with
    live products in the category."""
    if request_obj.visibility == SourcingRequest.Visibility.INVITED:
        ids = set(request_obj.invited_vendors.values_list("pk", flat=True))
    else:
        ids = set(
            CapabilityProfile.objects.filter(
                capabilities__in=request_obj.capabilities.all()
            ).values_list("vendor_id", flat=True)
        )
        categories = _categories(request_obj)
        if categories:
            ids |= set(
                ProductPage.objects.live()
                .filter(category_id__in=categories, vendor__isnull=False)
                .values_list("vendor_id", flat=True)
            )
    return VendorPage.objects.live().filter(pk__in=ids).select_related("region")


def find_matches(request_obj):
    """[(vendor, score, reasons)] best first; nothing is written."""
    vendors = list(candidates(request_obj))
    ids = [v.pk for v in vendors]
    profiles = {
        p.vendor_id: p
        for p in CapabilityProfile.objects.filter(vendor_id__in=ids).prefetch_related(
            "capabilities"
        )
    }
    categories = _categories(request_obj)
    context = {
        "capabilities": {c.pk: c for c in request_obj.capabilities.all()},
        "category_vendors": set(
            ProductPage.objects.live()
            .filter(category_id__in=categories, vendor_id__in=ids)
            .values_list("vendor_id", flat=True)
        )
        if categories
        else set(),
        "invited": set(request_obj.invited_vendors.values_list("pk", flat=True))
        if request_obj.visibility == SourcingRequest.Visibility.INVITED
        else set(),
        "required": required_certificates(request_obj),
        "certificates": _valid_certificate_codes(ids),
    }
    found = []
    for vendor in vendors:
        result = score_vendor(request_obj, vendor, profiles.get(vendor.pk), context)
        if result is not None:
            found.append((vendor, *result))
    found.sort(key=lambda row: (-row[1], row[0].title))
    return found


def match_request(request_obj):
    """Store the matches of a request (idempotent): new IKM are added, scores and reasons
    updated; an IKM that no longer matches and was not told yet is dropped."""
    found = find_matches(request_obj)
    with transaction.atomic():
        kept = []
        for vendor, score, reasons in found:
            match, _created = RequestMatch.objects.update_or_create(
                request=request_obj, vendor=vendor, defaults={"score": score, "reasons": reasons}
            )
            kept.append(match)
        request_obj.matches.filter(notified_at__isnull=True).exclude(
            pk__in=[m.pk for m in kept]
        ).delete()
    return kept


def match_and_notify(request_obj):
    """Match a published request and, after commit, email the matched IKM (a background task)."""
    from sourcing.match_notifications import enqueue_notifications

    matches = match_request(request_obj)
    transaction.on_commit(lambda: enqueue_notifications(request_obj.pk))
    return matches


def describe(reason):
    """One reason, in the active language, for the dashboard and the email."""
    from catalog.translation import current_language

    english = current_language() == "en"
    kind = reason.get("kind")
    if kind == "capability":
        names = reason["names_en"] if english else reason["names"]
        return _("Kemampuan: %(names)s") % {"names": ", ".join(names)}
    if kind == "category":
        name = reason["name_en"] if english else reason["name"]
        return _("Punya produk di kategori %(name)s") % {"name": name}
    if kind == "certificates":
        return _("Memegang sertifikat yang diminta: %(codes)s") % {
            "codes": ", ".join(reason["codes"])
        }
    if kind == "region":
        return _("Berada di wilayah pengiriman (%(region)s)") % {"region": reason["region"]}
    if kind == "distance":
        return _("Sekitar %(km)s km dari wilayah pengiriman") % {"km": reason["km"]}
    if kind == "province":
        return _("Satu provinsi dengan wilayah pengiriman (%(province)s)") % {
            "province": reason["province"]
        }
    if kind == "verified_profile":
        return _("Profil kemampuan terverifikasi kurator")
    if kind == "invited":
        return _("Diundang oleh pembeli")
    return ""
