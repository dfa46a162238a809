from django import template

from showroom.models import CatalogIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def category_url(context, category):
    """The catalog's page for a category (/katalog/<slug>/), looked up once per request."""
    request = context.get("request")
    catalog = getattr(request, "_catalog_index_page", None) if request else None
    if catalog is None:
        catalog = CatalogIndexPage.objects.live().first()
        if request is not None:
            request._catalog_index_page = catalog
    return catalog.category_url(category) if catalog else ""


@register.simple_tag(takes_context=True)
def is_curator_pick(context, product):
    """True for a product the curators feature on the home page; no query once cached."""
    from showroom.featured import featured_ids

    request = context.get("request")
    ids = getattr(request, "_curator_picks", None) if request is not None else None
    if ids is None:
        ids = featured_ids()
        if request is not None:
            request._curator_picks = ids
    return getattr(product, "pk", None) in ids


@register.simple_tag
def current_placements(product):
    """Where `product` stands on a live venue's shelf today (one query)."""
    from showroom.venues import ShelfPlacement

    return list(ShelfPlacement.current_for_product(product))
