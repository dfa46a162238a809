from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """The anonymous page cache and what purges it (see pagecache/middleware.py)."""

    name = "pagecache"
    verbose_name = _("Cache halaman")

    def ready(self):
        from pagecache.purge import connect_signals

        connect_signals()
