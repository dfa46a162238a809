from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    """Printed matter from one HTML layout: shelf labels and PDF catalogs (WeasyPrint)."""

    name = "printing"
    verbose_name = _("Cetak")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from printing import signals

        signals.connect()
