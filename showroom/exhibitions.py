"""Exhibitions: a permanent showroom display, a temporary theme, an online selection, a trade
fair stand (INACRAFT, Trade Expo Indonesia) or the regional Ciayumajakuning expo.

An exhibition is a page under /pameran/ with curated items (product, curator's note, booth or
shelf code) in the curators' order; the IKM taking part follow from the items. Owners may ask
to join an exhibition that is open to requests (ExhibitionJoinRequest); a curator accepts,
which adds their products as items, or declines.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
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

from catalog.models import ProductPage, VendorPage
from catalog.models.pages import BasePage
from catalog.translation import translated_value
from showroom.chooser import ProductChooserWidget
from showroom.index_pages import IndexPage

IMAGE_MODEL = settings.WAGTAILIMAGES_IMAGE_MODEL
RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ExhibitionIndexPage(IndexPage):
    """/pameran/: current, upcoming and past exhibitions."""

    subpage_types = ["showroom.ExhibitionPage"]

    class Meta:
        verbose_name = _("daftar pameran")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exhibitions = ExhibitionPage.listing(ExhibitionPage.objects.child_of(self).live().public())
        context.update(ExhibitionPage.by_status(exhibitions))
        return context


class ExhibitionPage(BasePage):
    """One exhibition: what, when, where, and the products a curator chose for it."""

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Pameran tetap")
        TEMPORARY = "temporary", _("Pameran temporer")
        ONLINE = "online", _("Pameran online")
        TRADE_FAIR = "trade_fair", _("Pameran dagang (INACRAFT, Trade Expo Indonesia)")
        REGIONAL = "regional", _("Expo regional Ciayumajakuning")

    class Status(models.TextChoices):
        CURRENT = "current", _("Sedang berlangsung")
        UPCOMING = "upcoming", _("Akan datang")
        PAST = "past", _("Sudah berakhir")

    theme = models.CharField(_("tema"), max_length=200, blank=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.TEMPORARY)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(
        _("selesai"), null=True, blank=True, help_text=_("Kosongkan untuk pameran tetap.")
    )
    venue = models.ForeignKey(
        "showroom.ShowroomPage",
        verbose_name=_("showroom"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exhibitions",
    )
    venue_text = models.CharField(
        _("tempat lain"),
        max_length=200,
        blank=True,
        help_text=_("Bila bukan di showroom kita, misalnya 'JCC Senayan, Jakarta'."),
    )
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("deskripsi"), blank=True, features=RICH_FEATURES)
    open_for_requests = models.BooleanField(
        _("terbuka untuk pendaftaran IKM"),
        default=False,
        help_text=_("IKM boleh mengajukan produknya untuk ikut pameran ini."),
    )
    # English twins (catalog/translation.py): shown on /en/ where they have text.
    title_en = models.CharField(_("judul (Inggris)"), max_length=255, blank=True)
    theme_en = models.CharField(_("tema (Inggris)"), max_length=200, blank=True)
    venue_text_en = models.CharField(_("tempat lain (Inggris)"), max_length=200, blank=True)
    description_en = RichTextField(_("deskripsi (Inggris)"), blank=True, features=RICH_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("starts_on"), FieldPanel("ends_on")]),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("venue_text")], heading=_("Tempat")),
        FieldPanel("hero_image"),
        FieldPanel("description"),
        FieldPanel("open_for_requests"),
        InlinePanel("items", label=_("produk pilihan")),
    ]
    english_panels = [
        FieldPanel("title_en"),
        FieldPanel("listing_summary_en"),
        FieldPanel("theme_en"),
        FieldPanel("venue_text_en"),
        FieldPanel("description_en"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Pameran")),
            ObjectList(english_panels, heading=_("English")),
            ObjectList(BasePage.promote_panels, heading=_("Promosi")),
        ]
    )

    parent_page_types = ["showroom.ExhibitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pameran")
        verbose_name_plural = _("pameran")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Tanggal selesai harus sesudah tanggal mulai.")})

    # -- when ------------------------------------------------------------------------------

    @staticmethod
    def current_q(day):
        return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))

    @classmethod
    def current(cls, day=None):
        """Live exhibitions running on `day` (today)."""
        day = day or timezone.localdate()
        return cls.objects.live().public().filter(cls.current_q(day))

    def status(self, day=None):
        day = day or timezone.localdate()
        if self.starts_on > day:
            return self.Status.UPCOMING
        if self.ends_on is not None and self.ends_on < day:
            return self.Status.PAST
        return self.Status.CURRENT

    @property
    def status_display(self):
        return self.Status(self.status()).label

    @classmethod
    def by_status(cls, exhibitions, day=None):
        """Exhibitions grouped as current, upcoming and past: soonest first, latest past first."""
        day = day or timezone.localdate()
        groups = {status.value: [] for status in cls.Status}
        for exhibition in exhibitions:
            groups[exhibition.status(day)].append(exhibition)
        groups["current"].sort(key=lambda e: (e.ends_on is None, e.ends_on or e.starts_on))
        groups["upcoming"].sort(key=lambda e: e.starts_on)
        groups["past"].sort(key=lambda e: e.ends_on, reverse=True)
        return groups

    @classmethod
    def listing(cls, queryset):
        return queryset.select_related("venue", "hero_image").prefetch_related(
            "hero_image__renditions"
        )

    @property
    def place(self):
        """Where it is, in the reader's language (a venue or place may have an English name)."""
        if self.venue_id:
            return translated_value(self.venue, "title")
        return translated_value(self, "venue_text")

    def is_open_for_requests(self, day=None):
        return self.live and self.open_for_requests and self.status(day) != self.Status.PAST

    # -- what ------------------------------------------------------------------------------

    def visible_items(self):
        """Items whose products buyers may see, in the curator's order, cards preloaded."""
        items = list(
            self.items.filter(product__in=ProductPage.visible()).order_by("sort_order", "pk")
        )
        products = {
            p.pk: p
            for p in ProductPage.listing(
                ProductPage.objects.filter(pk__in=[item.product_id for item in items])
            )
        }
        for item in items:
            item.product = products[item.product_id]
        return items

    def participants(self):
        """The IKM taking part: those whose visible products are among the items."""
        return (
            VendorPage.objects.live()
            .public()
            .filter(products__exhibition_items__page=self, products__live=True)
            .select_related("region")
            .distinct()
            .order_by("title")
        )

    def get_meta_description(self):
        return super().get_meta_description() or translated_value(self, "theme")

    def get_og_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.visible_items()
        context["participants"] = self.participants()
        return context

    def structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "ExhibitionEvent",
            "name": translated_value(self, "title"),
            "url": self.get_full_url(request),
            "startDate": self.starts_on.isoformat(),
            "description": self.get_meta_description(),
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
            if self.kind == self.Kind.ONLINE
            else "https://schema.org/OfflineEventAttendanceMode",
        }
        if self.ends_on:
            data["endDate"] = self.ends_on.isoformat()
        if self.place:
            data["location"] = {"@type": "Place", "name": self.place}
            if self.venue_id:
                data["location"]["address"] = self.venue.address
        return {k: v for k, v in data.items() if v}


