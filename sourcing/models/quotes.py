"""An IKM's quote on a need, its files, revisions and clarification thread."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inquiries.models import private_storage


def quote_file_path(instance, filename):
    """A random name: the uploader's file name is kept only in `original_name`."""
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"sourcing/quotes/{uuid.uuid4().hex}.{extension}"


class Quote(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        SHORTLISTED = "shortlisted", _("Masuk daftar pendek")
        AWARDED = "awarded", _("Dimenangkan")
        NOT_AWARDED = "not_awarded", _("Tidak dimenangkan")
        WITHDRAWN = "withdrawn", _("Ditarik")

    request = models.ForeignKey(
        "sourcing.SourcingRequest",
        verbose_name=_("kebutuhan"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    vendor = models.ForeignKey(
        "catalog.VendorPage",
        verbose_name=_("IKM"),
        on_delete=models.CASCADE,
        related_name="sourcing_quotes",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit_price = models.DecimalField(
        _("harga satuan (Rp)"), max_digits=14, decimal_places=0, validators=[MinValueValidator(0)]
    )
    quantity = models.DecimalField(
        _("jumlah"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    lead_time_days = models.PositiveIntegerField(_("waktu pengerjaan (hari)"))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    awarded_quantity = models.DecimalField(
        _("jumlah yang dimenangkan"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    class Meta:
        verbose_name = _("penawaran")
        verbose_name_plural = _("penawaran")
        ordering = ["unit_price"]
        indexes = [models.Index(fields=["request", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "vendor"], name="sourcing_quote_unique_request_vendor"
            ),
            models.CheckConstraint(
                condition=models.Q(unit_price__gte=0), name="sourcing_quote_price_nonnegative"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="sourcing_quote_quantity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(awarded_quantity__isnull=True)
                | models.Q(awarded_quantity__lte=models.F("quantity")),
                name="sourcing_quote_awarded_within_quantity",
            ),
        ]

    def __str__(self):
        return f"{self.vendor} – {self.request}"

    @property
    def total_price(self):
        return self.unit_price * self.quantity


class QuoteAttachment(models.Model):
    quote = models.ForeignKey(
        Quote, verbose_name=_("penawaran"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("berkas"), upload_to=quote_file_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("nama asli"), max_length=200)
    content_type = models.CharField(_("jenis isi"), max_length=100)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    created_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran penawaran")
        verbose_name_plural = _("lampiran penawaran")

    def __str__(self):
        return self.original_name


class QuoteRevision(models.Model):
    """The values a quote had before a revision (revisions allowed until the deadline)."""

    quote = models.ForeignKey(
        Quote, verbose_name=_("penawaran"), on_delete=models.CASCADE, related_name="revisions"
    )
    snapshot = models.JSONField(_("nilai sebelumnya"))
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("revisi penawaran")
        verbose_name_plural = _("revisi penawaran")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.quote} @ {self.created_at:%Y-%m-%d %H:%M}"


class QuoteMessage(models.Model):
    quote = models.ForeignKey(
        Quote, verbose_name=_("penawaran"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("pesan"))
    created_at = models.DateTimeField(_("dikirim pada"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pesan klarifikasi")
        verbose_name_plural = _("pesan klarifikasi")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["quote", "created_at"])]

    def __str__(self):
        return self.body[:60]
