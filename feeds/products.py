"""What the shopping feeds (Google Merchant Center, Meta catalog) say about each product.

One `FeedProducts` collects the products for a request in a fixed number of queries, whatever
the size of the catalog: the products with a price and a photo, in the reader's language
(`/feeds/...` Indonesian, `/en/feeds/...` English), and the counts of those left out. Both
formats require a price and an image link, so products "on request" (no price) and products
without a photo are left out and counted; the feed views say how many (a comment in the XML,
`X-Feed-Skipped-*` headers) and so does `manage.py product_feed_report`.

Availability (our field -> each format's value):

* ready with stock -> Google `in_stock`, Meta `in stock`; ready without stock -> `out_of_stock`
  / `out of stock`;
* pre-order -> `preorder` / `preorder`, with Google's required `availability_date` (today plus
  the production time);
* made to order -> Google `backorder` (orders taken now, shipped when made, with its
  `availability_date`), Meta `available for order`.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from catalog.models import CatalogRendition, ProductGalleryImage, ProductPage
from catalog.translation import has_text, translated, translated_value

# The shared image (made at publish time, catalog/renditions.py SHARE): 1200x900, above both
# formats' minimums (Google 100x100, 250x250 for apparel; Meta 500x500).
IMAGE_SPEC = "fill-1200x900"
TITLE_LIMIT = 150  # Google's limit (Meta allows 200)
DESCRIPTION_LIMIT = 5000  # Google's limit (Meta allows 9999)
BRAND_LIMIT = 70  # Google's limit

GOOGLE_AVAILABILITY = {
    ProductPage.Availability.PREORDER: "preorder",
    ProductPage.Availability.MADE_TO_ORDER: "backorder",
}
META_AVAILABILITY = {
    ProductPage.Availability.PREORDER: "preorder",
    ProductPage.Availability.MADE_TO_ORDER: "available for order",
}

# Google's product taxonomy, by full path (accepted in place of the numeric id by both Google
# and Meta), for our categories where one fits; a subcategory falls back to its parent's.
# Categories not named here are sent without it (the field is optional).
GOOGLE_CATEGORIES = {
    "batik": "Arts & Entertainment > Hobbies & Creative Arts > Arts & Crafts",
    "kerajinan": "Arts & Entertainment > Hobbies & Creative Arts > Arts & Crafts",
    "rotan": "Home & Garden > Decor",
    "lukisan-kaca": "Home & Garden > Decor",
    "makanan-olahan": "Food, Beverages & Tobacco > Food Items",
    "sirup": "Food, Beverages & Tobacco > Beverages",
    "fashion": "Apparel & Accessories > Clothing",
    "pakaian-batik": "Apparel & Accessories > Clothing",
    "aksesoris": "Apparel & Accessories > Clothing Accessories",
    "tas": "Apparel & Accessories > Handbags, Wallets & Cases",
    "perhiasan": "Apparel & Accessories > Jewelry",
}

_SPACES = re.compile(r"\s+")


def plain_text(*parts, limit):
    """Plain text of these parts (HTML stripped, spaces collapsed), trimmed to `limit`."""
    text = " ".join(_SPACES.sub(" ", strip_tags(part)).strip() for part in parts if part)
    return Truncator(text.strip()).chars(limit)


def stream_strings(raw):
    """Every text in a StreamField's stored JSON, images left out: read as data, never turned
    into blocks (which would load each image block's image, a query per product)."""
    if isinstance(raw, str):
        yield raw
    elif isinstance(raw, dict):
        if raw.get("type") == "image":
            return
        for key, value in raw.items():
            if key not in ("type", "id", "image"):
                yield from stream_strings(value)
    elif isinstance(raw, list | tuple):
        for value in raw:
            yield from stream_strings(value)


def description_of(product):
    """The summary and the description's text, in one language: an English summary is not
    followed by an Indonesian description."""
    summary = translated(product, "summary")
    description = translated(product, "description")
    parts = [summary.value]
    if description.language == summary.language or not has_text(summary.value):
        parts += stream_strings(list(description.value.raw_data))
    return plain_text(*parts, limit=DESCRIPTION_LIMIT) or plain_text(
        translated_value(product, "title"), limit=DESCRIPTION_LIMIT
    )


def category_path(category):
    names = [translated_value(category.parent, "name")] if category.parent_id else []
    return " > ".join([*names, translated_value(category, "name")])


def google_category(category):
    mapped = GOOGLE_CATEGORIES.get(category.slug)
    if mapped is None and category.parent_id:
        mapped = GOOGLE_CATEGORIES.get(category.parent.slug)
    return mapped or ""


@dataclass(frozen=True)
class FeedItem:
    id: str
    title: str
    description: str
    link: str
    image_link: str
    price: int
    availability: str  # our value (ProductPage.Availability), mapped by each format
    in_stock: bool
    availability_date: str  # ISO 8601 for pre-order and made to order, else ""
    brand: str
    google_product_category: str
    product_type: str

    @property
    def google_availability(self):
        if not self.in_stock:
            return "out_of_stock"
        return GOOGLE_AVAILABILITY.get(self.availability, "in_stock")

    @property
    def meta_availability(self):
        if not self.in_stock:
            return "out of stock"
        return META_AVAILABILITY.get(self.availability, "in stock")


def available_on(product, now):
    if product.availability == ProductPage.Availability.READY:
        return ""
    day = timezone.localtime(now) + datetime.timedelta(days=product.lead_time_days or 0)
    return day.replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M%z")


class FeedProducts:
    """The visible products of the catalog as feed items, and what was left out."""

    def __init__(self, request):
        self.request = request
        visible = ProductPage.visible()
        self.on_request = visible.filter(price__isnull=True).count()
        self.products = list(
            visible.filter(price__isnull=False)
            .select_related("vendor", "category", "category__parent")
            .prefetch_related(
                Prefetch(
                    "gallery_images",
                    queryset=ProductGalleryImage.objects.select_related("image")
                    .prefetch_related(
                        Prefetch(
                            "image__renditions",
                            queryset=CatalogRendition.objects.filter(filter_spec=IMAGE_SPEC),
                        )
                    )
                    .order_by("sort_order"),
                )
            )
            .order_by("pk")
        )
        self.no_image = sum(1 for product in self.products if not product.gallery_images.all())

    def __iter__(self):
        now = timezone.now()
        for product in self.products:
            photos = product.gallery_images.all()
            if photos:
                yield self.item(product, photos[0].image, now)

    def item(self, product, image, now):
        build = self.request.build_absolute_uri
        return FeedItem(
            id=str(product.pk),
            title=plain_text(translated_value(product, "title"), limit=TITLE_LIMIT),
            description=description_of(product),
            link=product.get_full_url(self.request),
            image_link=build(image.get_rendition(IMAGE_SPEC).url),
            price=product.price,
            availability=product.availability,
            in_stock=product.in_stock,
            availability_date=available_on(product, now),
            brand=plain_text(translated_value(product.vendor, "title"), limit=BRAND_LIMIT),
            google_product_category=google_category(product.category),
            product_type=category_path(product.category),
        )

    @property
    def skipped_headers(self):
        return {
            "X-Feed-Skipped-On-Request": str(self.on_request),
            "X-Feed-Skipped-No-Image": str(self.no_image),
        }
