"""A buyer's need (Kebutuhan), its private spec files and the IKM matched to it."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from inquiries.models import private_storage


def spec_path(instance, filename):
    """A random name: the uploader's file name is kept only in `original_name`."""
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"sourcing/specs/{uuid.uuid4().hex}.{extension}"


class SourcingRequest(models.Model):
    class Visibility(models.TextChoices):
        OPEN = "open", _("Terbuka")
        INVITED = "invited", _("Undangan")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        OPEN = "open", _("Dibuka")
        CLOSED = "closed", _("Ditutup")
        AWARDED = "awarded", _("Dimenangkan")
        CANCELLED = "cancelled", _("Dibatalkan")

    company = models.ForeignKey(
        "sourcing.BuyerCompany",
        verbose_name=_("perusahaan"),
        on_delete=models.CASCADE,
        related_name="requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    description = models.TextField(_("deskripsi"))
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capabilities = models.ManyToManyField(
        "sourcing.Capability", verbose_name=_("kemampuan"), blank=True, related_name="requests"
    )
    quantity = models.DecimalField(
        _("jumlah"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("satuan"), max_length=30)
    requires_sni = models.BooleanField(_("wajib SNI"), default=False)
    requires_iso9001 = models.BooleanField(_("wajib ISO 9001"), default=False)
    requires_halal = models.BooleanField(_("wajib halal"), default=False)
    tkdn_min_percent = models.PositiveSmallIntegerField(
        _("TKDN minimal (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    delivery_region = models.ForeignKey(
        "catalog.Region",
        verbose_name=_("wilayah pengiriman"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    delivery_place = models.CharField(_("tempat pengiriman"), max_length=200, blank=True)
    delivery_date = models.DateField(_("tanggal pengiriman"), null=True, blank=True)
    quote_deadline = models.DateTimeField(_("batas penawaran"))
    visibility = models.CharField(
        _("visibilitas"), max_length=10, choices=Visibility.choices, default=Visibility.OPEN
    )
    invited_vendors = models.ManyToManyField(
        "catalog.VendorPage", verbose_name=_("IKM undangan"), blank=True, related_name="+"
    )
    show_buyer_name = models.BooleanField(_("tampilkan nama pembeli"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("kebutuhan industri")
        verbose_name_plural = _("kebutuhan industri")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "visibility", "quote_deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tkdn_min_percent__isnull=True)
                | models.Q(tkdn_min_percent__lte=100),
                name="sourcing_request_tkdn_percent",
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="sourcing_request_quantity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.title)[:200] or "kebutuhan"
            self.slug = f"{base}-{uuid.uuid4().hex[:6]}"
        super().save(*args, **kwargs)


class SpecAttachment(models.Model):
    request = models.ForeignKey(
        SourcingRequest,
        verbose_name=_("kebutuhan"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("berkas"), upload_to=spec_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("nama asli"), max_length=200)
    content_type = models.CharField(_("jenis isi"), max_length=100)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    created_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran spesifikasi")
        verbose_name_plural = _("lampiran spesifikasi")

    def __str__(self):
        return self.original_name


class RequestMatch(models.Model):
    request = models.ForeignKey(
        SourcingRequest,
        verbose_name=_("kebutuhan"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    vendor = models.ForeignKey(
        "catalog.VendorPage",
        verbose_name=_("IKM"),
        on_delete=models.CASCADE,
        related_name="sourcing_matches",
    )
    score = models.DecimalField(_("skor"), max_digits=6, decimal_places=2, default=0)
    reasons = models.JSONField(_("alasan"), default=list, blank=True)
    notified_at = models.DateTimeField(_("diberi tahu pada"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("kecocokan IKM")
        verbose_name_plural = _("kecocokan IKM")
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "vendor"], name="sourcing_match_unique_request_vendor"
            )
        ]

    def __str__(self):
        return f"{self.request} – {self.vendor}"
