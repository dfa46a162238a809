"""The site's URLs plus a bare view, for benchmarks only (config/settings/bench.py)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def bare_view(request):
    """The least a Django view can do here, through the same middleware: the ceiling."""
    response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


urlpatterns = [path("bench/bare/", bare_view, name="bench_bare"), *site_urlpatterns]
