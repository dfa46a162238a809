"""Buyer inquiries and the notifications they cause.

An inquiry is committed with its emails as `Notification` rows of the outbox (outbox/), which a
background task sends after the commit; a failing mail server loses nothing.
"""

import uuid
from functools import partial

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from catalog.references import save_with_reference
from outbox.models import OutboxEmail


class PrivateStorage(FileSystemStorage):
    """Files with no public URL: they are read only through views that check permissions."""

    def url(self, name):
        raise ValueError("Private files have no URL; use the admin attachment view.")


def private_storage():
    """Attachments live outside MEDIA_ROOT: no URL serves them but the owners' admin view."""
    return PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT)


def attachment_path(instance, filename):
    """A random name: the buyer's file name is never used on disk."""
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"inquiries/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class InquiryQuerySet(models.QuerySet):
    def for_user(self, user):
        """What this user may read: all for staff (curators, operators), their IKM's for owners."""
        from catalog.ownership import vendors_owned_by

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.has_perm("inquiries.view_all_inquiries"):
            return self
        return self.filter(vendor_id__in=vendors_owned_by(user))


class Inquiry(models.Model):
    """A buyer's question to an IKM, about one product or the IKM as a whole."""

    class BuyerType(models.TextChoices):
        RETAIL = "retail", _("Eceran")
        WHOLESALE = "wholesale", _("Grosir atau reseller")
        EXPORT = "export", _("Ekspor")
        INDUSTRY = "industry", _("Pengadaan industri")

    class Status(models.TextChoices):
        NEW = "new", _("Baru")
        READ = "read", _("Sudah dibaca")
        REPLIED = "replied", _("Sudah dibalas")
        CLOSED = "closed", _("Selesai")

    reference = models.CharField(_("nomor"), max_length=24, unique=True, null=True, editable=False)
    vendor = models.ForeignKey(
        "catalog.VendorPage",
        verbose_name=_("IKM"),
        on_delete=models.PROTECT,
        related_name="inquiries",
    )
    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("produk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    product_title = models.CharField(_("nama produk"), max_length=255, blank=True)
    name = models.CharField(_("nama"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telepon/WhatsApp"), max_length=20, blank=True)
    buyer_type = models.CharField(_("jenis pembeli"), max_length=20, choices=BuyerType.choices)
    company = models.CharField(_("perusahaan"), max_length=160, blank=True)
    quantity = models.PositiveIntegerField(_("jumlah"), null=True, blank=True)
    unit = models.CharField(_("satuan"), max_length=20, blank=True)
    wanted_by = models.DateField(_("dibutuhkan tanggal"), null=True, blank=True)
    message = models.TextField(_("pesan"))
    consent = models.BooleanField(_("bersedia dihubungi"), default=False)
    attachment = models.FileField(
        _("lampiran"),
        upload_to=attachment_path,
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    language = models.CharField(_("bahasa"), max_length=5, default="id")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("dikirim"), default=timezone.now, db_index=True)
    anonymised_at = models.DateTimeField(_("dianonimkan"), null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("pertanyaan pembeli")
        verbose_name_plural = _("pertanyaan pembeli")
        ordering = ["-created_at"]
        permissions = [("view_all_inquiries", _("Dapat melihat pertanyaan semua IKM"))]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        """The first save also gives the reference, INQ-<year>-<id>, in the same transaction."""
        save_with_reference(self, partial(super().save, *args, **kwargs), "INQ")

    @cached_property
    def subject(self):
        return self.product_title or self.vendor.title

    @property
    def contact(self):
        return self.email or self.phone


class Notification(OutboxEmail):
    """One email to send about an inquiry; kept until sent, with every failed attempt."""

    class Kind(models.TextChoices):
        OWNER = "owner", _("Pemberitahuan ke IKM")
        BUYER = "buyer", _("Konfirmasi ke pembeli")
        REPLY = "reply", _("Balasan dari admin")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    language = models.CharField(max_length=5, default="id")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("email pertanyaan")
        verbose_name_plural = _("email pertanyaan")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.inquiry} · {self.get_kind_display()}"


class WhatsAppClick(models.Model):
    """Clicks on a product's (or IKM's) WhatsApp button, counted per day; no cookie, no IP."""

    vendor = models.ForeignKey("catalog.VendorPage", on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(
        "catalog.ProductPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(default=timezone.localdate)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("klik WhatsApp")
        verbose_name_plural = _("klik WhatsApp")
        indexes = [models.Index(fields=["vendor", "product", "date"])]

    def __str__(self):
        return f"{self.product or self.vendor} {self.date}: {self.count}"

    @classmethod
    def record(cls, vendor, product=None):
        row, _created = cls.objects.get_or_create(
            vendor=vendor, product=product, date=timezone.localdate()
        )
        cls.objects.filter(pk=row.pk).update(count=models.F("count") + 1)


class InquiryLine(models.Model):
    """One product of an inquiry sent from the buyer's inquiry list ("daftar tanya").

    The product's title is kept, so the line still reads right after the product is deleted."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="lines", verbose_name=_("pertanyaan")
    )
    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("produk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    product_title = models.CharField(_("nama produk"), max_length=255)
    quantity = models.PositiveIntegerField(_("jumlah"), null=True, blank=True)
    unit = models.CharField(_("satuan"), max_length=20, blank=True)
    note = models.CharField(_("catatan"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("baris pertanyaan")
        verbose_name_plural = _("baris pertanyaan")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.inquiry} · {self.product_title}"
