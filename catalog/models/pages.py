"""The catalog's pages: the catalog listing, the IKM directory, IKM profiles and products.

Products live under their IKM's page so that Wagtail's own page permissions can give each
IKM's group edit rights over exactly its own subtree (see DESIGN.md).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from catalog.blocks import BodyBlock
from catalog.cards import cards_for
from catalog.forms import CertificateForm, ProductPageForm
from catalog.models.search_text import (
    MAKER_BOOST,
    TAXONOMY_BOOST,
    TEXT_BOOST,
    TITLE_BOOST,
    ProductSearchText,
)
from catalog.models.shipping import ShippingFacts
from catalog.models.snippets import Category, Unit
from catalog.money import format_rupiah
from catalog.panels import PermissionedInlinePanel
from catalog.phone import display_phone, normalise_phone, normalise_whatsapp, whatsapp_digits
from catalog.rupiah import RupiahField
from catalog.translation import ENGLISH, translated, translated_value
from catalog.units import UnitSelect
from pagecache import tags as cache_tags

IMAGE_MODEL = settings.WAGTAILIMAGES_IMAGE_MODEL


ENGLISH_HELP = _(
    "Opsional. Pembeli yang membuka situs dalam bahasa Inggris melihat teks ini; bila kosong, "
    "mereka melihat teks bahasa Indonesia."
)


def live_product_count():
    """Each IKM's live products, counted by a correlated subquery: a join with GROUP BY over
    the cards' many selected columns took half a second on 500 IKM with 10,000 products."""
    counted = (
        ProductPage.objects.filter(vendor=OuterRef("pk"), live=True)
        .order_by()
        .values("vendor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def card_renditions():
    """Only the card sizes of each photo: a listing of 24 cards would otherwise load every
    rendition of every photo (gallery, share and thumbnail sizes too) for nothing."""
    from catalog.models.images import CatalogRendition
    from catalog.renditions import CARD

    return Prefetch(
        "image__renditions", queryset=CatalogRendition.objects.filter(filter_spec__in=CARD)
    )


class BasePage(Page):
    """Fields every public page shares: a listing image and summary for cards, SEO and sharing.

    `title_en` and `listing_summary_en` are the optional English twins (catalog/translation.py):
    one page serves both languages, so permissions, moderation and search stay single.
    """

    listing_summary = models.CharField(
        _("ringkasan"),
        max_length=300,
        blank=True,
        help_text=_("Satu atau dua kalimat untuk kartu, hasil pencarian dan pratinjau tautan."),
    )
    title_en = models.CharField(
        _("judul (bahasa Inggris)"), max_length=255, blank=True, help_text=ENGLISH_HELP
    )
    listing_summary_en = models.CharField(
        _("ringkasan (bahasa Inggris)"), max_length=300, blank=True, help_text=ENGLISH_HELP
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("listing_summary"),
    ]
    english_panels = [FieldPanel("title_en"), FieldPanel("listing_summary_en")]

    class Meta:
        abstract = True

    @classmethod
    def english_panel(cls, *panels):
        """The English twins (and a page type's own, `panels`) as one panel, for page types
        without an English tab."""
        return MultiFieldPanel([*cls.english_panels, *panels], heading=_("Bahasa Inggris"))

    def get_meta_description(self):
        summary = translated(self, "listing_summary")
        if summary.language == ENGLISH:
            return summary.value
        return self.search_description or self.listing_summary

    def get_og_image(self):
        return None

    def cache_tags(self):
        """What this page shows besides its cards and search answers (pagecache/tags.py)."""
        return [cache_tags.page(self.pk)]

    def cache_purge_tags(self):
        """What a change to this page retires besides its own tags (pagecache/purge.py)."""
        return []

    def get_view_restrictions(self):
        """None to query for a page reached by a cached route (pagecache/routes.py)."""
        from pagecache.routes import is_unrestricted

        if is_unrestricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        crumbs = breadcrumbs_for(self)
        cache_tags.add(*(cache_tags.title(crumb.pk) for crumb in crumbs[:-1]))
        context["crumbs"] = crumbs
        context["breadcrumb_data"] = breadcrumb_list(crumbs, request)
        if hasattr(self, "structured_data"):
            context["structured_data"] = self.structured_data(request)
        return context


class CertificateBase(Orderable):
    """A certificate or licence held by an IKM or for a product.

    Only curators may set `verified`: the field is shown and accepted only for users with
    `catalog.verify_certificate`.
    """

    certificate_type = models.ForeignKey(
        "catalog.CertificateType",
        verbose_name=_("jenis"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField(_("nomor"), max_length=80)
    issued_on = models.DateField(_("tanggal terbit"))
    expires_on = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila sertifikat tidak punya masa berlaku."),
    )
    verified = models.BooleanField(_("terverifikasi"), default=False)

    base_form_class = CertificateForm
    panels = [
        FieldPanel("certificate_type"),
        FieldPanel("number"),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("expires_on")]),
        FieldPanel("verified", permission="catalog.verify_certificate"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.certificate_type} {self.number}"

    def clean(self):
        super().clean()
        if self.issued_on and self.expires_on and self.expires_on < self.issued_on:
            raise ValidationError(
                {"expires_on": _("Tanggal berlaku harus sesudah tanggal terbit.")}
            )
        if self.issued_on and self.issued_on > timezone.localdate():
            raise ValidationError({"issued_on": _("Tanggal terbit tidak boleh di masa depan.")})

    @property
    def is_expired(self):
        return bool(self.expires_on and self.expires_on < timezone.localdate())

    @property
    def is_valid(self):
        """Verified by a curator and not expired: what buyers may rely on."""
        return self.verified and not self.is_expired


class VendorPage(ShippingFacts, BasePage):
    """An IKM's profile: who they are, where, how to reach them, and their products below."""

    owner_names = models.CharField(
        _("nama pemilik"),
        max_length=200,
        blank=True,
        help_text=_("Ditampilkan di profil, misalnya 'Ibu Siti Aminah'."),
    )
    story = RichTextField(
        _("cerita usaha"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    logo = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("foto sampul"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "catalog.Region",
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        related_name="vendors",
    )
    sentra = models.ForeignKey(
        "catalog.Sentra",
        verbose_name=_("sentra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vendors",
    )
    address = models.TextField(_("alamat"), blank=True)
    postal_code = models.CharField(
        _("kode pos"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Kode pos terdiri dari 5 angka."))],
    )
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    whatsapp = models.CharField(
        _("WhatsApp"),
        max_length=20,
        blank=True,
        help_text=_("Nomor seluler, misalnya 0812 3456 7890 atau +62 812 3456 7890."),
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    marketplace_url = models.URLField(
        _("toko online"), blank=True, help_text=_("Tokopedia, Shopee atau toko online lain.")
    )
    nib = models.CharField(
        _("NIB"),
        max_length=13,
        blank=True,
        validators=[RegexValidator(r"^\d{13}$", _("NIB terdiri dari 13 angka."))],
        help_text=_("Nomor Induk Berusaha dari OSS."),
    )
    siinas = models.CharField(_("nomor SIINas"), max_length=30, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("tahun berdiri"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    workforce = models.PositiveIntegerField(_("jumlah tenaga kerja"), null=True, blank=True)
    monthly_capacity = models.CharField(
        _("kapasitas produksi per bulan"),
        max_length=120,
        blank=True,
        help_text=_("Misalnya '500 lembar' atau '2 ton'."),
    )
    export_ready = models.BooleanField(_("siap ekspor"), default=False)
    sells_online = models.BooleanField(
        _("jual online"),
        default=False,
        help_text=_(
            "Pembeli dapat membeli dan membayar online produk stok tersedia yang sudah "
            "diberi harga (jika pembayaran online aktif di situs ini)."
        ),
    )
    story_en = RichTextField(
        _("cerita usaha (bahasa Inggris)"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=ENGLISH_HELP,
    )
    monthly_capacity_en = models.CharField(
        _("kapasitas produksi per bulan (bahasa Inggris)"),
        max_length=120,
        blank=True,
        help_text=_("Misalnya '500 pieces' atau '2 tonnes'."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("owner_names"),
        FieldPanel("story"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("cover_image")], heading=_("Foto")),
        InlinePanel("gallery_images", label=_("galeri")),
    ]
    location_panels = [
        FieldRowPanel([FieldPanel("region"), FieldPanel("sentra")]),
        FieldPanel("address"),
        FieldPanel("postal_code"),
    ]
    contact_panels = [
        FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp")]),
        FieldPanel("email"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("instagram"),
                FieldPanel("facebook"),
                FieldPanel("tiktok"),
                FieldPanel("marketplace_url"),
            ],
            heading=_("Tautan"),
        ),
    ]
    business_panels = [
        FieldRowPanel([FieldPanel("nib"), FieldPanel("siinas")]),
        FieldRowPanel([FieldPanel("year_founded"), FieldPanel("workforce")]),
        FieldPanel("monthly_capacity"),
        FieldPanel("sells_online"),
        PermissionedInlinePanel("certificates", label=_("sertifikat")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profil")),
            ObjectList(location_panels, heading=_("Lokasi")),
            ObjectList(contact_panels, heading=_("Kontak")),
            ObjectList(business_panels, heading=_("Usaha & sertifikat")),
            ObjectList(ShippingFacts.shipping_panels, heading=_("Pengiriman & ekspor")),
            ObjectList(
                [
                    *BasePage.english_panels,
                    FieldPanel("story_en"),
                    FieldPanel("monthly_capacity_en"),
                    *ShippingFacts.shipping_english_panels,
                ],
                heading=_("Bahasa Inggris"),
            ),
            ObjectList(BasePage.promote_panels, heading=_("Promosi")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("story"),
        index.SearchField("owner_names"),
        index.SearchField("title_en"),
        index.SearchField("story_en"),
        index.FilterField("region"),
        index.FilterField("export_ready"),
    ]

    parent_page_types = ["showroom.VendorIndexPage"]
    subpage_types = ["catalog.ProductPage"]

    class Meta:
        verbose_name = _("profil IKM")
        verbose_name_plural = _("profil IKM")

    def clean(self):
        super().clean()
        errors = {}
        for field, normaliser in (("phone", normalise_phone), ("whatsapp", normalise_whatsapp)):
            try:
                setattr(self, field, normaliser(getattr(self, field)))
            except ValidationError as error:
                errors[field] = error.messages
        if self.sentra_id and self.region_id and self.sentra.region_id != self.region_id:
            errors["sentra"] = [_("Sentra ini berada di wilayah lain.")]
        if self.year_founded and self.year_founded > timezone.localdate().year:
            errors["year_founded"] = [_("Tahun berdiri tidak boleh di masa depan.")]
        errors.update(self.clean_shipping())
        if errors:
            raise ValidationError(errors)

    @classmethod
    def listing(cls, queryset):
        """Directory cards in a fixed number of queries, whatever the number of IKM."""
        return (
            queryset.select_related("region", "sentra", "logo", "cover_image")
            .prefetch_related("logo__renditions", "cover_image__renditions")
            .annotate(product_count=live_product_count())
            .order_by("title")
        )

    @property
    def phone_display(self):
        return display_phone(self.phone)

    @property
    def whatsapp_display(self):
        return display_phone(self.whatsapp)

    def whatsapp_link(self, text=""):
        from urllib.parse import quote

        if not self.whatsapp:
            return ""
        link = f"https://wa.me/{whatsapp_digits(self.whatsapp)}"
        return f"{link}?text={quote(text)}" if text else link

    def cache_tags(self):
        # Its page lists its products; their cards carry their own tags.
        return [cache_tags.page(self.pk), cache_tags.children(self.pk)]

    def cache_purge_tags(self):
        return [cache_tags.VENDORS]

    def get_og_image(self):
        return self.cover_image or self.logo

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cards come from the card cache where they can; only the others load their product.
        own = ProductPage.visible().filter(vendor=self).order_by("-first_published_at", "-pk")
        context["products"] = cards_for(own.values_list("pk", flat=True))
        context["certificates"] = self.certificates.select_related("certificate_type")
        context["gallery"] = self.gallery_images.select_related("image").prefetch_related(
            "image__renditions"
        )
        return context

    def structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "LocalBusiness",
            "@id": self.get_full_url(request) + "#ikm",
            "name": translated_value(self, "title"),
            "url": self.get_full_url(request),
            "description": self.get_meta_description(),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressLocality": self.region.name,
                "addressRegion": self.region.province,
                "postalCode": self.postal_code,
                "addressCountry": "ID",
            },
        }
        if self.phone or self.whatsapp:
            data["telephone"] = self.phone or self.whatsapp
        if self.email:
            data["email"] = self.email
        if self.year_founded:
            data["foundingDate"] = str(self.year_founded)
        same_as = [u for u in (self.website, self.instagram, self.facebook, self.tiktok) if u]
        if same_as:
            data["sameAs"] = same_as
        image = self.get_og_image()
        if image:
            data["image"] = request.build_absolute_uri(image.get_rendition("fill-1200x630").url)
        if self.logo:
            data["logo"] = request.build_absolute_uri(self.logo.get_rendition("max-400x400").url)
        return {k: v for k, v in data.items() if v not in ("", None)}


class VendorGalleryImage(Orderable):
    """A photo of the workshop, the people or the process, on an IKM's profile."""

    page = ParentalKey(VendorPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        IMAGE_MODEL, verbose_name=_("gambar"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class VendorCertificate(CertificateBase):
    """A certificate held by the IKM itself (NIB-linked licences, SNI, HKI/Merek, ...)."""

    page = ParentalKey(VendorPage, on_delete=models.CASCADE, related_name="certificates")


def dimension_field(label):
    """A product dimension in centimetres, to one decimal, optional and never negative."""
    return models.DecimalField(
        label,
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


class ProductTag(TaggedItemBase):
    content_object = ParentalKey(
        "catalog.ProductPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProductPage(ProductSearchText, BasePage):
    """One product of one IKM: what it is, what it costs, how to get it, what proves its quality."""

    class Availability(models.TextChoices):
        READY = "ready", _("Stok tersedia")
        PREORDER = "preorder", _("Pre-order")
        MADE_TO_ORDER = "made_to_order", _("Dibuat sesuai pesanan")

    vendor = models.ForeignKey(
        VendorPage,
        verbose_name=_("IKM"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="products",
        help_text="Denormalised from the parent page so listings filter without tree joins.",
    )
    sku = models.CharField(
        _("SKU"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9._-]+$",
                _("SKU hanya huruf, angka, titik, garis bawah dan tanda hubung."),
            )
        ],
    )
    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)
    description = StreamField(BodyBlock(), verbose_name=_("deskripsi"), blank=True)
    summary_en = models.CharField(
        _("ringkasan (bahasa Inggris)"), max_length=300, blank=True, help_text=ENGLISH_HELP
    )
    description_en = StreamField(
        BodyBlock(),
        verbose_name=_("deskripsi (bahasa Inggris)"),
        blank=True,
        help_text=ENGLISH_HELP,
    )
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        related_name="products",
    )
    materials = ParentalManyToManyField("catalog.Material", verbose_name=_("bahan"), blank=True)
    price = RupiahField(
        _("harga (Rp)"),
        null=True,
        blank=True,
        help_text=_("Misalnya 1.750.000. Kosongkan untuk 'harga atas permintaan'."),
    )
    # A catalog.Unit code: curators keep the list (catalog/models/snippets.py).
    price_unit = models.CharField(_("satuan"), max_length=20, default="pcs")
    min_order = models.PositiveIntegerField(
        _("minimal pemesanan"), default=1, validators=[MinValueValidator(1)]
    )
    availability = models.CharField(
        _("ketersediaan"),
        max_length=20,
        choices=Availability.choices,
        default=Availability.READY,
    )
    stock = models.PositiveIntegerField(_("stok"), null=True, blank=True)
    lead_time_days = models.PositiveSmallIntegerField(
        _("waktu produksi (hari)"), null=True, blank=True
    )
    length_cm = dimension_field(_("panjang (cm)"))
    width_cm = dimension_field(_("lebar (cm)"))
    height_cm = dimension_field(_("tinggi (cm)"))
    weight_grams = models.PositiveIntegerField(_("berat (gram)"), null=True, blank=True)
    hs_code = models.CharField(
        _("kode HS"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{4}(\.?\d{2}){0,3}$",
                _("Kode HS terdiri dari 4 sampai 10 angka, misalnya 5208.52."),
            )
        ],
    )
    tags = ClusterTaggableManager(through=ProductTag, blank=True, verbose_name=_("tag"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("sku"), FieldPanel("category")]),
        FieldPanel("summary"),
        InlinePanel("gallery_images", label=_("foto produk"), min_num=0),
        FieldPanel("description"),
    ]
    commerce_panels = [
        FieldRowPanel(
            [
                FieldPanel("price"),
                FieldPanel("price_unit", widget=UnitSelect),
                FieldPanel("min_order"),
            ]
        ),
        FieldRowPanel(
            [FieldPanel("availability"), FieldPanel("stock"), FieldPanel("lead_time_days")]
        ),
    ]
    spec_panels = [
        FieldPanel("materials"),
        FieldRowPanel([FieldPanel("length_cm"), FieldPanel("width_cm"), FieldPanel("height_cm")]),
        FieldRowPanel([FieldPanel("weight_grams"), FieldPanel("hs_code")]),
        FieldPanel("tags"),
        PermissionedInlinePanel("certificates", label=_("sertifikat produk")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Produk")),
            ObjectList(commerce_panels, heading=_("Harga & stok")),
            ObjectList(spec_panels, heading=_("Spesifikasi")),
            ObjectList(
                [
                    *BasePage.english_panels,
                    FieldPanel("summary_en"),
                    FieldPanel("description_en"),
                ],
                heading=_("Bahasa Inggris"),
            ),
            ObjectList(BasePage.promote_panels, heading=_("Promosi")),
        ]
    )

    search_fields = [
        # Weight tiers: see catalog/models/search_text.py.
        *Page.search_fields,
        index.SearchField("title", boost=TITLE_BOOST),  # replaces Page's
        index.SearchField("search_taxonomy_text", boost=TAXONOMY_BOOST),
        index.SearchField("search_maker_text", boost=MAKER_BOOST),
        index.SearchField("summary", boost=MAKER_BOOST),
        index.SearchField("description", boost=TEXT_BOOST),
        index.SearchField("search_stems", boost=TEXT_BOOST),
        index.AutocompleteField("title"),
        # The English twins: an English query finds English text, and synonyms
        # (rattan -> rotan) find products written only in Indonesian.
        index.SearchField("title_en", boost=TITLE_BOOST),
        index.SearchField("summary_en", boost=MAKER_BOOST),
        index.SearchField("description_en", boost=TEXT_BOOST),
        index.AutocompleteField("title_en"),
        index.FilterField("category"),
        index.FilterField("vendor"),
        index.FilterField("price"),
        index.FilterField("availability"),
    ]

    base_form_class = ProductPageForm
    parent_page_types = ["catalog.VendorPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("produk")
        verbose_name_plural = _("produk")

    def get_price_unit_display(self):
        """The unit's name ("toples"), from the curators' list of units."""
        return Unit.names().get(self.price_unit, self.price_unit)

    def clean(self):
        super().clean()
        errors = {}
        if self.price_unit not in Unit.names():
            errors["price_unit"] = [
                _("Satuan “%(unit)s” tidak dikenal.") % {"unit": self.price_unit}
            ]
        if self.availability == self.Availability.READY and self.stock is None:
            errors["stock"] = [_("Isi jumlah stok untuk produk dengan stok tersedia.")]
        if self.availability != self.Availability.READY and not self.lead_time_days:
            errors["lead_time_days"] = [
                _("Isi waktu produksi untuk produk pre-order atau sesuai pesanan.")
            ]
        if self.sku:
            self.sku = self.sku.upper()
            parent = self.get_parent() if self.path else None
            if parent is not None:
                clash = (
                    ProductPage.objects.child_of(parent)
                    .filter(sku__iexact=self.sku)
                    .exclude(pk=self.pk)
                    .exists()
                )
                if clash:
                    errors["sku"] = [_("SKU ini sudah dipakai produk lain dari IKM ini.")]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.path:
            parent = self.get_parent()
            if parent is not None and parent.specific_class is VendorPage:
                self.vendor_id = parent.pk
        return super().save(*args, **kwargs)

    @classmethod
    def get_indexed_objects(cls):
        """What the search index reads, with the related rows its texts name loaded."""
        return (
            super()
            .get_indexed_objects()
            .select_related("vendor__region", "vendor__sentra", "category__parent")
            .prefetch_related("tags", "materials")
        )

    @classmethod
    def visible(cls):
        """What buyers may see: live, public products of a live IKM.

        Unpublishing an IKM's profile takes its products off the site too (listings, search,
        sitemap, their own URLs), without unpublishing each product.
        """
        return cls.objects.live().public().filter(vendor__live=True)

    @classmethod
    def listing(cls, queryset):
        """Product cards in a fixed number of queries, whatever the size of the catalog."""
        return (
            queryset.select_related("vendor", "vendor__region", "category", "category__parent")
            .prefetch_related(
                Prefetch(
                    "gallery_images",
                    queryset=ProductGalleryImage.objects.select_related("image")
                    .prefetch_related(card_renditions())
                    .order_by("sort_order"),
                )
            )
            .order_by("-first_published_at", "-pk")
        )

    def serve(self, request, *args, **kwargs):
        if self.vendor_id:
            # With what the page shows of them, in one query each (not two).
            self.vendor = VendorPage.objects.select_related("region").get(pk=self.vendor_id)
        if self.category_id:
            self.category = Category.objects.select_related("parent").get(pk=self.category_id)
        if self.vendor_id and not self.vendor.live and not getattr(request, "is_preview", False):
            raise Http404(_("Produk ini tidak tersedia."))
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.vendor_id and not self.vendor.live:
            return []
        return super().get_sitemap_urls(request)

    @cached_property
    def main_image(self):
        items = self.__dict__.get("gallery") or list(self.gallery_images.all())
        return items[0].image if items else None

    @cached_property
    def gallery(self):
        """The photos with their renditions, loaded once for the page, its JSON-LD and image."""
        return list(
            self.gallery_images.select_related("image").prefetch_related("image__renditions")
        )

    def cache_tags(self):
        # It shows its IKM's name, region and contact.
        return cache_tags.product_tags(self)

    def cache_purge_tags(self):
        category = Category.objects.select_related("parent").filter(pk=self.category_id).first()
        return cache_tags.category_line(category)

    def cache_change_tags(self):
        """The listings this save (not yet written) changes: catalog/listing_changes.py."""
        from catalog.listing_changes import product_change_tags

        return product_change_tags(self)

    def get_og_image(self):
        return self.main_image

    @property
    def price_display(self):
        if self.price is None:
            return _("Harga atas permintaan")
        return format_rupiah(self.price)

    @property
    def in_stock(self):
        return self.availability != self.Availability.READY or bool(self.stock)

    @property
    def availability_display(self):
        if not self.in_stock:
            return _("Stok habis")
        return self.get_availability_display()

    @property
    def has_dimensions(self):
        return any((self.length_cm, self.width_cm, self.height_cm))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["vendor"] = self.vendor
        context["gallery"] = self.gallery
        context["certificates"] = self.certificates.select_related("certificate_type")
        context["materials"] = self.materials.all()
        related = ProductPage.visible().filter(category=self.category_id).exclude(pk=self.pk)
        ids = related.order_by("-first_published_at", "-pk").values_list("pk", flat=True)[:4]
        context["related"] = cards_for(ids)
        return context

    def schema_availability(self):
        if self.availability == self.Availability.PREORDER:
            return "https://schema.org/PreOrder"
        if self.availability == self.Availability.MADE_TO_ORDER:
            return "https://schema.org/MadeToOrder"
        return "https://schema.org/InStock" if self.in_stock else "https://schema.org/OutOfStock"

    def structured_data(self, request):
        url = self.get_full_url(request)
        images = [
            request.build_absolute_uri(item.image.get_rendition("fill-1200x900").url)
            for item in self.gallery
        ]
        data = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": translated_value(self, "title"),
            "url": url,
            "description": self.get_meta_description() or translated_value(self, "summary"),
            "category": str(self.category),
        }
        if images:
            data["image"] = images
        if self.sku:
            data["sku"] = self.sku
        if self.vendor:
            vendor_name = translated_value(self.vendor, "title")
            data["brand"] = {"@type": "Brand", "name": vendor_name}
            data["manufacturer"] = {
                "@type": "Organization",
                "name": vendor_name,
                "url": self.vendor.get_full_url(request),
            }
        if self.price is not None:
            data["offers"] = {
                "@type": "Offer",
                "url": url,
                "price": str(self.price),
                "priceCurrency": "IDR",
                "availability": self.schema_availability(),
                "itemCondition": "https://schema.org/NewCondition",
                "eligibleQuantity": {
                    "@type": "QuantitativeValue",
                    "minValue": self.min_order,
                    "unitText": self.price_unit,
                },
                "seller": {"@type": "Organization", "name": translated_value(self.vendor, "title")}
                if self.vendor
                else None,
            }
            data["offers"] = {k: v for k, v in data["offers"].items() if v is not None}
        if self.weight_grams:
            data["weight"] = {
                "@type": "QuantitativeValue",
                "value": self.weight_grams,
                "unitCode": "GRM",
            }
        return data


class ProductGalleryImage(Orderable):
    """One photo of a product; the first is the product's main image."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        IMAGE_MODEL, verbose_name=_("gambar"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ProductCertificate(CertificateBase):
    """A certificate for one product: Halal, P-IRT, BPOM, SNI, TKDN."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="certificates")


def breadcrumbs_for(page):
    """The live ancestors of a page below the root, then the page itself."""
    return [*page.get_ancestors().live().filter(depth__gt=1), page]


def breadcrumb_list(crumbs, request):
    """schema.org BreadcrumbList for a trail of pages."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": translated_value(crumb, "title"),
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
