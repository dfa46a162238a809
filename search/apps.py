from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogSearchConfig(AppConfig):
    """The catalog search service: engines, synonyms, index sync, the /cari/ views."""

    name = "search"
    verbose_name = _("Pencarian katalog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from catalog.signals import demo_catalog_built
        from search.indexing import connect_signals
        from search.service import forget_vocabulary
        from search.synonyms import ensure_default_synonyms
        from search.taxonomy import connect_signals as connect_taxonomy_signals

        connect_signals()
        connect_taxonomy_signals()
        page_published.connect(forget_vocabulary, dispatch_uid="search-forget-vocabulary")
        page_unpublished.connect(forget_vocabulary, dispatch_uid="search-forget-vocabulary-u")
        demo_catalog_built.connect(ensure_default_synonyms, dispatch_uid="search-default-synonyms")
