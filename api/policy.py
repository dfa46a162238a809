"""What every endpoint shares: read-only JSON for anyone, paginated with a maximum, throttled per
client address, cacheable by the page cache and by the browsers and proxies in between.

* No authentication: a signed-in owner or curator sees exactly what anyone sees (never a
  draft), and no session or CSRF is involved, so only GET, HEAD and OPTIONS are answered
  (any other method: 405).
* Throttling per client address, by the one rule the site keeps for addresses
  (config/proxies.py: X-Forwarded-For counts only behind TRUSTED_PROXY_COUNT proxies), in the
  default cache (shared by every process when REDIS_URL is set); over the rate: a 429 JSON with
  Retry-After. Pages served by the page cache do not reach the view and are not counted.
* `Cache-Control: public, max-age=API_CACHE_SECONDS`: the page cache (pagecache/middleware.py)
  keeps the answer until the next publish bumps its generation.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import SimpleRateThrottle
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from config.proxies import client_ip
from pagecache import tags as cache_tags


class ClientAddressThrottle(SimpleRateThrottle):
    """API_RATE_LIMIT requests (e.g. "120/minute") per client address."""

    scope = "public-api"

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


def requested_window(request):
    """(offset, limit) from the query string, checked as Wagtail's own pagination checks them:
    a limit above WAGTAILAPI_LIMIT_MAX is a 400, not silently cut."""
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    try:
        offset = int(request.GET.get("offset", 0))
        if offset < 0:
            raise ValueError
    except ValueError as error:
        raise BadRequestError("offset must be a positive integer") from error
    try:
        limit = int(request.GET.get("limit", min(20, limit_max)))
        if limit < 0:
            raise ValueError
    except ValueError as error:
        raise BadRequestError("limit must be a positive integer") from error
    if limit > limit_max:
        raise BadRequestError(f"limit cannot be higher than {limit_max}")
    return offset, limit


class PublicPagination(WagtailPagination):
    """Wagtail's limit/offset pagination; a view whose filter chose a search-service window
    (`view.search_window`, api/filters.py) takes its ids and total from the search service."""

    def paginate_queryset(self, queryset, request, view=None):
        search_window = getattr(view, "search_window", None)
        if search_window is None:
            return super().paginate_queryset(queryset, request, view)
        offset, limit = requested_window(request)
        self.view = view
        ids, self.total_count = search_window(offset, limit)
        by_id = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]


class PublicEndpoint:
    """Mixed into each endpoint's viewset, before Wagtail's class."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientAddressThrottle]
    pagination_class = PublicPagination
    http_method_names = ["get", "head", "options"]
    # Query parameters besides limit, offset and fields; anything else is a 400.
    filter_parameters = frozenset()

    def check_query_parameters(self, queryset):
        """Only the operations and the filters this endpoint names: no filtering on arbitrary
        columns (Wagtail's default allows every field shown)."""
        allowed = {"limit", "offset", "fields", "rich_text_format", "format", "_"}
        allowed |= set(self.filter_parameters)
        unknown = set(self.request.GET.keys()) - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised filter: "
                + ", ".join(sorted(unknown))
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Answers list and count across the catalog and show the pages' fields: the page cache
        # keeps them under the catalog-wide tag and `pub`, which every publish purges.
        cache_tags.add(cache_tags.ALL, cache_tags.PUBLISHED)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return response
