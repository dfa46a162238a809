from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CatalogImage(AbstractImage):
    """Every image on the site: product photos, IKM logos and covers, showroom photos.

    Alt text (Wagtail's `description`) is required: these images are public, and a buyer
    using a screen reader must know what a product looks like.
    """

    description = models.CharField(
        _("teks alternatif (alt)"),
        max_length=255,
        help_text=_(
            "Jelaskan isi foto untuk pembaca layar, misalnya 'Kain batik tulis motif "
            "Mega Mendung warna biru'."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields,)

    class Meta(AbstractImage.Meta):
        verbose_name = _("gambar")
        verbose_name_plural = _("gambar")

    @property
    def alt(self):
        return self.description or self.title


class CatalogRendition(AbstractRendition):
    image = models.ForeignKey(CatalogImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
