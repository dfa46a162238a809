"""The catalog search service: a CatalogQuery in, a SearchResult out.

Views never talk to an engine or name a model list; they call `search_catalog`. The engine is
the database one unless ELASTICSEARCH_URL is set; when Elasticsearch cannot answer in time the
database engine answers instead and a warning is logged, so search never breaks the site.

This module chooses the engine, caches its answers and puts a page of results together; the
pieces live by concern: facets.py (the filter options), chips.py (active filters), links.py
(URLs), highlight.py (snippets), suggest.py ("did you mean", synonym spellings) and
directory.py (the IKM directory).
"""

import dataclasses
import hashlib
import logging
from dataclasses import replace
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

from catalog.cards import EAGER_CARDS, cached_cards
from catalog.models import ProductPage
from catalog.translation import ENGLISH, current_language

from .breaker import reset_search_breaker, search_breaker
from .chips import active_filters
from .directory import search_vendors
from .engines.base import EngineUnavailable
from .engines.database import DatabaseEngine
from .facets import build_facets
from .highlight import card_snippet, highlight
from .links import Linker
from .models import SynonymSet
from .query import CatalogQuery
from .results import SearchResult
from .suggest import suggest, synonym_alternatives
from .synonyms import expand, tokenize
from .taxonomy import taxonomy
from .vocabulary import corrected

logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _engine_for(url, index_name):
    if url:
        from .engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(url, index_name=index_name)
    return DatabaseEngine()


def get_engine():
    return _engine_for(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_NAME)


def reset_engine_cache():
    _engine_for.cache_clear()
    reset_search_breaker()


def run_engine(method, *args):
    """Call the configured engine; fall back to the database engine when it is unavailable,
    and go to the database engine at once while the circuit breaker is open (breaker.py)."""
    engine = get_engine()
    if isinstance(engine, DatabaseEngine):
        return getattr(engine, method)(*args)
    breaker = search_breaker()
    if not breaker.allow():
        return getattr(DatabaseEngine(), method)(*args)
    try:
        result = getattr(engine, method)(*args)
    except EngineUnavailable as error:
        breaker.record_failure()
        logger.warning("Search engine %s unavailable, using the database: %s", engine.name, error)
        return getattr(DatabaseEngine(), method)(*args)
    except Exception:
        breaker.record_failure()  # a probe must never leave the breaker half open
        raise
    breaker.record_success()
    return result


def with_exhibition_slug(query):
    """`?pameran=` takes a live exhibition's slug or its page id; engines filter on the slug.
    An unknown exhibition is ignored, like an unknown category."""
    if not query.exhibition:
        return query
    labels = taxonomy()
    slug = labels["exhibition_ids"].get(query.exhibition, query.exhibition)
    return replace(query, exhibition=slug if slug in labels["exhibition"] else "")


def answer_tags(query):
    """What a search answer counts: one category's products (and its subcategories'), or the
    whole catalog (pagecache/tags.py). An exhibition's products change with the exhibition's
    publish, which purges the catalog-wide tag."""
    from pagecache import tags as cache_tags

    tags = [cache_tags.SITE]
    if query.text:
        tags.append(cache_tags.WORDS)  # which products match the words, and their rank
    if query.effective_sort in ("price_asc", "price_desc"):
        tags.append(cache_tags.PRICES)
    if query.category and not query.exhibition:
        # Its facets count by the IKM's region and sentra too: an IKM's change purges them.
        return [*tags, cache_tags.category(query.category), cache_tags.VENDORS]
    return [*tags, cache_tags.ALL]


