"""Exhibitions and venues: live, public pages, with the products buyers may see in them."""

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.api import APIField

from api import fields as f
from api.endpoints import PublicPagesEndpoint, photos, renditions
from api.fields import Computed
from api.filters import SlugFilter
from catalog.models import ProductPage
from showroom.exhibitions import ExhibitionItem, ExhibitionPage
from showroom.venues import ShelfPlacement, ShowroomGalleryImage, ShowroomPage, current_on

STATUSES = {status.value for status in ExhibitionPage.Status}


def product_ref(product_id, request):
    return {"id": product_id, "detail_url": f.detail_url(request, ProductPage(pk=product_id))}


def exhibition_items(exhibition, request):
    return [
        {
            "product": product_ref(item.product_id, request),
            "booth_code": item.booth_code,
            "note": item.note,
        }
        for item in exhibition.items.all()
    ]


def shelf_items(venue, request):
    return [
        {"product": product_ref(item.product_id, request), "shelf_code": item.shelf_code}
        for item in venue.placements.all()
    ]


def status_q(status, day):
    if status == ExhibitionPage.Status.UPCOMING:
        return Q(starts_on__gt=day)
    if status == ExhibitionPage.Status.PAST:
        return Q(ends_on__lt=day)
    return ExhibitionPage.current_q(day)


class ExhibitionsEndpoint(PublicPagesEndpoint):
    """`?status=current|upcoming|past`, `?venue=<venue slug>`."""

    name = "exhibitions"
    model = ExhibitionPage
    filter_parameters = frozenset({"status", "venue"})
    slug_filters = {"venue": "venue__slug"}
    body_fields = [
        *PublicPagesEndpoint.body_fields,
        "theme",
        "theme_en",
        "kind",
        "starts_on",
        "ends_on",
        APIField("status", serializer=Computed(lambda e, r: e.status())),
        APIField("venue", serializer=Computed(lambda e, r: f.page_ref(e.venue, r))),
        "venue_text",
        "venue_text_en",
        "description",
        "description_en",
        "open_for_requests",
        APIField("hero_image", serializer=Computed(lambda e, r: f.image(e.hero_image, r))),
        APIField("items", serializer=Computed(exhibition_items)),
    ]

    def get_queryset(self):
        queryset = super().get_queryset()
        status = self.request.GET.get("status", "").strip()
        if status in STATUSES:
            queryset = queryset.filter(status_q(status, timezone.localdate()))
        elif status:
            queryset = queryset.none()
        return queryset

    @staticmethod
    def visible():
        items = ExhibitionItem.objects.filter(product__in=ProductPage.visible()).order_by(
            "sort_order", "pk"
        )
        return (
            ExhibitionPage.objects.live()
            .public()
            .select_related("venue", "hero_image")
            .prefetch_related(renditions("hero_image"), Prefetch("items", queryset=items))
        )


class VenuesEndpoint(PublicPagesEndpoint):
    """Showrooms (Galeri IKM, Mall UKM) with the products on their shelves today."""

    name = "venues"
    model = ShowroomPage
    filter_backends = [SlugFilter]
    body_fields = [
        *PublicPagesEndpoint.body_fields,
        "intro",
        "intro_en",
        "description",
        "description_en",
        "address",
        "city",
        "opening_hours",
        "opening_hours_en",
        "phone",
        "latitude",
        "longitude",
        APIField("osm_url", serializer=Computed(lambda v, r: v.osm_url)),
        APIField("cover_image", serializer=Computed(lambda v, r: f.image(v.cover_image, r))),
        APIField("images", serializer=Computed(f.gallery)),
        APIField("shelves", serializer=Computed(shelf_items)),
    ]

    @staticmethod
    def visible():
        placements = (
            ShelfPlacement.objects.filter(current_on(timezone.localdate()))
            .filter(product__in=ProductPage.visible())
            .order_by("shelf_code", "sort_order")
        )
        return (
            ShowroomPage.objects.live()
            .public()
            .select_related("cover_image")
            .prefetch_related(
                renditions("cover_image"),
                photos(ShowroomGalleryImage),
                Prefetch("placements", queryset=placements),
            )
        )
