from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogSearchConfig(AppConfig):
    """The catalog search service: engines, synonyms, index sync, the /cari/ views."""

    name = "search"
    verbose_name = _("Pencarian katalog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search.indexing import connect_signals

        connect_signals()
