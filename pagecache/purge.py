"""Purging the page cache: one generation number for the whole site.

A product appears on its page, its IKM's page, the catalog, category pages, the home page and
the directory; an IKM's name on all its products; a category's name everywhere. Tracking which
cached page shows what would be fragile, so any change that can show on a public page bumps
the generation, which every cache key includes: all pages are invalidated at once, and
rebuilt on their next view. Changes are rare next to views, so this costs little.

What bumps it (at once, and again after the transaction commits): publishing, unpublishing,
moving or deleting any page (every page type, present and future); saving or deleting any
snippet (taxonomies, synonym sets...), any site or generic setting, a Site, an image (not its
renditions), and the models named in PAGE_CACHE_PURGE_MODELS.
"""

import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "page:generation"
# The generation a request started under (set by AnonymousPageCacheMiddleware).
request_snapshot = ContextVar("pagecache_request_generation", default=None)


# A purge this process could not write because the cache was down (config/cache.py): written
# as soon as the cache answers again, or pages cached before the change would come back.
_unwritten_purge = threading.Event()


def cache_unavailable(cache):
    return bool(getattr(cache, "degraded", False))


def current_generation(cache):
    """The generation now, or None when the cache cannot say (Redis down): callers then neither
    read nor store anything, so nothing cached under a guessed generation is ever served.

    A fresh generation is a timestamp, never a counter restarting at 0: a Redis that restarts
    empty gets a generation no stored page or card was ever filed under."""
    if _unwritten_purge.is_set() and not cache_unavailable(cache):
        purge_pages()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return None if cache_unavailable(cache) else generation


def request_generation(cache):
    """The generation the current request started under, else the current one.

    What a request renders comes from rows it read after it started, so storing a fragment
    under the generation of the start is always safe: had a purge come in between, the
    fragment sits under a retired generation and is never served. Reading the generation at
    store time instead could file rows read before a purge under the generation after it.
    """
    snapshot = request_snapshot.get()
    return snapshot if snapshot is not None else current_generation(cache)


def purge_pages():
    """Invalidate every cached page now (in every process sharing the cache)."""
    from pagecache.middleware import page_cache

    cache = page_cache()
    cache.set(GENERATION_KEY, time.time_ns(), None)
    if cache_unavailable(cache):
        _unwritten_purge.set()
    else:
        _unwritten_purge.clear()


def purge_after_commit(**kwargs):
    """Purge now and again after the commit: a view rendered between the two from the old
    rows would otherwise stay cached until its timeout."""
    purge_pages()
    transaction.on_commit(purge_pages)


def shows_on_public_pages(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, Site
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, (Page, Site, AbstractImage, BaseSiteSetting, BaseGenericSetting)):
        return True
    return model in get_snippet_models() or model._meta.label in settings.PAGE_CACHE_PURGE_MODELS


def purge_on_model_change(sender, **kwargs):
    if kwargs.get("raw"):
        return  # loading fixtures
    if shows_on_public_pages(sender):
        purge_after_commit()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_after_commit, dispatch_uid=f"pagecache-purge-{id(signal)}")
    post_save.connect(purge_on_model_change, dispatch_uid="pagecache-purge-save")
    post_delete.connect(purge_on_model_change, dispatch_uid="pagecache-purge-delete")
