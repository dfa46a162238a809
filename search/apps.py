from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogSearchConfig(AppConfig):
    """The catalog search service: engines, synonyms, index sync, the /cari/ views."""

    name = "search"
    verbose_name = _("Pencarian katalog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from catalog.signals import demo_catalog_built
        from search.database_index import connect_signals as connect_database_index
        from search.indexing import connect_signals
        from search.synonyms import ensure_default_synonyms
        from search.taxonomy import connect_signals as connect_taxonomy_signals

        connect_signals()
        connect_database_index()
        connect_taxonomy_signals()
        demo_catalog_built.connect(ensure_default_synonyms, dispatch_uid="search-default-synonyms")
