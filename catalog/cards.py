"""Product cards rendered once and kept in the cache until the catalog changes.

A listing page shows 24 product cards. Loading those products (each a Wagtail page with its
IKM, category and photo renditions) and rendering their cards was about two thirds of a
catalog page's CPU time, while a card is the same on every page that shows it: the catalog,
its category pages, filtered listings, the home page's sections. So a rendered card is kept
under a key of the product, the language, the kind of card (`plain`, or `listing` with the
summary snippet of catalog listings) and whether its image loads eagerly, with the tags of what
it shows (the product and its IKM, pagecache/tags.py) and the clock reading its request started
at: a purge of either retires it (pagecache/purge.py), so a card never outlives what it shows.
A page showing a card, cached or not, carries the card's tags.

Listings ask for the cards of their product ids first (`cached_cards`, one `get_many`) and load
only the products whose card is missing; the template tags (`{% product_card %}`, and
`{% result_card %}` for a search listing, which keeps its cached cards beside its products)
print a cached card or render and store a new one. Cards carrying a search's highlighted
words are not cached (kind ""): they depend on the query. CARD_CACHE_SECONDS sets the
lifetime; 0 turns it off (as in development and tests, where templates change under your
eyes).
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from pagecache import tags as cache_tags

TEMPLATE = "includes/product_card.html"
# A listing's first cards (above the fold on a phone) load their photo eagerly.
EAGER_CARDS = 3


@dataclass(frozen=True)
class CachedCard:
    """A product whose card came from the cache: its id and its HTML are all a listing needs."""

    pk: int
    html: SafeString


def enabled():
    return settings.CARD_CACHE_SECONDS > 0


def _store_and_clock():
    """The cache and the clock reading the request started at (pagecache.purge)."""
    from pagecache.middleware import page_cache
    from pagecache.purge import request_clock

    store = page_cache()
    return store, request_clock(store)


def card_key(kind, pk, eager):
    return f"card:{get_language()}:{kind}:{pk}:{int(bool(eager))}"


def cached_cards(ids, kind, eager_count=0):
    """{product id: CachedCard} for the ids whose `kind` of card is cached and fresh; the first
    `eager_count` positions are the cards whose image loads eagerly (above the fold)."""
    if not enabled() or not ids or not kind:
        return {}
    from pagecache.purge import tag_key

    store, clock = _store_and_clock()
    if clock is None:
        return {}  # the cache is down (pagecache.purge.current_clock)
    keys = {card_key(kind, pk, index < eager_count): pk for index, pk in enumerate(ids)}
    stored = store.get_many(list(keys))
    wanted = {tag for _html, tags, _started in stored.values() for tag in tags}
    versions = store.get_many([tag_key(tag) for tag in wanted]) if wanted else {}
    cards = {}
    for key, (html, tags, started) in stored.items():
        known = [versions.get(tag_key(tag)) for tag in tags]
        if None in known or max(known, default=0) > started:
            continue  # purged since (or we cannot tell): render it again
        cache_tags.add(*tags)
        # Our own rendered (escaped) template output, stored by render_card below; the page
        # cache keeps whole pages in the same store.
        cards[keys[key]] = CachedCard(keys[key], SafeString(html))  # nosec B308 B703
    return cards


def render_card(context, product, loading="", highlights=None, kind="plain"):
    """The card of `product` (a ProductPage or a CachedCard) rendered in the current template
    context; stored as `kind` for other pages, not stored when `kind` is empty."""
    if isinstance(product, CachedCard):
        return product.html
    tags = [tag for tag in cache_tags.product_tags(product) if tag] + [cache_tags.SITE]
    cache_tags.add(*tags)
    values = {"product": product, "loading": loading, "highlights": highlights}
    # Like {% include %}: the same context (request, language...), with the card's variables.
    with context.push(values):
        html = get_template(TEMPLATE).template.render(context)
    if kind and enabled():
        from pagecache.purge import file_tags

        store, clock = _store_and_clock()
        if clock is not None:
            file_tags(store, tags, clock)
            key = card_key(kind, product.pk, loading == "eager")
            store.set(key, (str(html), tags, clock), settings.CARD_CACHE_SECONDS)
    return html


def cards_for(ids, kind="plain", eager_count=0):
    """The products of `ids`, in order, ready for `{% product_card %}`: a CachedCard where the
    card is cached, else the ProductPage, loaded with what its card shows (one query for all the
    missing ones, none when every card is cached)."""
    from catalog.models import ProductPage

    ids = list(ids)
    cards = cached_cards(ids, kind, eager_count=eager_count)
    missing = [pk for pk in ids if pk not in cards]
    loaded = {}
    if missing:
        loaded = {p.pk: p for p in ProductPage.listing(ProductPage.objects.filter(pk__in=missing))}
    return [cards.get(pk) or loaded[pk] for pk in ids if pk in cards or pk in loaded]
