"""The API's filters, as DRF filter backends (Wagtail's documented extension point).

Products are filtered the way the catalog filters them: the query string becomes the search
service's CatalogQuery (search/query.py) and the configured engine (the database one, or
Elasticsearch) answers with the ids and the total, exactly as for /katalog/ and /cari/:
the same synonyms, typo correction, subcategories in their category, exhibition membership and
the same cache of answers (purged with the pages). The other endpoints filter a few slugs in
the database.
"""

from dataclasses import replace

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from search.engines.database import DatabaseEngine
from search.models import SynonymSet
from search.query import PARAMS, CatalogQuery
from search.service import cached_search, get_engine, with_exhibition_slug
from search.synonyms import expand
from search.vocabulary import corrected

# The API's English parameter names -> CatalogQuery's fields.
PRODUCT_PARAMETERS = {
    "search": "text",
    "category": "category",
    "region": "region",
    "sentra": "sentra",
    "ikm": "vendor",
    "availability": "availability",
    "exhibition": "exhibition",
    "material": "material",
    "certificate": "certificate",
    "price_min": "price_min",
    "price_max": "price_max",
    "export_ready": "export_ready",
    "sort": "sort",
}


def catalog_query(request):
    """The CatalogQuery the API's parameters ask for, cleaned as the site cleans its own."""
    params = {
        PARAMS[field]: request.GET[name]
        for name, field in PRODUCT_PARAMETERS.items()
        if name in request.GET
    }
    return CatalogQuery.from_params(params)


def search_window(query, offset, limit):
    """The ids of products offset..offset+limit of `query` and the total, from the engine."""
    query = with_exhibition_slug(query)
    text = query.text
    if text and not query.exact and isinstance(get_engine(), DatabaseEngine):
        text = corrected(text) or text  # as search_catalog: unknown words as the closest known
    expansions = expand(text, SynonymSet.all_sets()) if text else []
    if limit and offset % limit == 0:
        page, size, skip = offset // limit + 1, limit, 0
    else:
        page, size, skip = 1, max(offset + limit, 1), offset
    raw = cached_search(replace(query, page=page, page_size=size), expansions)
    return raw.ids[skip : skip + limit], raw.total


class CatalogSearchFilter(BaseFilterBackend):
    """Products listing: hand the filters and words to the search service; the pagination
    (api/policy.py) takes the window of ids it answers."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "listing_view":
            return queryset  # a detail view looks one product up by id
        query = catalog_query(request)
        view.search_window = lambda offset, limit: search_window(query, offset, limit)
        return queryset


class SlugFilter(BaseFilterBackend):
    """`?name=slug` for each `view.slug_filters` {parameter: lookup}; an unknown slug matches
    nothing (unlike products, where the search service ignores it as the catalog does)."""

    def filter_queryset(self, request, queryset, view):
        for parameter, lookup in getattr(view, "slug_filters", {}).items():
            value = request.GET.get(parameter, "").strip()
            if not value:
                continue
            if "\x00" in value or len(value) > 120:
                raise BadRequestError(f"{parameter}: not a valid slug")
            queryset = queryset.filter(**{lookup: value})
        return queryset
