"""What the API shows of an object beyond its plain columns, as DRF serializer fields.

`Computed(fn)` reads the whole object (`source="*"`) and returns `fn(obj, request)`; the
functions below build the nested values (references, images, certificates, prices, URLs). Each
reads only what the endpoint's queryset selected or prefetched, so a listing costs a fixed
number of queries however many items it shows.

Nothing here reads an email address, an owner's name or a user account: the IKM's public
contact is its phone, WhatsApp, links and address.
"""

from django.conf import settings
from django.utils import translation
from rest_framework import serializers
from wagtail.api.v2.utils import get_object_detail_url

from catalog.money import format_rupiah

# One rendition per size: cards are made at publish time (catalog/renditions.py).
IMAGE_SPECS = {"card": "fill-480x360|format-webp", "large": "max-1600x1600|format-webp"}
LOGO_SPEC = "fill-160x160|format-webp"
COVER_SPEC = "fill-1200x400|format-webp"
RENDITION_SPECS = (*IMAGE_SPECS.values(), LOGO_SPEC, COVER_SPEC)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Computed(serializers.Field):
    """A read-only value computed from the whole object."""

    def __init__(self, function, **kwargs):
        self.function = function
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.function(value, self.context["request"])


def both_languages(function):
    """{"id": ..., "en": ...}: `function()` evaluated with each language active."""
    values = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            values[code] = function()
    return values


def detail_url(request, obj):
    return get_object_detail_url(request.wagtailapi_router, request, type(obj), obj.pk)


def page_urls(page, request):
    """The page's public address in each language (`/ikm/x/` and `/en/ikm/x/`)."""
    return both_languages(lambda: page.get_full_url(request))


def image(image_obj, request, specs=None):
    if image_obj is None:
        return None
    specs = specs or IMAGE_SPECS
    urls = {
        name: request.build_absolute_uri(image_obj.get_rendition(spec).url)
        for name, spec in specs.items()
    }
    return {
        "id": image_obj.pk,
        "title": image_obj.title,
        "width": image_obj.width,
        "height": image_obj.height,
        **urls,
    }


def gallery(obj, request):
    return [
        {**image(item.image, request), "caption": item.caption} for item in obj.gallery_images.all()
    ]


def certificates(obj, request):
    """Each certificate with its verification: `verified` by a curator, `valid` when verified
    and not expired (what buyers may rely on)."""
    return [
        {
            "type": {
                "slug": item.certificate_type.slug,
                "name": item.certificate_type.name,
                "name_en": item.certificate_type.name_en,
                "code": item.certificate_type.code,
                "issuer": item.certificate_type.issuer,
            },
            "number": item.number,
            "issued_on": item.issued_on.isoformat(),
            "expires_on": item.expires_on.isoformat() if item.expires_on else None,
            "verified": item.verified,
            "valid": item.is_valid,
        }
        for item in obj.certificates.all()
    ]


def category_ref(category, request):
    if category is None:
        return None
    return {
        "id": category.pk,
        "slug": category.slug,
        "name": category.name,
        "name_en": category.name_en,
        "parent": category_ref(category.parent, request) if category.parent_id else None,
        "detail_url": detail_url(request, category),
    }


def region_ref(region, request):
    if region is None:
        return None
    return {
        "id": region.pk,
        "slug": region.slug,
        "name": region.name,
        "detail_url": detail_url(request, region),
    }


def sentra_ref(sentra, request):
    if sentra is None:
        return None
    return {
        "id": sentra.pk,
        "slug": sentra.slug,
        "name": sentra.name,
        "detail_url": detail_url(request, sentra),
    }


def page_ref(page, request):
    if page is None:
        return None
    return {
        "id": page.pk,
        "slug": page.slug,
        "title": page.title,
        "title_en": page.title_en,
        "detail_url": detail_url(request, page),
    }


def price(product, request):
    """Whole rupiah: the amount, and as the site writes it in each language."""
    return {
        "amount": product.price,
        "currency": "IDR",
        "display": both_languages(lambda: format_rupiah(product.price)) if product.price else None,
        "unit": product.price_unit,
        "on_request": product.price is None,
    }


def availability(product, request):
    return {
        "code": product.availability,
        "in_stock": product.in_stock,
        "label": both_languages(lambda: str(product.availability_display)),
        "lead_time_days": product.lead_time_days,
    }


def materials(product, request):
    return [
        {"slug": material.slug, "name": material.name, "name_en": material.name_en}
        for material in product.materials.all()
    ]


def contact(vendor, request):
    """The IKM's public contact, as its profile shows it. Never its email or its owners."""
    return {
        "phone": vendor.phone,
        "whatsapp": vendor.whatsapp,
        "whatsapp_url": vendor.whatsapp_link(),
        "website": vendor.website,
        "instagram": vendor.instagram,
        "facebook": vendor.facebook,
        "tiktok": vendor.tiktok,
        "marketplace_url": vendor.marketplace_url,
        "address": vendor.address,
        "postal_code": vendor.postal_code,
    }
