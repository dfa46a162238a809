"""Cache tags: what a cached response, card or search answer shows, so a change purges only
what shows it.

While a request renders, the code that reads something public names it here (`add`); the page
cache middleware stores the response with those tags, sends them to a CDN or Varnish as
surrogate keys, and a change purges the tags it affects (pagecache/purge.py).

The vocabulary (short: the tags travel in a response header):

* ``site``: every response. Purged by changes that can show on any page: settings, snippets
  (taxonomies, synonym sets), an edited or deleted image, a Site. The site-wide purge.
* ``p<id>``: shows page <id>'s own content: its page, and every card, breadcrumb or contact
  block taken from it (a product's page carries its IKM's ``p<id>``: it shows the IKM's name
  and contact).
* ``t<id>``: shows page <id>'s title and link only (a breadcrumb). Purged when the title or
  slug changes; a change to a page in the site's navigation (depth 3 and up) purges ``site``.
* ``kids<id>``: lists the children of page <id> (an IKM's page lists its products, an index
  its pages).
* ``cat-<slug>``: lists or counts the products of a category (its listing pages, with
  subcategories: a product's change purges its category and every ancestor).
* ``all``: lists or counts across the whole catalog: /katalog/ and its filters, the home page,
  the IKM directory, search answers that are not within one category. Any page's publish
  purges it.
* ``ikms``: counts by something an IKM's profile says (a category page's region and sentra
  facets). Any IKM's publish purges it.
* ``prices``: lists products by price (a listing or answer sorted by price). A product's price
  change purges it.
* ``words``: matches the words of products (answers to a text query, autocomplete, the spelling
  vocabulary). A product whose searchable text changed purges it.
* ``pub``: shows what any publish may change, without a card per product: the sitemap's dates,
  the feeds, the API's answers. Every publish purges it.

A product's publish purges its ``p``, its IKM's ``kids`` and ``pub``; its category's (old and
new) ``cat`` tags and ``all`` only when what listings filter and count on changed, ``prices``
when its price did, ``words`` when its text did (catalog/listing_changes.py); never another
product's or IKM's page. An IKM's publish purges its ``p``
(its page, its products' pages and cards) and ``all``.
"""

from contextvars import ContextVar

SITE = "site"
ALL = "all"
VENDORS = "ikms"
PRICES = "prices"
WORDS = "words"
PUBLISHED = "pub"

# The tags of the response being rendered; None outside a request the page cache handles.
_collected = ContextVar("pagecache_tags", default=None)


def page(pk):
    return f"p{pk}"


def title(pk):
    """Shows page <id>'s title or link (a breadcrumb): purged when its title or slug changes."""
    return f"t{pk}"


def children(pk):
    return f"kids{pk}"


def category(slug):
    return f"cat-{slug}"


def category_line(category_obj):
    """The tags of a category and each of its ancestors (a parent's listing includes it)."""
    tags = []
    seen = set()
    while category_obj is not None and category_obj.pk not in seen:
        seen.add(category_obj.pk)
        tags.append(category(category_obj.slug))
        category_obj = category_obj.parent
    return tags


def add(*tags):
    """Record that the response being rendered shows what these tags name."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tag for tag in tags if tag)


def collecting():
    """Start collecting for a request; returns (the set, the token to `stop` with)."""
    collected = {SITE}
    return collected, _collected.set(collected)


def stop(token):
    _collected.reset(token)


def product_tags(product):
    """What a product's card or page shows: the product and its IKM (name, region, contact)."""
    return [page(product.pk), page(product.vendor_id) if product.vendor_id else ""]
