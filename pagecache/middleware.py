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
  config/proxies.py), stored with the tags of what the page shows (pagecache/tags.py) and the
  clock reading its request started at; served while none of its tags was purged since
  (pagecache/purge.py), so a publish retires the pages showing what changed and no others, in
  every process sharing the cache;
* after a purge, the first request for a page renders it again while holding a lock in the
  shared cache; requests for the same page in the meantime get the previous copy
  (`X-Page-Cache: stale`, never kept by a shared cache) instead of rendering it too, for at
  most PAGE_CACHE_STALE_SECONDS after that render started (stale-while-revalidate; 0 turns it
  off). A popular page purged under load is then rendered once, not by every worker at once.
  Logged-in editors and previews never reach the cache, so they never see a stale copy.

Stored pages get an ETag (ConditionalGetMiddleware answers If-None-Match with a 304) and, for
Varnish or a CDN in front, `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` and
their tags as surrogate keys (SURROGATE_KEY_HEADERS); a purge reaches those by tag
(pagecache/frontends.py). Nothing else gets an s-maxage, so a shared cache keeps only what this
one would.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control, set_response_etag

from pagecache import tags as cache_tags
from pagecache.purge import current_clock, file_tags, is_fresh, request_snapshot

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


def cache_key(request):
    # The scheme too: a page rendered for http:// links and redirects differently.
    return f"page:{request.scheme}:{request.get_host()}:{request.get_full_path()}"


def surrogate_headers(tags):
    """The tags in each header a shared cache reads: space-separated (Varnish's xkey,
    Fastly's Surrogate-Key) or comma-separated (Cloudflare's Cache-Tag)."""
    ordered = sorted(tags)
    headers = {}
    for name in settings.SURROGATE_KEY_HEADERS:
        separator = "," if name.lower() == "cache-tag" else " "
        headers[name] = separator.join(ordered)
    return headers


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors' GETs of public pages from the cache (see the module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_SECONDS or settings.CARD_CACHE_SECONDS):
            return self.get_response(request)
        cache = page_cache()
        clock = current_clock(cache)
        if clock is None:
            return self.get_response(request)  # the cache is down: render, store nothing
        # Fragments rendered for this request (catalog/cards.py) are filed under its reading.
        token = request_snapshot.set(clock)
        collected, tags_token = cache_tags.collecting()
        try:
            return self.serve(request, cache, clock, collected)
        finally:
            cache_tags.stop(tags_token)
            request_snapshot.reset(token)

    def serve(self, request, cache, clock, collected):
        if not settings.PAGE_CACHE_SECONDS or not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        stored = cache.get(key)
        renewing = False
        if stored is not None:
            content, headers, tags, started = stored
            if is_fresh(cache, tags, started):
                return stored_response(content, headers, "hit")
            renewing = claim_render(cache, key)
            if not renewing:
                return stale_response(content, headers)
        try:
            return self.render(request, cache, clock, collected, key, renewing)
        finally:
            if renewing:
                cache.delete(render_lock_key(key))

    def render(self, request, cache, clock, collected, key, renewing):
        response = self.get_response(request)
        if not response_is_cacheable(request, response):
            if renewing:
                cache.delete(key)  # e.g. unpublished since: its old copy must not be served
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        max_age = get_max_age(response)
        seconds = min(settings.PAGE_CACHE_SECONDS, max_age or settings.PAGE_CACHE_SECONDS)
        # Browsers revalidate (ETag) unless the view chose a max-age; shared caches keep it.
        browser = max_age if max_age is not None else 0
        patch_cache_control(response, public=True, max_age=browser, s_maxage=seconds)
        for name, value in surrogate_headers(collected).items():
            response[name] = value
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
        ]
        tags = sorted(collected)
        file_tags(cache, tags, clock)
        cache.set(key, (response.content, headers, tags, clock), seconds)
        response["X-Page-Cache"] = "miss"
        return response


def stored_response(content, headers, state):
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = state
    return response


def stale_response(content, headers):
    """The previous copy, while another request renders the page again: for this visitor only
    (no s-maxage, so Varnish or a CDN never keeps it)."""
    response = stored_response(content, headers, "stale")
    response["Cache-Control"] = "max-age=0, no-cache"
    return response


def render_lock_key(key):
    return f"rendering:{key}"


def claim_render(cache, key):
    """True when this request is to render a purged page again; False when another request
    started doing so less than PAGE_CACHE_STALE_SECONDS ago (this one may then serve the
    previous copy). The lock is an `add` in the shared cache, so one worker of all renders."""
    grace = settings.PAGE_CACHE_STALE_SECONDS
    if grace <= 0:
        return True
    lock = render_lock_key(key)
    now = time.time()
    if cache.add(lock, now, grace):
        return True
    started = cache.get(lock)
    if started is None or now - started >= grace:
        cache.set(lock, now, grace)  # the renderer died or overran: this request renders
        return True
    return False
