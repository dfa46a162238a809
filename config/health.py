"""``/healthz``: can this process serve the site? For load balancers and uptime monitors.

It checks what a page needs, always answering JSON (never the HTML error page):

- ``database``: answers ``SELECT 1``. Without it no uncached page can be served, so a failure
  makes the answer **503** (``"status": "error"``): take this process out of rotation.
- ``cache``: the shared cache (Redis) answers a PING. Pages render uncached without it
  (config/cache.py), so a failure is ``"degraded"`` with **200**.
- ``search``: the configured engine. For Elasticsearch: the circuit breaker's state
  (search/breaker.py) and, unless it is open, whether the cluster has the product index within
  the search timeout. Searches fall back to the database engine, so a failure or an open
  breaker is ``"degraded"`` with **200**.

The top-level ``status`` is ``ok``, ``degraded`` or ``error``. Never cached, never indexed; the
error text stays in the logs, not the response.
"""

import logging
import time

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.cache import cache_status

logger = logging.getLogger(__name__)
OK, DEGRADED, ERROR = "ok", "degraded", "error"


class Degraded(Exception):
    """A check whose dependency is down while the site still serves without it."""

    def __init__(self, message, **details):
        super().__init__(message)
        self.details = details


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise RuntimeError("SELECT 1 did not return 1")
    return {"engine": connection.vendor}


def check_cache():
    status = cache_status(caches["default"])
    if status["status"] != OK:
        raise Degraded("the cache does not answer", **status)
    return status


def check_search():
    from search.breaker import OPEN, search_breaker
    from search.service import get_engine

    engine = get_engine()
    if engine.name != "elasticsearch":
        return {"engine": engine.name}
    breaker = search_breaker().status()
    details = {"engine": engine.name, "fallback": "database", "breaker": breaker}
    if breaker["state"] == OPEN:
        raise Degraded("the circuit breaker is open", **details)
    try:
        # The engine's own client: the same bounded timeout and no retry on timeout.
        exists = engine.client.indices.exists(index=engine.index_name)
    except Exception as error:
        raise Degraded(f"Elasticsearch unavailable: {error}", **details) from error
    if not exists:
        raise Degraded(f"the index {engine.index_name!r} does not exist", **details)
    return {"engine": engine.name, "breaker": breaker}


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search}
# Checks whose failure only degrades the site: 200. Any other failing check: 503.
DEGRADABLE = {"cache", "search"}


def run_check(name, check):
    try:
        return {"status": OK, **check()}
    except Degraded as degraded:
        logger.warning("Health check %s degraded: %s", name, degraded)
        return {**degraded.details, "status": DEGRADED if name in DEGRADABLE else ERROR}
    except Exception:  # any failure is a failed check, whatever raised it
        logger.exception("Health check %s failed", name)
        return {"status": DEGRADED if name in DEGRADABLE else ERROR}


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        result = run_check(name, check)
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = result
    states = {result["status"] for result in results.values()}
    overall = ERROR if ERROR in states else DEGRADED if DEGRADED in states else OK
    response = JsonResponse(
        {"status": overall, "checks": results}, status=503 if overall == ERROR else 200
    )
    response["X-Robots-Tag"] = "noindex"
    return response
