"""A spreadsheet import run in the background: the upload, its progress and its result."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One "Impor" press in the admin. The files are kept until the task has run (then
    dropped); the result lists the rows created, updated and refused, and every error.

    Progress lives in the cache while the import runs: the rows are written in one database
    transaction, which no other connection can see into until it ends.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu")
        RUNNING = "running", _("berjalan")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    filename = models.CharField(_("berkas"), max_length=255)
    data = models.BinaryField(editable=False)
    images = models.BinaryField(null=True, editable=False)
    create_missing = models.BooleanField(default=False)
    publish = models.BooleanField(default=False)
    skip_invalid = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor katalog")
        verbose_name_plural = _("impor katalog")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def progress_key(self):
        return f"catalog:import-progress:{self.pk}"

    def set_progress(self, done, total):
        cache.set(self.progress_key, (done, total), 3600)

    def progress(self):
        """(rows written, rows to write); (0, 0) before the check has finished."""
        if self.status == self.Status.DONE:
            total = len(self.result.get("done", []))
            return total, total
        done, total = cache.get(self.progress_key) or (0, 0)
        return done, total

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
