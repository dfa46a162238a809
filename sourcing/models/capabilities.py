"""What an IKM can make: capabilities (snippets) and each IKM's capability profile."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from catalog.models.snippets import EnglishNamed, SlugNamed


class Capability(EnglishNamed, SlugNamed):
    class Group(models.TextChoices):
        MACHINING = "machining", _("Permesinan")
        FABRICATION = "fabrication", _("Fabrikasi")
        WELDING = "welding", _("Pengelasan")
        CASTING = "casting", _("Pengecoran")
        PACKAGING = "packaging", _("Pengemasan")
        CATERING = "catering", _("Katering")
        CHEMICALS = "chemicals", _("Kimia")
        TEXTILE = "textile", _("Tekstil")
        WOODWORK = "woodwork", _("Pengolahan kayu")
        OTHER = "other", _("Lainnya")

    group = models.CharField(_("kelompok"), max_length=20, choices=Group.choices)

    class Meta(SlugNamed.Meta):
        verbose_name = _("kemampuan produksi")
        verbose_name_plural = _("kemampuan produksi")


register_snippet(Capability)


class CapabilityProfile(models.Model):
    vendor = models.OneToOneField(
        "catalog.VendorPage",
        verbose_name=_("IKM"),
        on_delete=models.CASCADE,
        related_name="capability_profile",
    )
    capabilities = models.ManyToManyField(
        Capability, verbose_name=_("kemampuan"), blank=True, related_name="profiles"
    )
    machines = models.TextField(_("mesin dan proses"), blank=True)
    monthly_capacity = models.DecimalField(
        _("kapasitas per bulan"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    capacity_unit = models.CharField(_("satuan kapasitas"), max_length=30, blank=True)
    materials = models.ManyToManyField(
        "catalog.Material", verbose_name=_("bahan"), blank=True, related_name="+"
    )
    sectors_served = models.JSONField(
        _("sektor yang dilayani"),
        default=list,
        blank=True,
        help_text=_('Daftar kode sektor, mis. ["pangan", "otomotif"].'),
    )
    certificates = models.ManyToManyField(
        "catalog.VendorCertificate", verbose_name=_("sertifikat"), blank=True, related_name="+"
    )
    past_partnerships = models.TextField(_("kemitraan sebelumnya"), blank=True)
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    class Meta:
        verbose_name = _("profil kemampuan")
        verbose_name_plural = _("profil kemampuan")

    def __str__(self):
        return str(self.vendor)
