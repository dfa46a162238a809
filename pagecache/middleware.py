"""The anonymous page cache: whole public pages kept in Django's cache.

Why our own middleware rather than Django's UpdateCacheMiddleware/FetchFromCacheMiddleware:
those key on every `Vary: Cookie` value, so a visitor holding only a CSRF cookie misses the
cache, and they would cache a page for anyone whose cookies happen to match. The rules here are
explicit and tested (tests/config/test_page_cache.py):

* looked up and stored only for GET/HEAD requests without a session or messages cookie (so
  never for a logged-in user, a Wagtail preview or a page with the userbar);
* stored only for a 200 that sets no cookie, used no CSRF token, and whose Cache-Control does
  not say private, no-cache or no-store (the search page and the inquiry pages are
  `never_cache`: searches are recorded per query and carry the buyer's own words);
* kept PAGE_CACHE_SECONDS, or less when the response's own max-age says so;
* keyed by scheme, host and full path (X-Forwarded-Proto counts only from a trusted proxy,
  config/proxies.py) and by a generation that any publish, unpublish, move, delete or snippet
  change bumps (pagecache/purge.py), so a purge invalidates every page at once, in every
  process sharing the cache (set REDIS_URL when several processes serve the site: local memory
  is per process).

Stored pages get an ETag; ConditionalGetMiddleware answers If-None-Match with a 304.
"""

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_max_age, set_response_etag

from pagecache.purge import current_generation, request_snapshot

SKIPPED_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Headers that belong to one response (the security middleware adds its own on every one).
NOT_STORED = {"set-cookie", "date"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in settings.PAGE_CACHE_PERSONAL_COOKIES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(name in request.GET for name in settings.PAGE_CACHE_COUNTED_PARAMS):
        return False  # the view counts these visits (shelf labels' ?src=): it must run
    return not request.path.startswith(tuple(settings.PAGE_CACHE_SKIPPED_PATHS))


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a CSRF token: it belongs to this visitor only
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & SKIPPED_CACHE_CONTROL:
        return False
    return get_max_age(response) != 0


def cache_key(request, generation):
    # The scheme too: a page rendered for http:// links and redirects differently.
    return f"page:{generation}:{request.scheme}:{request.get_host()}:{request.get_full_path()}"


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors' GETs of public pages from the cache (see the module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_SECONDS or settings.CARD_CACHE_SECONDS):
            return self.get_response(request)
        cache = page_cache()
        generation = current_generation(cache)
        if generation is None:
            return self.get_response(request)  # the cache is down: render, store nothing
        # Fragments rendered for this request (catalog/cards.py) are filed under it too.
        token = request_snapshot.set(generation)
        try:
            return self.serve(request, cache, generation)
        finally:
            request_snapshot.reset(token)

    def serve(self, request, cache, generation):
        if not settings.PAGE_CACHE_SECONDS or not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            headers = [
                (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
            ]
            max_age = get_max_age(response)
            seconds = settings.PAGE_CACHE_SECONDS
            cache.set(key, (response.content, headers), min(seconds, max_age or seconds))
            response["X-Page-Cache"] = "miss"
        return response
