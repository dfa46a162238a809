"""A printed catalog: one PDF per scope, language and paper size, built in the background and
kept in private storage until what it includes changes.

One row per (scope, language, paper): a rebuild replaces the file in place, so there is never
more than one build of a catalog at a time, and the public link cannot start unbounded work.
"""

import datetime

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from printing.scopes import KIND_CHOICES

# A build not heard from in this long is taken as lost (a worker died) and may be started again.
STALE_BUILD = datetime.timedelta(minutes=15)


class PrivateStorage(FileSystemStorage):
    """Files with no public URL: served only through the views that check who may have them."""

    def url(self, name):
        raise ValueError("Printed catalogs have no media URL; use the download views.")


def private_storage():
    return PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT)


def catalog_path(instance, filename):
    return f"printing/{instance.scope_kind}/{filename}"


class PrintedCatalog(models.Model):
    class Language(models.TextChoices):
        INDONESIAN = "id", _("Bahasa Indonesia")
        ENGLISH = "en", _("Bahasa Inggris")

    class Paper(models.TextChoices):
        A4 = "a4", "A4"
        A5 = "a5", "A5"

    class Status(models.TextChoices):
        NEW = "new", _("Belum dibuat")
        QUEUED = "queued", _("Menunggu")
        BUILDING = "building", _("Sedang dibuat")
        READY = "ready", _("Siap")
        FAILED = "failed", _("Gagal")

    scope_kind = models.CharField(_("cakupan"), max_length=10, choices=KIND_CHOICES)
    scope_key = models.CharField(_("kunci cakupan"), max_length=2000)
    language = models.CharField(
        _("bahasa"), max_length=2, choices=Language.choices, default=Language.INDONESIAN
    )
    paper = models.CharField(_("kertas"), max_length=2, choices=Paper.choices, default=Paper.A4)
    title = models.CharField(_("judul"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (persen)"), default=0)
    fingerprint = models.CharField(max_length=64, blank=True)
    wanted_fingerprint = models.CharField(max_length=64, blank=True)
    file = models.FileField(
        _("berkas"), storage=private_storage, upload_to=catalog_path, max_length=300, blank=True
    )
    file_name = models.CharField(_("nama berkas"), max_length=200, blank=True)
    product_count = models.PositiveIntegerField(_("jumlah produk"), default=0)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), default=0)
    size_bytes = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    seconds = models.FloatField(_("lama pembuatan (detik)"), default=0)
    error = models.TextField(_("galat"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("diminta"), default=timezone.now)
    built_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("katalog cetak")
        verbose_name_plural = _("katalog cetak")
        constraints = [
            models.UniqueConstraint(
                fields=["scope_kind", "scope_key", "language", "paper"],
                name="one_printed_catalog_per_variant",
            )
        ]

    def __str__(self):
        return self.file_name or f"{self.scope_kind}:{self.scope_key}"

    @property
    def is_building(self):
        return self.status in (self.Status.QUEUED, self.Status.BUILDING) and not self.is_stale

    @property
    def is_stale(self):
        return self.updated_at is not None and timezone.now() - self.updated_at > STALE_BUILD

    def is_current(self, fingerprint):
        return self.status == self.Status.READY and self.fingerprint == fingerprint and self.file

    def claim_for_build(self, fingerprint, user=None):
        """Mark this catalog queued for `fingerprint` unless a live build is under way; True
        when this caller won (and must enqueue the build). One atomic UPDATE, so two
        requests never start two builds."""
        busy = Q(status__in=[self.Status.QUEUED, self.Status.BUILDING]) & Q(
            updated_at__gte=timezone.now() - STALE_BUILD
        )
        won = (
            type(self)
            .objects.filter(pk=self.pk)
            .exclude(busy)
            .update(
                status=self.Status.QUEUED,
                progress=0,
                wanted_fingerprint=fingerprint,
                requested_by=user if user and user.is_authenticated else None,
                requested_at=timezone.now(),
                updated_at=timezone.now(),
                error="",
            )
        )
        self.refresh_from_db()
        return bool(won)
