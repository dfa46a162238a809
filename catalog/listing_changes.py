"""Which listings a product's save changes, so an owner's edit purges only those.

Every listing (the catalog, a category page, a search answer) shows each product through its
card, tagged with the product's ``p<id>``: a change to what a card shows reaches the listings
that show it through that tag. What else a listing shows is its membership, order and facet
counts, and those read only a few of a product's fields (search/engines/database.py's rows,
its materials and certificates). So a save purges, besides the product's own tags:

* the catalog-wide ``all`` and the category lines (old and new) only when what listings filter
  and count on changed: live, category, IKM, availability, price band, first publication,
  materials, certificates;
* ``prices`` (listings sorted by price) when the price changed;
* ``words`` (answers to a text query, autocomplete, the spelling vocabulary) when the text
  that search matches changed.

A price edit within its band, a new photo or a new description then leaves /katalog/ and the
category pages cached unless they show the product (pagecache/tags.py).
"""

from wagtail.fields import StreamField

from pagecache import tags as cache_tags

LISTED_FIELDS = ("live", "category", "vendor", "availability", "first_published_at")
WORDS_FIELDS = (
    "title",
    "slug",
    "summary",
    "description",
    "title_en",
    "summary_en",
    "description_en",
)


def price_band(price):
    from search.engines.base import PRICE_BANDS

    if price is None:
        return None
    for key, low, high in PRICE_BANDS:
        if price >= low and (high is None or price < high):
            return key
    return None


def _value(field, obj):
    # A stream's blocks compare as their JSON; other values (datetimes in any zone) as values.
    if isinstance(field, StreamField):
        return field.value_to_string(obj)
    return getattr(obj, field.attname)


def _differs(model, before, after, names):
    fields = [model._meta.get_field(name) for name in names]
    return any(_value(f, before) != _value(f, after) for f in fields)


def _certificates(rows):
    return sorted(
        (row.certificate_type_id, row.verified, str(row.issued_on), str(row.expires_on))
        for row in rows
    )


def product_change_tags(product):
    """The listing tags a save of `product` (not yet written) purges (see the module doc)."""
    from catalog.models import Category, ProductCertificate

    model = type(product)
    before = model.objects.filter(pk=product.pk).first()
    if before is None:
        return [cache_tags.ALL]
    tags = []
    listed = (
        _differs(model, before, product, LISTED_FIELDS)
        or price_band(before.price) != price_band(product.price)
        or {m.pk for m in before.materials.all()} != {m.pk for m in product.materials.all()}
        or _certificates(ProductCertificate.objects.filter(page_id=product.pk))
        != _certificates(product.certificates.all())
    )
    if listed:
        tags.append(cache_tags.ALL)
        for category_id in {before.category_id, product.category_id}:
            category = Category.objects.select_related("parent").filter(pk=category_id).first()
            tags.extend(cache_tags.category_line(category))
    if before.price != product.price:
        tags.append(cache_tags.PRICES)
    if _differs(model, before, product, WORDS_FIELDS):
        tags.append(cache_tags.WORDS)
    return tags
