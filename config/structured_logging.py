"""JSON-lines logs for production and the request id that ties a request's lines together.

A log collector parses one JSON object per line without guessing at formats; every line logged
while a request is handled carries its request id, method and path, so a buyer's "it failed at
10:02" can be traced. The id comes from the proxy's ``X-Request-ID`` when a trusted proxy stands
in front (TRUSTED_PROXY_COUNT, config/proxies.py) and it looks like one (letters, digits,
``-_.:``, at most 64), else a fresh one; it is echoed in the response.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

from config.proxies import behind_trusted_proxy

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_request_context = contextvars.ContextVar("request_context", default=None)

# Attributes every LogRecord has; anything else was passed with `extra=` and is kept.
_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def current_request_context():
    """{"request_id", "method", "path"} of the request being handled, or None."""
    return _request_context.get()


class RequestIdMiddleware:
    """Gives each request an id (``request.request_id``), logs under it, echoes it back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "") if behind_trusted_proxy() else ""
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_context.set(
            {"request_id": request_id, "method": request.method, "path": request.path}
        )
        try:
            response = self.get_response(request)
        finally:
            _request_context.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request fields, extras."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        context = current_request_context()
        if context:
            entry.update(context)
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry.setdefault("method", request.method)
            entry.setdefault("path", request.path)
            entry.setdefault("request_id", getattr(request, "request_id", None))
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and key not in ("request", "status_code"):
                entry.setdefault(key, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)
