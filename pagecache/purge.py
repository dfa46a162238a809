"""Purging by tag: a change retires the cached responses, cards and search answers that show it.

Every cached thing is stored with its tags (pagecache/tags.py) and the **clock** reading taken
when its request started. A purge advances the clock (one atomic `incr` in the shared cache)
and records the new reading as the version of each purged tag. A cached thing is fresh while
every one of its tags has a version no later than its own reading: anything purged after its
request started (even while it rendered, from rows read before the change) is never served.
A tag with no version (never purged since the cache started, or evicted) is given the reading
of the request storing it, with `add`, which never overwrites a purge's version.

What purges what (connected in `connect_signals`, each at once and again after the commit, as a
view rendering between the two could otherwise store the old rows as fresh):

* a page published, unpublished, moved or deleted: the page's own tags (`purge_tags_of`: a
  product's category line, its IKM's listing, the catalog-wide listings). A publish is purged
  once, from the live page's save (post_save): Wagtail's `page_published` comes right after
  the same save and would only purge the same tags again;
* a page saved without publishing (a draft, a lock, moderation): nothing public changed;
  nothing is purged;
* a snippet, setting, Site, image edit or deletion, or a model in PAGE_CACHE_PURGE_MODELS:
  ``site`` (every page). A new image shows nowhere until a page using it is published;
* a paid order's stock (orders/fulfilment.py): the products' tags.

The tags also go out to Varnish or a CDN as surrogate keys (pagecache/frontends.py).
"""

import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from pagecache import tags as cache_tags

CLOCK_KEY = "page:clock"
TAG_PREFIX = "tag:"
# The clock reading the current request started at (set by AnonymousPageCacheMiddleware).
request_snapshot = ContextVar("pagecache_request_clock", default=None)

# Purges this process could not write because the cache was down (config/cache.py): written as
# soon as the cache answers again, or things cached before the change would come back.
_unwritten_purges = set()
_unwritten_lock = threading.Lock()


def cache_unavailable(cache):
    return bool(getattr(cache, "degraded", False))


def _page_cache():
    from pagecache.middleware import page_cache

    return page_cache()


def current_clock(cache):
    """The clock now, or None when the cache cannot say (Redis down): callers then neither read
    nor store anything, so nothing is filed under a guessed reading.

    A fresh clock starts at a timestamp, never at 0: a Redis that restarts empty gets readings
    no stored version ever had."""
    if _unwritten_purges and not cache_unavailable(cache):
        _replay_unwritten(cache)
    clock = cache.get(CLOCK_KEY)
    if clock is None:
        cache.add(CLOCK_KEY, time.time_ns(), None)
        clock = cache.get(CLOCK_KEY)
    return None if cache_unavailable(cache) else clock


def request_clock(cache):
    """The reading the current request started at, else the clock now."""
    snapshot = request_snapshot.get()
    return snapshot if snapshot is not None else current_clock(cache)


def tag_key(tag):
    return f"{TAG_PREFIX}{tag}"


def is_fresh(cache, tags, started):
    """True when none of `tags` was purged after the reading `started`."""
    if started is None:
        return False
    keys = [tag_key(tag) for tag in tags]
    versions = cache.get_many(keys)
    if len(versions) != len(keys):
        return False  # a version was evicted: we cannot tell, so render again
    return all(version <= started for version in versions.values())


def file_tags(cache, tags, started):
    """Give the tags that have no version one (the storing request's reading), never
    overwriting a purge's."""
    keys = [tag_key(tag) for tag in tags]
    missing = set(keys) - set(cache.get_many(keys))
    for key in missing:
        cache.add(key, started, None)


def purge_tags(*tags, frontends=True):
    """Retire everything cached with any of `tags` now, in every process sharing the cache,
    and tell Varnish or the CDN (after the commit) unless `frontends` is False."""
    tags = sorted({tag for tag in tags if tag})
    if not tags:
        return
    cache = _page_cache()
    _write_purge(cache, tags)
    if frontends:
        from pagecache.frontends import purge_frontends_after_commit

        purge_frontends_after_commit(tags)


def _write_purge(cache, tags):
    try:
        clock = cache.incr(CLOCK_KEY)
    except ValueError:  # no clock yet (or it was evicted, or the cache is down)
        cache.add(CLOCK_KEY, time.time_ns(), None)
        try:
            clock = cache.incr(CLOCK_KEY)
        except ValueError:
            clock = None
    if clock is not None:
        cache.set_many({tag_key(tag): clock for tag in tags}, None)
    if clock is None or cache_unavailable(cache):
        with _unwritten_lock:
            _unwritten_purges.update(tags)


def _replay_unwritten(cache):
    with _unwritten_lock:
        pending = sorted(_unwritten_purges)
        _unwritten_purges.clear()
    if pending:
        _write_purge(cache, pending)


