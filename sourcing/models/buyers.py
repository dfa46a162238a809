"""Large industries (buyers) and the people who act for them."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    METAL = "logam", _("Logam dan baja")
    CHEMICAL = "kimia", _("Kimia")
    FOOD = "pangan", _("Pangan")
    ENERGY = "energi", _("Energi")
    CONSTRUCTION = "konstruksi", _("Konstruksi")
    AUTOMOTIVE = "otomotif", _("Otomotif")
    OTHER = "lainnya", _("Lainnya")


class BuyerCompany(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu verifikasi")
        VERIFIED = "verified", _("Terverifikasi")
        REJECTED = "rejected", _("Ditolak")

    name = models.CharField(_("nama perusahaan"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, blank=True)
    nib = models.CharField(_("NIB"), max_length=20, blank=True)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    address = models.TextField(_("alamat"), blank=True)
    region = models.ForeignKey(
        "catalog.Region",
        verbose_name=_("wilayah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="buyer_companies",
    )
    website = models.URLField(_("situs web"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("perusahaan pembeli")
        verbose_name_plural = _("perusahaan pembeli")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "sector"])]
        constraints = [
            models.UniqueConstraint(
                fields=["nib"], condition=~models.Q(nib=""), name="sourcing_buyer_unique_nib"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:160]
        super().save(*args, **kwargs)

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED


class BuyerMember(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin")
        MEMBER = "member", _("Anggota")

    company = models.ForeignKey(
        BuyerCompany,
        verbose_name=_("perusahaan"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="buyer_membership",
    )
    role = models.CharField(_("peran"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    phone = models.CharField(_("telepon kontak"), max_length=30, blank=True)
    job_title = models.CharField(_("jabatan"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("anggota perusahaan pembeli")
        verbose_name_plural = _("anggota perusahaan pembeli")

    def __str__(self):
        return f"{self.user} ({self.company})"


def companies_of(user):
    """The buyer companies this user acts for (none for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return BuyerCompany.objects.none()
    return BuyerCompany.objects.filter(members__user=user)
