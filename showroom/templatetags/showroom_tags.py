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
