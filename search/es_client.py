"""The Elasticsearch client the catalog search uses: bounded timeouts, no retry storms.

`make_client(url, timeout)` is the only place a client is built (engine, index maintenance,
the `search_reindex` command), so every caller gets the same behaviour: a request that takes
longer than `timeout` seconds fails at once (the service then falls back to the database
engine) instead of being retried against a slow cluster.
"""

from django.conf import settings
from elastic_transport import Urllib3HttpNode
from elasticsearch import Elasticsearch

# One retry on a connection error is enough to survive a node that closed an idle keep-alive
# connection; a timeout is never retried (the cluster is slow, asking again makes it worse).
MAX_RETRIES = 1

_COMPAT_TYPES = {
    "application/vnd.elasticsearch+json": "application/json",
    "application/vnd.elasticsearch+x-ndjson": "application/x-ndjson",
}


def _plain_media_type(value):
    """'application/vnd.elasticsearch+json; compatible-with=8' -> 'application/json'."""
    if not value:
        return value
    base = value.split(";", 1)[0].strip().lower()
    return _COMPAT_TYPES.get(base, value)


class CompatHeadersNode(Urllib3HttpNode):
    """A transport node that sends plain JSON media types instead of the compatibility ones.

    The elasticsearch 8/9 client always sends `Accept` and `Content-Type` as
    `application/vnd.elasticsearch+json; compatible-with=8` (and the `+x-ndjson` variant for
    bulk bodies). Elasticsearch itself accepts those, but osmem-server (the in-memory server
    the tests run against) and some Elasticsearch-compatible servers answer 406 Not
    Acceptable. This node rewrites both headers to `application/json` /
    `application/x-ndjson` just before sending. It is only used when the setting
    `SEARCH_ES_COMPAT_HEADERS` is true (the test settings set it); production talks to
    Elasticsearch with the client's defaults.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        merged = self._headers.copy()
        if headers:
            merged.update(headers)
        for name in ("accept", "content-type"):
            if name in merged:
                merged[name] = _plain_media_type(merged[name])
        return super().perform_request(method, target, body=body, headers=merged, **kwargs)


def use_compat_headers():
    return bool(getattr(settings, "SEARCH_ES_COMPAT_HEADERS", False))


def make_client(url, timeout):
    """An Elasticsearch client for `url` whose requests give up after `timeout` seconds."""
    options = {
        "request_timeout": timeout,
        "max_retries": MAX_RETRIES,
        "retry_on_timeout": False,
        "retry_on_status": (),
    }
    if use_compat_headers():
        options["node_class"] = CompatHeadersNode
    return Elasticsearch(url, **options)