def cached_search(query, expansions):
    """The engine's answer to `query`, kept SEARCH_RESULT_CACHE_SECONDS in the cache.

    On 10,000 products the database engine still reads a row per matching product to count
    the facets (tens of milliseconds for a listing of them all), and the answer only changes
    when the catalog does. It is stored with its tags (`answer_tags`) and served while none was
    purged (pagecache/purge.py), so a cached answer never outlives the content it counted; the
    page showing it carries the same tags.
    """
    from pagecache import tags as cache_tags

    tags = answer_tags(query)
    cache_tags.add(*tags)
    seconds = settings.SEARCH_RESULT_CACHE_SECONDS
    if not seconds:
        return run_engine("search", query, expansions)
    from pagecache.middleware import page_cache
    from pagecache.purge import file_tags, is_fresh, request_clock

    store = page_cache()
    fingerprint = repr(
        (dataclasses.replace(query, extra={}), expansions, get_engine().name, get_language())
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    clock = request_clock(store)
    if clock is None:  # the cache is down: answer uncached
        return run_engine("search", query, expansions)
    key = f"search:result:{digest}"
    stored = store.get(key)
    if stored is not None and is_fresh(store, stored[1], stored[2]):
        return stored[0]
    raw = run_engine("search", query, expansions)
    file_tags(store, tags, clock)
    store.set(key, (raw, tags, clock), seconds)
    return raw


def search_catalog(query, linker):
    """Run `query` and return a SearchResult ready for the templates."""
    query = with_exhibition_slug(query)
    correction = ""
    if query.text and not query.exact and isinstance(get_engine(), DatabaseEngine):
        # Unknown words are searched as the closest known ones (search/vocabulary.py).
        correction = corrected(query.text)
    text = correction or query.text
    expansions = expand(text, SynonymSet.all_sets()) if text else []
    raw = cached_search(query, expansions)
    num_pages = max(1, -(-raw.total // query.page_size))
    if query.page > num_pages:
        query = query.with_page(num_pages)
        raw = cached_search(query, expansions)
    # Without words a card is the same on every listing: cached cards need no product loaded.
    card_kind = "" if expansions else "listing"
    cards = cached_cards(raw.ids, card_kind, eager_count=EAGER_CARDS)
    loaded = load_products([pk for pk in raw.ids if pk not in cards])
    if current_language() == ENGLISH:
        # The engine's fragments are of the Indonesian summary; English readers get the
        # English one where the IKM wrote it.
        highlights = {p.pk: card_snippet(p, expansions) for p in loaded}
    else:
        highlights = raw.highlights or {
            p.pk: highlight(p.summary or p.listing_summary or p.title, expansions) for p in loaded
        }
    loaded_ids = {p.pk for p in loaded}
    ids = [pk for pk in raw.ids if pk in cards or pk in loaded_ids]
    suggestion = raw.suggestion
    if not suggestion and query.text and raw.total == 0:
        suggestion = suggest(text)
    offset = (query.page - 1) * query.page_size
    first_partial = None if raw.full_total is None else max(0, raw.full_total - offset)
    partial = set(raw.ids[first_partial:]) if first_partial is not None else set()
    return SearchResult(
        query=query,
        ids=ids,
        products=loaded,
        total=raw.total,
        page=query.page,
        num_pages=num_pages,
        facets=build_facets(raw.facets, query, linker),
        active_filters=active_filters(query, linker),
        highlights=highlights,
        suggestion=suggestion if suggestion != text else "",
        corrected=correction,
        exact_url=linker.url(query, exact=True) if correction else "",
        partial_ids=[pk for pk in ids if pk in partial],
        engine=raw.engine,
        card_kind=card_kind,
        eager_cards=EAGER_CARDS,
        cards=cards,
    )


def load_products(ids):
    by_id = {p.pk: p for p in ProductPage.listing(ProductPage.objects.filter(pk__in=ids))}
    return [by_id[pk] for pk in ids if pk in by_id]


def autocomplete(text, limit=6):
    text = " ".join(tokenize(text))[:60]
    if len(text) < 2:
        return {"products": [], "vendors": [], "categories": []}
    return run_engine("autocomplete", text, limit, synonym_alternatives(text))


__all__ = [
    "CatalogQuery",
    "Linker",
    "autocomplete",
    "get_engine",
    "highlight",
    "search_catalog",
    "search_vendors",
]
