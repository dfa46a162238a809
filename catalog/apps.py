from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Katalog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from catalog import moderation, signals  # noqa: F401

        moderation.connect()
