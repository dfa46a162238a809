"""Facet counts and totals of the unfiltered listings, kept instead of counted per request.

The catalog listing (/katalog/, newest first) and a category's page show the counts of every
facet over all their products. Counting them is a pass over one row per product (CatalogRows):
tens of milliseconds on 10,000 products, five times that on 50,000, on every listing the search
cache has not answered. The counts only change when the catalog does, so they are kept in the
database per scope (the whole catalog, or one category) as a FacetSummary, with the tags they
count (search.service.answer_tags) and the page cache's clock reading of the request that read
the rows: a publish, unpublish or snippet change purges those tags (pagecache/purge.py) and the
next listing counts again, once. The page of ids comes from an indexed query (newest first,
Wagtail's index on first_published_at) that stops after the page. So an unfiltered listing
costs the same on 10,000 and 50,000 products, except the first one after a change.

Only listings without words, without any filter but the category, newest first, use it; every
other query is counted by the engine as before.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .taxonomy import taxonomy


def scope_of(query, ranked):
    """The summary scope answering `query`, or None when it needs the full pass."""
    if ranked is not None or query.effective_sort != "newest":
        return None
    if set(query.active_filters) - {"category"}:
        return None
    if query.category and query.category in taxonomy()["category_slugs"]:
        return query.category
    return ""  # an unknown category is ignored, as CatalogRows does


def _store_and_clock():
    from pagecache.middleware import page_cache
    from pagecache.purge import request_clock

    store = page_cache()
    return store, request_clock(store)


def page_ids(queryset, scope, start, stop):
    """Newest first, ties to the highest id, products without a date last: CatalogRows.ordered."""
    if scope:
        queryset = queryset.filter(Q(category__slug=scope) | Q(category__parent__slug=scope))
    ordered = queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    return list(ordered.values_list("pk", flat=True)[start:stop])


def summary(scope, tags, build):
    """(total, facets) for `scope`: the kept summary while none of its tags was purged since
    it was counted, else `build()` (a full pass) kept for the next listing."""
    from pagecache.purge import file_tags, is_fresh

    from .models import FacetSummary

    store, clock = _store_and_clock()
    today = timezone.localdate()
    if clock is not None:
        kept = FacetSummary.objects.filter(scope=scope).first()
        if kept and kept.built_on == today and is_fresh(store, kept.tags, kept.clock):
            return kept.total, kept.facets
    total, facets = build()
    if clock is None:
        return total, facets  # the cache is down: nothing tells when the counts go stale
    file_tags(store, tags, clock)
    values = {"total": total, "facets": facets, "tags": tags, "clock": clock, "built_on": today}
    try:
        with transaction.atomic():
            FacetSummary.objects.update_or_create(scope=scope, defaults=values)
    except IntegrityError:
        pass  # another request stored it at the same moment
    return total, facets


def kept_counts(engine, query, scope):
    """(total, facets) of the unfiltered listing `scope` ("" or a category's slug)."""
    from .engines.database import CatalogRows
    from .service import answer_tags

    matched = engine.matching(None)

    def build():
        rows = CatalogRows(matched.order_by())
        rows.filtered(query)
        facets = {
            name: {key: n for key, n in counts.items() if key is not None}
            for name, counts in rows.facet_counts(query).items()
        }
        return len(rows.passing), facets

    return summary(scope, answer_tags(query), build)


def summarised(engine, query, matched, scope):
    """The database engine's answer to an unfiltered listing: its page from an indexed query,
    its counts kept."""
    total, facets = kept_counts(engine, query, scope)
    start = (query.page - 1) * query.page_size
    return page_ids(matched, scope, start, start + query.page_size), total, facets, None


def catalog_counts():
    """{category slug: live products in it and its subcategories} over the whole catalog,
    from the kept summary (the home page's categories section)."""
    from .engines.database import DatabaseEngine
    from .query import CatalogQuery

    _total, facets = kept_counts(DatabaseEngine(), CatalogQuery(), "")
    return facets["category"]
