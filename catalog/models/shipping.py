"""What a buyer asks an IKM first: where it ships from, with which couriers or freight, and
whether (and on which terms) it exports.

A mixin of the IKM page (VendorPage): the facts belong to the IKM and every product page shows
them beside weight and size. Free text has an English twin (`<field>_en`, see
catalog/translation.py); place names and Incoterms ("FOB Cirebon", "EXW") read the same in
both languages and have none.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

ENGLISH_HELP = _(
    "Opsional. Pembeli yang membuka situs dalam bahasa Inggris melihat teks ini; bila kosong, "
    "mereka melihat teks bahasa Indonesia."
)


class ShippingFacts(models.Model):
    ships_from = models.CharField(
        _("dikirim dari"),
        max_length=120,
        blank=True,
        help_text=_("Kota dan provinsi asal pengiriman, misalnya 'Cirebon, Jawa Barat'."),
    )
    couriers = models.CharField(
        _("kurir dan ekspedisi"),
        max_length=250,
        blank=True,
        help_text=_("Dipisah koma, misalnya 'JNE, J&T, SiCepat, Pos Indonesia, kargo laut'."),
    )
    couriers_en = models.CharField(
        _("kurir dan ekspedisi (bahasa Inggris)"),
        max_length=250,
        blank=True,
        help_text=ENGLISH_HELP,
    )
    export_terms = models.CharField(
        _("syarat ekspor"),
        max_length=120,
        blank=True,
        help_text=_(
            "Incoterms yang IKM layani, misalnya 'FOB Cirebon' atau 'EXW, FOB Tanjung Priok'. "
            "Hanya untuk IKM yang siap ekspor."
        ),
    )
    export_note = models.CharField(
        _("catatan ekspor"),
        max_length=250,
        blank=True,
        help_text=_("Misalnya 'Minimal satu kontainer 20 kaki; dokumen ekspor diurus IKM'."),
    )
    export_note_en = models.CharField(
        _("catatan ekspor (bahasa Inggris)"),
        max_length=250,
        blank=True,
        help_text=ENGLISH_HELP,
    )

    shipping_panels = [
        FieldPanel("ships_from"),
        FieldPanel("couriers"),
        FieldPanel("export_ready"),
        FieldRowPanel([FieldPanel("export_terms"), FieldPanel("export_note")]),
    ]
    shipping_english_panels = [FieldPanel("couriers_en"), FieldPanel("export_note_en")]

    class Meta:
        abstract = True

    def clean_shipping(self):
        """Errors by field: export terms only make sense for an IKM that exports."""
        errors = {}
        if not self.export_ready:
            for field in ("export_terms", "export_note"):
                if getattr(self, field).strip():
                    errors[field] = [_("Centang 'siap ekspor' atau kosongkan isian ini.")]
        return errors

    @property
    def has_shipping_facts(self):
        return bool(self.ships_from or self.couriers or self.export_ready)
