"""Showroom venues (Galeri IKM, Mall UKM) and what stands on their shelves.

A ShelfPlacement is a row of the venue's page (an InlinePanel), so the curators who may edit a
venue's page, and only they, may place products on its shelves; owners have no rights there.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from catalog.models import ProductPage
from catalog.models.pages import BasePage
from catalog.phone import display_phone, normalise_phone
from catalog.translation import translated_value
from showroom.chooser import ProductChooserWidget
from showroom.index_pages import IndexPage

IMAGE_MODEL = settings.WAGTAILIMAGES_IMAGE_MODEL
OSM_ZOOM = 17


def current_on(day, prefix=""):
    """Rows whose `starts_on`..`ends_on` (ends_on empty: open-ended) include `day`."""
    return Q(**{f"{prefix}starts_on__lte": day}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": day})
    )


class ShowroomIndexPage(IndexPage):
    """/showroom/: the physical places where IKM products can be seen and bought."""

    subpage_types = ["showroom.ShowroomPage"]

    class Meta:
        verbose_name = _("daftar showroom")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["venues"] = (
            ShowroomPage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .prefetch_related("cover_image__renditions")
        )
        return context


class ShowroomPage(BasePage):
    """One venue: where it is, when it is open, how to reach it, and its shelves today."""

    intro = models.TextField(_("pengantar"), blank=True)
    description = RichTextField(
        _("deskripsi"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    cover_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("foto utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("alamat"))
    city = models.CharField(_("kota"), max_length=80, blank=True)
    opening_hours = models.TextField(
        _("jam buka"),
        blank=True,
        help_text=_("Satu baris per hari, misalnya 'Senin–Jumat 08.00–16.00'."),
    )
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    latitude = models.DecimalField(
        _("lintang"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("bujur"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    # English twins (catalog/translation.py): shown on /en/ where they have text.
    title_en = models.CharField(_("judul (Inggris)"), max_length=255, blank=True)
    intro_en = models.TextField(_("pengantar (Inggris)"), blank=True)
    description_en = RichTextField(
        _("deskripsi (Inggris)"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    opening_hours_en = models.TextField(_("jam buka (Inggris)"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        InlinePanel("gallery_images", label=_("foto")),
    ]
    location_panels = [
        FieldPanel("address"),
        FieldPanel("city"),
        FieldPanel("opening_hours"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Koordinat (OpenStreetMap)"),
        ),
    ]
    shelf_panels = [InlinePanel("placements", label=_("produk di rak"))]
    english_panels = [
        FieldPanel("title_en"),
        FieldPanel("listing_summary_en"),
        FieldPanel("intro_en"),
        FieldPanel("description_en"),
        FieldPanel("opening_hours_en"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Showroom")),
            ObjectList(location_panels, heading=_("Lokasi & kontak")),
            ObjectList(shelf_panels, heading=_("Rak")),
            ObjectList(english_panels, heading=_("English")),
            ObjectList(BasePage.promote_panels, heading=_("Promosi")),
        ]
    )

    parent_page_types = ["showroom.ShowroomIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("showroom")
        verbose_name_plural = _("showroom")

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.phone = normalise_phone(self.phone)
        except ValidationError as error:
            errors["phone"] = error.messages
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = [_("Isi lintang dan bujur bersama-sama.")]
        if errors:
            raise ValidationError(errors)

    @property
    def phone_display(self):
        return display_phone(self.phone)

    @property
    def osm_url(self):
        """A link to the spot on openstreetmap.org: no tiles or scripts on our pages."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:.6f}", f"{self.longitude:.6f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={OSM_ZOOM}/{lat}/{lon}"

    @property
    def opening_lines(self):
        """The opening hours, one line a day, in the reader's language."""
        hours = translated_value(self, "opening_hours") or ""
        return [line.strip() for line in hours.splitlines() if line.strip()]

    def get_meta_description(self):
        return super().get_meta_description() or translated_value(self, "intro")

    def get_og_image(self):
        return self.cover_image

    def current_placements(self, day=None):
        """This venue's placements current on `day` (today), with visible products only."""
        day = day or timezone.localdate()
        return (
            self.placements.filter(current_on(day))
            .filter(product__in=ProductPage.visible())
            .order_by("shelf_code", "sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        placements = list(self.current_placements().values_list("product_id", "shelf_code"))
        shelf_of = dict(placements)
        products = ProductPage.listing(ProductPage.objects.filter(pk__in=shelf_of))
        context["shelf_products"] = sorted(products, key=lambda p: (shelf_of[p.pk], p.title))
        context["shelf_of"] = shelf_of
        context["gallery"] = self.gallery_images.select_related("image").prefetch_related(
            "image__renditions"
        )
        return context

    def structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Store",
            "name": translated_value(self, "title"),
            "url": self.get_full_url(request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressLocality": self.city,
                "addressCountry": "ID",
            },
        }
        if self.phone:
            data["telephone"] = self.phone
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": str(self.latitude),
                "longitude": str(self.longitude),
            }
        return data


class ShowroomGalleryImage(Orderable):
    """A photo of the venue: the front, the shelves, an event."""

    page = ParentalKey(ShowroomPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        IMAGE_MODEL, verbose_name=_("gambar"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ShelfPlacement(Orderable):
    """A product on a shelf (or in a zone) of a venue, from one day until another.

    Current while today lies between `starts_on` and `ends_on` (inclusive; no end: until
    removed). The product page says where it can be seen while a placement is current.
    """

    page = ParentalKey(ShowroomPage, on_delete=models.CASCADE, related_name="placements")
    product = models.ForeignKey(
        ProductPage,
        verbose_name=_("produk"),
        on_delete=models.CASCADE,
        related_name="shelf_placements",
    )
    shelf_code = models.CharField(
        _("rak atau zona"), max_length=20, help_text=_("Misalnya 'B3' atau 'Zona Batik'.")
    )
    starts_on = models.DateField(_("mulai"), default=timezone.localdate)
    ends_on = models.DateField(_("sampai"), null=True, blank=True)

    panels = [
        FieldPanel("product", widget=ProductChooserWidget),
        FieldRowPanel([FieldPanel("shelf_code"), FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("penempatan di rak")
        verbose_name_plural = _("penempatan di rak")

    def __str__(self):
        return f"{self.product} @ {self.shelf_code}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Tanggal selesai harus sesudah tanggal mulai.")})

    def is_current(self, day=None):
        day = day or timezone.localdate()
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    @classmethod
    def current_for_product(cls, product, day=None):
        """Where `product` stands today, on live venues: one query."""
        day = day or timezone.localdate()
        return (
            cls.objects.filter(current_on(day), product=product, page__live=True)
            .select_related("page")
            .order_by("page__title", "shelf_code")
        )
