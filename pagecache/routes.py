"""Cached page routes: a URL path mapped to the page that serves it, without walking the tree.

Wagtail routes a request by asking each level of the page tree for the child with the next
slug: a query per level (about 7 ms for a product at /ikm/<ikm>/<product>/). The site's root
page class mixes in CachedRouteMixin: it keeps, per root page and path, the id and class of the
page found and how many path components it consumed, with the tags of every page on the way
(pagecache/tags.py: a publish, unpublish, move or deletion of any of them purges the entry)
and the clock reading of the request (pagecache/purge.py). A later request loads that page in
one query and lets it route the rest of the path itself (a routable page's sub-URLs).

Only routes to pages without view restrictions are kept, and such a page is marked so that
Wagtail's view-restriction check needs no query (BasePage.get_view_restrictions); a change to
any view restriction purges the whole site (PAGE_CACHE_PURGE_MODELS). ROUTE_CACHE_SECONDS sets
the lifetime; 0 turns it off.
"""

from django.apps import apps
from django.conf import settings

from pagecache import tags as cache_tags

UNRESTRICTED = "_pagecache_route_unrestricted"


def route_key(root_pk, path_components):
    return f"route:{root_pk}:{'/'.join(path_components)}"


def _store_and_clock():
    from pagecache.middleware import page_cache
    from pagecache.purge import request_clock

    store = page_cache()
    return store, request_clock(store)


def is_unrestricted(page):
    """True when `page` came from a cached route: it had no view restriction when stored and
    none was added since (that purges the entry)."""
    return getattr(page, UNRESTRICTED, False)


class CachedRouteMixin:
    """For the root page of a site: `route` served from the cache where it can be."""

    def route(self, request, path_components):
        if not path_components or settings.ROUTE_CACHE_SECONDS <= 0:
            return super().route(request, path_components)
        from pagecache.purge import is_fresh

        store, clock = _store_and_clock()
        if clock is None:  # the cache is down
            return super().route(request, path_components)
        key = route_key(self.pk, path_components)
        entry = store.get(key)
        if entry is not None:
            label, pk, consumed, tags, started = entry
            if is_fresh(store, tags, started):
                page = apps.get_model(label).objects.filter(pk=pk, live=True).first()
                if page is not None:
                    setattr(page, UNRESTRICTED, True)
                    return page.route(request, path_components[consumed:])
        result = super().route(request, path_components)
        self._remember(store, clock, key, result[0])
        return result

    def _remember(self, store, clock, key, page):
        from wagtail.models import Page

        from pagecache.purge import file_tags

        if page.get_view_restrictions().exists():
            return
        on_the_way = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=self.depth)
        tags = [cache_tags.SITE, cache_tags.page(self.pk)]
        tags += [cache_tags.page(pk) for pk in on_the_way.values_list("pk", flat=True)]
        file_tags(store, tags, clock)
        entry = (page._meta.label, page.pk, page.depth - self.depth, tags, clock)
        store.set(key, entry, settings.ROUTE_CACHE_SECONDS)
