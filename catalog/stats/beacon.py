"""The product-view beacon: `POST /statistik/lihat/<product id>/`, sent by
static/js/view-beacon.js when a product page is shown.

Why a beacon and not a count in the view: product pages are served from the page cache
(pagecache/), where no view code runs, and counting in the cache's hit path would tie the
infrastructure app to the catalog and count crawlers that fetch HTML without running scripts.
A script counts only pages a browser actually showed.

No cookie is read or set (the view is CSRF-exempt and touches no session), nothing about the
visitor is stored: the same visitor's repeats within VIEW_REPEAT_SECONDS, and more than
VISITOR_LIMIT beacons an hour, are recognised through a keyed hash of address and user agent
that lives only as a cache key. Crawlers, headless browsers and audit tools are not counted.
Only live products count; any other id answers 404.
"""

import re

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog.models import ProductPage, ProductView
from config.proxies import client_ip

# "Googlebot/2.1", "bingbot/2.0", "AhrefsBot/7.0", "HeadlessChrome/120", Lighthouse... but not
# a phone named "CUBOT X30" (the same rule as search/views.py, plus headless browsers).
BOT_AGENT = re.compile(
    r"(?:bot|crawler|spider)(?:[/;)]|$)|slurp|lighthouse|facebookexternalhit|headless"
    r"|python-|curl/|wget/|java/|go-http-client|phantomjs",
    re.I,
)
VIEW_REPEAT_SECONDS = 30 * 60
VISITOR_LIMIT = 120  # beacons per visitor and hour
_SALT = "catalog.stats.beacon.visitor"


def is_bot(request):
    agent = request.headers.get("User-Agent", "")
    return not agent.strip() or bool(BOT_AGENT.search(agent))


def _visitor(request):
    agent = request.headers.get("User-Agent", "")
    return salted_hmac(_SALT, f"{client_ip(request)}|{agent}").hexdigest()


def _over_limit(visitor):
    key = f"view-beacon-rate:{visitor}:{timezone.now():%Y%m%d%H}"
    if cache.add(key, 1, 3600):
        return False
    try:
        return cache.incr(key) > VISITOR_LIMIT
    except ValueError:  # expired between add and incr
        return False


def _no_content(status=204):
    response = HttpResponse(status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@csrf_exempt
@never_cache
@require_POST
def product_view_beacon(request, product_id):
    if not ProductPage.objects.live().filter(pk=product_id).exists():
        raise Http404
    if is_bot(request):
        return _no_content()
    visitor = _visitor(request)
    if _over_limit(visitor):
        return _no_content(429)
    if cache.add(f"view-beacon-seen:{visitor}:{product_id}", 1, VIEW_REPEAT_SECONDS):
        ProductView.record(product_id)
    return _no_content()
