"""The 503 page: the database refuses or hangs, the site says so and comes back by itself.

Django turns an exception a view (or a middleware) raised into the response of `handler500`,
called while the exception is being handled. `server_error` looks at that exception: a
database that refused a connection, dropped it or cancelled a statement at the statement
timeout (OperationalError, InterfaceError) is a passing outage, not a bug, so the visitor gets
a clear 503 page in their language (Indonesian by default) with `Retry-After`, and the next
request opens a fresh connection (CONN_HEALTH_CHECKS). Anything else is the plain 500 page.

Neither page may touch the database: both are rendered from a bare template context, with no
request and no context processor. Cached pages never get here: the page cache answers before
any view or database access (pagecache/middleware.py).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
OUTAGES = (OperationalError, InterfaceError)


class HttpResponseServiceUnavailable(HttpResponseServerError):
    status_code = 503


def unavailable_response():
    content = loader.get_template("503.html").render()
    response = HttpResponseServiceUnavailable(content)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def is_outage(error):
    return isinstance(error, OUTAGES)


@requires_csrf_token
def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page for a database outage, else Django's own 500 page."""
    error = sys.exc_info()[1]
    if is_outage(error):
        logger.error("Database unavailable, answered 503: %s: %s", type(error).__name__, error)
        return unavailable_response()
    return defaults.server_error(request, template_name)