def purge_pages():
    """The site-wide purge: every cached page, card and search answer."""
    purge_tags(cache_tags.SITE)


def purge_after_commit(*tags):
    """Purge now and again after the commit (site-wide without tags): a view rendered between
    the two from the old rows would otherwise stay cached as fresh."""
    tags = tags or (cache_tags.SITE,)
    purge_tags(*tags, frontends=False)
    transaction.on_commit(lambda: purge_tags(*tags))


def purge_tags_of(page):
    """The tags a change to `page` purges (its class may add some: `cache_purge_tags`), and
    the listing tags its class judged its last save to change (`cache_change_tags`: taken once,
    so a later delete or move of the same object purges every listing)."""
    judged = page.__dict__.pop("_pagecache_listing_tags", None)
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    extra = getattr(page, "cache_purge_tags", None)
    found = [cache_tags.page(page.pk), cache_tags.PUBLISHED]
    parent_id = _parent_id(page)
    if parent_id:
        found.append(cache_tags.children(parent_id))
    if judged is not None:
        found.extend(judged)
    else:
        found.append(cache_tags.ALL)
        if extra:
            found.extend(extra())
    found.extend(getattr(page, "_pagecache_previous_tags", ()))
    return found


def _parent_id(page):
    from wagtail.models import Page

    if page.depth and page.depth > 1:
        parent_path = page.path[: -page.steplen]
        return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
    return None


def shows_on_public_pages(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage, AbstractRendition
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, AbstractRendition):
        return False  # made on demand for a page being shown; changes nothing that shows
    if issubclass(model, (Site, AbstractImage, BaseSiteSetting, BaseGenericSetting)):
        return True
    return model in get_snippet_models() or model._meta.label in settings.PAGE_CACHE_PURGE_MODELS


def _on_page_change(sender, instance=None, **kwargs):
    purge_after_commit(*purge_tags_of(instance))


def _on_page_move(sender, instance=None, **kwargs):
    purge_after_commit(*purge_tags_of(instance))
    parent_before = kwargs.get("parent_page_before")
    if parent_before is not None:
        purge_after_commit(cache_tags.children(parent_before.pk))


# What Wagtail writes to a page's row when a draft is saved, locked or moderated.
DRAFT_BOOKKEEPING = {
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "live_revision",
    "url_path",
}
NAVIGATION_DEPTH = 3  # the home page and its children: in every page's header


def _remember_previous_tags(sender, instance=None, raw=False, update_fields=None, **kwargs):
    """Before a page's row is written, note what its change retires besides itself: the
    breadcrumbs showing its title when the title or slug changes (the whole site for a page in
    the navigation), and the listings its class judges the change to reach
    (`cache_change_tags`: a product's price edit within its band leaves the category pages)."""
    from wagtail.models import Page

    if raw or not isinstance(instance, Page) or not instance.pk:
        return
    instance.__dict__.pop("_pagecache_listing_tags", None)
    instance._pagecache_previous_tags = []
    if update_fields and set(update_fields) <= DRAFT_BOOKKEEPING:
        return  # nothing public changes
    before = Page.objects.filter(pk=instance.pk).values("title", "slug", "depth").first()
    found = []
    if before and (before["title"], before["slug"]) != (instance.title, instance.slug):
        found.append(cache_tags.title(instance.pk))
        if before["depth"] <= NAVIGATION_DEPTH:
            found.append(cache_tags.SITE)
    judge = getattr(instance, "cache_change_tags", None)
    if judge is not None:
        instance._pagecache_listing_tags = judge()
    instance._pagecache_previous_tags = found


def _on_model_change(sender, instance=None, raw=False, created=False, **kwargs):
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    if raw:
        return  # loading fixtures
    if isinstance(instance, Page):
        fields = kwargs.get("update_fields")
        deleted = kwargs.get("signal") is post_delete
        if deleted or (instance.live and not (fields and set(fields) <= DRAFT_BOOKKEEPING)):
            # Deleted, or live content written: a publish (its one purge: page_published is
            # not connected), a page created live, a script's save.
            purge_after_commit(*purge_tags_of(instance))
        return  # a draft saved, locked or sent to moderation: nothing public changed
    if created and isinstance(instance, AbstractImage):
        return  # a new photo shows nowhere yet
    if shows_on_public_pages(sender):
        purge_after_commit()


def connect_signals():
    from wagtail.signals import page_unpublished, post_page_move

    page_unpublished.connect(_on_page_change, dispatch_uid="pagecache-purge-unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="pagecache-purge-moved")
    pre_save.connect(_remember_previous_tags, dispatch_uid="pagecache-previous-tags")
    post_save.connect(_on_model_change, dispatch_uid="pagecache-purge-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-purge-delete")
