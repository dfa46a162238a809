"""The endpoints: which objects each shows (only what buyers may see) and with which fields.

Every listing shows all its fields (a reuser should not need `?fields=*`), from a queryset that
selects and prefetches everything they read: a fixed number of queries per listing, whatever
the size of the catalog (tests/api/test_api_query_budgets.py).
"""

from django.db.models import Prefetch
from wagtail.api import APIField
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from api import fields as f
from api.fields import Computed
from api.filters import PRODUCT_PARAMETERS, CatalogSearchFilter, SlugFilter
from api.policy import PublicEndpoint
from catalog.models import (
    CatalogRendition,
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    VendorCertificate,
    VendorPage,
)
from catalog.models.pages import live_product_count


def renditions(prefix):
    """Only the renditions the API shows, of the image at `prefix`."""
    return Prefetch(
        f"{prefix}__renditions",
        queryset=CatalogRendition.objects.filter(filter_spec__in=f.RENDITION_SPECS),
    )


def photos(model):
    return Prefetch(
        "gallery_images",
        queryset=model.objects.select_related("image")
        .prefetch_related(renditions("image"))
        .order_by("sort_order", "pk"),
    )


def certificates(model):
    return Prefetch(
        "certificates",
        queryset=model.objects.select_related("certificate_type").order_by("sort_order", "pk"),
    )


class PublicPagesEndpoint(PublicEndpoint, PagesAPIViewSet):
    """A page type's endpoint: the page's own columns plus ids, type, API and public URLs."""

    filter_backends = [SlugFilter]
    meta_fields = ["type", "detail_url", "slug", "first_published_at", "last_published_at"]
    body_fields = [
        "id",
        "title",
        "title_en",
        "listing_summary",
        "listing_summary_en",
        APIField("url", serializer=Computed(f.page_urls)),
    ]

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)  # Wagtail's would drop "locale", not shown here

    def get_queryset(self):
        return self.visible().order_by("pk")

    def get_object(self):
        return BaseAPIViewSet.get_object(self)  # already the specific page, fully prefetched


class ProductsEndpoint(PublicPagesEndpoint):
    """Live, public products of live IKM, filtered and searched by the search service."""

    name = "products"
    model = ProductPage
    filter_backends = [CatalogSearchFilter]
    filter_parameters = frozenset(PRODUCT_PARAMETERS)
    body_fields = [
        *PublicPagesEndpoint.body_fields,
        "sku",
        "summary",
        "summary_en",
        "description",
        "description_en",
        APIField("ikm", serializer=Computed(lambda p, r: f.page_ref(p.vendor, r))),
        APIField("category", serializer=Computed(lambda p, r: f.category_ref(p.category, r))),
        APIField("region", serializer=Computed(lambda p, r: f.region_ref(p.vendor.region, r))),
        APIField("sentra", serializer=Computed(lambda p, r: f.sentra_ref(p.vendor.sentra, r))),
        APIField("price", serializer=Computed(f.price)),
        "min_order",
        APIField("availability", serializer=Computed(f.availability)),
        APIField("materials", serializer=Computed(f.materials)),
        "length_cm",
        "width_cm",
        "height_cm",
        "weight_grams",
        "hs_code",
        APIField("images", serializer=Computed(f.gallery)),
        APIField("certificates", serializer=Computed(f.certificates)),
    ]

    @staticmethod
    def visible():
        return (
            ProductPage.visible()
            .select_related("vendor__region", "vendor__sentra", "category__parent")
            .prefetch_related(
                photos(ProductGalleryImage), certificates(ProductCertificate), "materials"
            )
        )


class VendorsEndpoint(PublicPagesEndpoint):
    """Live, public IKM profiles; `?region=` and `?sentra=` by slug."""

    name = "ikm"
    model = VendorPage
    filter_parameters = frozenset({"region", "sentra"})
    slug_filters = {"region": "region__slug", "sentra": "sentra__slug"}
    body_fields = [
        *PublicPagesEndpoint.body_fields,
        "story",
        "story_en",
        APIField("region", serializer=Computed(lambda v, r: f.region_ref(v.region, r))),
        APIField("sentra", serializer=Computed(lambda v, r: f.sentra_ref(v.sentra, r))),
        APIField("contact", serializer=Computed(f.contact)),
        "nib",
        "siinas",
        "year_founded",
        "workforce",
        "monthly_capacity",
        "monthly_capacity_en",
        "export_ready",
        "sells_online",
        APIField("product_count", serializer=Computed(lambda v, r: v.product_count)),
        APIField(
            "logo", serializer=Computed(lambda v, r: f.image(v.logo, r, {"url": f.LOGO_SPEC}))
        ),
        APIField(
            "cover_image",
            serializer=Computed(lambda v, r: f.image(v.cover_image, r, {"url": f.COVER_SPEC})),
        ),
        APIField("images", serializer=Computed(f.gallery)),
        APIField("certificates", serializer=Computed(f.certificates)),
    ]

    @staticmethod
    def visible():
        return (
            VendorPage.objects.live()
            .public()
            .select_related("region", "sentra", "logo", "cover_image")
            .prefetch_related(
                renditions("logo"),
                renditions("cover_image"),
                photos(VendorPage.gallery_images.rel.related_model),
                certificates(VendorCertificate),
            )
            .annotate(product_count=live_product_count())
        )
