"""``/healthz``: can this process serve the site? For load balancers and uptime monitors.

It checks what a page needs: the database answers ``SELECT 1``, and the configured search
engine answers (the database engine needs nothing more; Elasticsearch must answer within the
search timeout and have the product index). 200 with every check "ok", or 503 naming the one
that failed. Never cached, never indexed; the error text stays in the logs, not the response.
"""

import logging
import time

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise RuntimeError("SELECT 1 did not return 1")
    return {"engine": connection.vendor}


def check_search():
    from search.service import get_engine

    engine = get_engine()
    if engine.name != "elasticsearch":
        return {"engine": engine.name}
    # The engine's own client: the same bounded timeout and no retry on timeout.
    if not engine.client.indices.exists(index=engine.index_name):
        raise RuntimeError(f"the index {engine.index_name!r} does not exist")
    return {"engine": engine.name}


CHECKS = {"database": check_database, "search": check_search}


@never_cache
@require_GET
def healthz(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            result = {"status": "ok", **check()}
        except Exception:  # any failure is a failed check, whatever raised it
            logger.exception("Health check %s failed", name)
            result, healthy = {"status": "error"}, False
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = result
    response = JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results},
        status=200 if healthy else 503,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
