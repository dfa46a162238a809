from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogSearchConfig(AppConfig):
    """The catalog search service (the `/cari/` view and, later, its engines)."""

    name = "search"
    verbose_name = _("Pencarian katalog")
    default_auto_field = "django.db.models.BigAutoField"
