"""/cari/ and its autocomplete: thin views over the catalog search service."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from catalog.models import ProductPage
from catalog.pagination import requested_page
from pagecache import tags as cache_tags

from .query import SORT_OPTIONS, CatalogQuery
from .service import Linker, autocomplete, search_catalog
from .statistics import record_search

# Crawlers and audit tools: their visits are not buyers' searches for the curators' statistics.
# "Googlebot/2.1", "bingbot/2.0", "AhrefsBot/7.0"... but not a phone named "CUBOT X30".
CRAWLER_AGENT = re.compile(
    r"(?:bot|crawler|spider)(?:[/;)]|$)|slurp|lighthouse|facebookexternalhit", re.I
)


def is_crawler(request):
    return bool(CRAWLER_AGENT.search(request.headers.get("User-Agent", "")))


def indexable(query, result):
    """Whether crawlers may index this search page.

    A plain search that finds products ("batik tulis", "kursi rotan") is a landing page buyers
    look for in search engines, so it may be indexed, with its canonical address
    `/cari/?q=<words>`. Everything else stays `noindex`: an empty search, a search that finds
    nothing (thin content, and the open door of search spam: links to our search carrying
    someone's words), and filtered, re-sorted or later pages (duplicates of the plain one or of
    the catalog's category pages).
    """
    return bool(
        query.text
        and result is not None
        and result.total
        and query.page == 1
        and not query.active_filters
        and query.sort == "relevance"
        and not query.exact
        and not result.corrected  # a typo's page: the corrected words' page is the one
    )


def promoted_products(text):
    """Curator-pinned products for this query (Wagtail search promotions), in their order."""
    query = Query.objects.filter(query_string=normalise_query_string(text)).first()
    if query is None:
        return []
    page_ids = list(
        query.editors_picks.filter(page__isnull=False)
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )
    by_id = {p.pk: p for p in ProductPage.listing(ProductPage.visible().filter(pk__in=page_ids))}
    return [by_id[pk] for pk in page_ids if pk in by_id]


@never_cache
@require_GET
def search_view(request):
    requested_page(request)
    query = CatalogQuery.from_params(request.GET, page_size=settings.CATALOG_PAGE_SIZE)
    has_input = bool(query.text or query.active_filters)
    result = search_catalog(query, Linker(reverse("search"))) if has_input else None
    promotions = []
    if query.text:
        if not is_crawler(request):
            record_search(request, query.text, found=bool(result and result.total))
        if result is not None and result.page == 1:
            promotions = promoted_products(query.text)
            result.drop({p.pk for p in promotions})
    index = indexable(query, result)
    response = render(
        request,
        "search/search.html",
        {
            "query": query,
            "result": result,
            "promotions": promotions,
            "sort_options": SORT_OPTIONS,
            "form_params": query.to_params(),
            "indexable": index,
            "canonical_path": request.path + "?" + urlencode({"q": query.text}) if index else "",
        },
    )
    if not index:
        response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@cache_control(max_age=60, public=True)
def autocomplete_view(request):
    cache_tags.add(cache_tags.ALL, cache_tags.WORDS)  # suggests the catalog's words
    data = autocomplete(request.GET.get("q", ""))
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
