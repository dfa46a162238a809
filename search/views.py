"""/cari/: product search. The full search service (filters, facets, engines) replaces the
body of this view in the search issue; the URL and template stay."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.contrib.search_promotions.models import Query

from catalog.models import ProductPage
from catalog.pagination import paginate


@never_cache
def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        matches = ProductPage.objects.live().public().search(query)
        page = paginate(request, matches, settings.CATALOG_PAGE_SIZE)
        ids = [p.pk for p in page.object_list]
        by_id = {p.pk: p for p in ProductPage.listing(ProductPage.objects.filter(pk__in=ids))}
        page.object_list = [by_id[pk] for pk in ids if pk in by_id]
        results = page
        Query.get(query).add_hit()
    response = render(request, "search/search.html", {"query": query, "products": results})
    response["X-Robots-Tag"] = "noindex"
    return response
