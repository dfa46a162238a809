"""Taxonomies: properties to filter on, kept by curators as snippets."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from catalog.translation import translated_value


class SlugNamed(models.Model):
    """A name with a URL slug derived from it when left empty."""

    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return translated_value(self, "name")

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class EnglishNamed(models.Model):
    """An optional English name beside the Indonesian one (see catalog/translation.py)."""

    name_en = models.CharField(
        _("nama (bahasa Inggris)"),
        max_length=120,
        blank=True,
        help_text=_("Opsional; bila kosong, situs berbahasa Inggris memakai nama Indonesia."),
    )

    class Meta:
        abstract = True


class Category(index.Indexed, EnglishNamed, SlugNamed):
    """A product category, two levels deep: Batik > Batik Tulis, Makanan Olahan > Sirup."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("kategori induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )
    description = models.TextField(_("deskripsi"), blank=True)
    description_en = models.TextField(_("deskripsi (bahasa Inggris)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_en"),
    ]

    class Meta(SlugNamed.Meta):
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["sort_order", "name"]

    def __str__(self):
        name = translated_value(self, "name")
        return f"{translated_value(self.parent, 'name')} › {name}" if self.parent_id else name

    def clean(self):
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError(
                    {"parent": _("Kategori tidak bisa menjadi induknya sendiri.")}
                )
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Kategori hanya dua tingkat: pilih kategori utama sebagai induk.")}
                )
            if self.pk and self.children.exists():
                raise ValidationError(
                    {"parent": _("Kategori ini punya subkategori, jadi tidak bisa diberi induk.")}
                )


class Region(SlugNamed):
    """A kota or kabupaten: Kota Cirebon, Kabupaten Cirebon, Kota Cilegon, Indramayu, ..."""

    class Kind(models.TextChoices):
        KOTA = "kota", _("Kota")
        KABUPATEN = "kabupaten", _("Kabupaten")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.KOTA)
    province = models.CharField(_("provinsi"), max_length=60, default="Jawa Barat")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("province")]

    class Meta(SlugNamed.Meta):
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")


class Sentra(SlugNamed):
    """An industry centre in a region, e.g. Sentra Batik Trusmi or Sentra Rotan Plumbon."""

    region = models.ForeignKey(
        Region, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="sentra"
    )
    description = models.TextField(_("deskripsi"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("description"),
    ]

    class Meta(SlugNamed.Meta):
        verbose_name = _("sentra")
        verbose_name_plural = _("sentra")


class Material(EnglishNamed, SlugNamed):
    """A material a product is made of: katun, sutra, rotan, kayu jati, kuningan, ..."""

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta(SlugNamed.Meta):
        verbose_name = _("bahan")
        verbose_name_plural = _("bahan")


class CertificateType(EnglishNamed, SlugNamed):
    """A kind of certificate or licence: Halal, P-IRT, SNI, TKDN, HKI/Merek, BPOM, ..."""

    code = models.CharField(_("kode"), max_length=20, blank=True)
    issuer = models.CharField(_("penerbit"), max_length=120, blank=True)
    description = models.TextField(_("deskripsi"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("code"),
        FieldPanel("issuer"),
        FieldPanel("description"),
    ]

    class Meta(SlugNamed.Meta):
        verbose_name = _("jenis sertifikat")
        verbose_name_plural = _("jenis sertifikat")
        permissions = [("verify_certificate", _("Dapat memverifikasi sertifikat IKM dan produk"))]


UNITS_CACHE_KEY = "catalog:units:v1"


class Unit(models.Model):
    """A unit a product is sold by (pcs, lembar, toples, kotak, m2, ...), kept by curators.

    `code` is what a product stores (the units of old were a fixed list of these codes);
    `aliases` are other ways people write it in a spreadsheet ("buah", "biji" for pcs), so the
    importer understands them and the product still shows the one name.
    """

    code = models.SlugField(
        _("kode"),
        max_length=20,
        unique=True,
        help_text=_("Disimpan di produk; jangan diubah setelah dipakai."),
    )
    name = models.CharField(_("nama"), max_length=40)
    aliases = models.CharField(
        _("sebutan lain"),
        max_length=255,
        blank=True,
        help_text=_("Dipisah koma, misalnya: buah, biji, pc."),
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("aliases"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("satuan")
        verbose_name_plural = _("satuan")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(UNITS_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(UNITS_CACHE_KEY)
        return result

    def alias_list(self):
        return [a.strip() for a in self.aliases.split(",") if a.strip()]

    @classmethod
    def names(cls):
        """{code: name} of every unit, cached (product cards show a unit each)."""
        names = cache.get(UNITS_CACHE_KEY)
        if not names:
            from catalog.units import ensure_default_units

            ensure_default_units(cls)
            names = dict(cls.objects.values_list("code", "name"))
            cache.set(UNITS_CACHE_KEY, names, 3600)
        return names

    @classmethod
    def choices(cls):
        cls.names()  # the defaults, should the list be empty
        return list(cls.objects.values_list("code", "name"))