class ExhibitionItem(Orderable):
    """A product in an exhibition, with the curator's note and where it stands."""

    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(
        ProductPage,
        verbose_name=_("produk"),
        on_delete=models.CASCADE,
        related_name="exhibition_items",
    )
    note = models.TextField(_("catatan kurator"), blank=True)
    booth_code = models.CharField(_("stan atau rak"), max_length=20, blank=True)

    panels = [
        FieldPanel("product", widget=ProductChooserWidget),
        FieldPanel("booth_code"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("produk pameran")
        verbose_name_plural = _("produk pameran")

    def __str__(self):
        return str(self.product)


class ExhibitionJoinRequest(models.Model):
    """An IKM owner's request to show some of their products in an exhibition."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        ACCEPTED = "accepted", _("Diterima")
        DECLINED = "declined", _("Ditolak")

    exhibition = models.ForeignKey(
        ExhibitionPage,
        verbose_name=_("pameran"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    vendor = models.ForeignKey(
        VendorPage, verbose_name=_("IKM"), on_delete=models.CASCADE, related_name="+"
    )
    products = models.ManyToManyField(ProductPage, verbose_name=_("produk"), related_name="+")
    message = models.TextField(_("pesan"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)

    class Meta:
        verbose_name = _("pendaftaran pameran")
        verbose_name_plural = _("pendaftaran pameran")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.vendor} → {self.exhibition}"

    @transaction.atomic
    def accept(self, user):
        """Add the requested products to the exhibition (as a new revision, published when the
        exhibition is live) and mark the request accepted. Products already in it are kept once.
        """
        page = self.exhibition.get_latest_revision_as_object()
        items = list(page.items.all())
        present = {item.product_id for item in items}
        order = max((item.sort_order or 0 for item in items), default=-1)
        for product in self.products.order_by("title"):
            if product.pk not in present:
                order += 1
                page.items.add(ExhibitionItem(product=product, sort_order=order))
        revision = page.save_revision(user=user, log_action=True)
        if self.exhibition.live:
            revision.publish(user=user)
        self._decide(self.Status.ACCEPTED, user)

    def decline(self, user):
        self._decide(self.Status.DECLINED, user)

    def _decide(self, status, user):
        self.status = status
        self.decided_by = user
        self.decided_at = timezone.now()
        self.save(update_fields=["status", "decided_by", "decided_at"])
