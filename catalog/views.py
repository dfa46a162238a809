from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # A plain search that finds products may be indexed (search/views.indexable). The
        # longest matching rule wins: `?q=<words>` alone is allowed; with any other parameter
        # (filters, sort, page) or without words, a search URL is not for crawlers.
        "Allow: /cari/?q=",
        "Disallow: /cari/?q=*&",
        "Disallow: /cari/",
        "Allow: /en/cari/?q=",
        "Disallow: /en/cari/?q=*&",
        "Disallow: /en/cari/",
        "Disallow: /tanya/",
        "Disallow: /en/tanya/",
        "Disallow: /wa/",
        "Disallow: /en/wa/",
        "Disallow: /beli/",
        "Disallow: /en/beli/",
        "Disallow: /pesanan/",
        "Disallow: /en/pesanan/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
