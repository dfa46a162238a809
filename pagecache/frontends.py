"""Purging Varnish or a CDN by tag, through wagtail.contrib.frontend_cache's backends.

Anonymous pages carry their tags as surrogate keys (`xkey` for Varnish's xkey module,
`Surrogate-Key` for Fastly-style CDNs, `Cache-Tag` for Cloudflare-style ones; see
pagecache/middleware.py). When tags are purged, every backend configured in
WAGTAILFRONTENDCACHE that can purge by tag (`purge_tags`) is told, after the commit, by a
background task on the outbox's queue (a CDN's API is an outside service the editor need not
wait for; if the queue refuses, the purge is sent at once, bounded by the backend's timeout).
Backends without tags (Wagtail's own, by URL) are left to Wagtail's page-published handlers.

`XkeyBackend` is a Wagtail frontend-cache backend (`purge(url)` like HTTPBackend) that also
purges by tag with one `PURGE` carrying an `xkey-purge` header, as config/varnish/etalase.vcl
expects. Written here because Wagtail's backends purge by URL only, and a product's change
shows on listings whose URLs nobody can enumerate (every filter combination).
"""

import logging
from urllib.error import URLError
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

from outbox.tasks import BACKEND, QUEUE

logger = logging.getLogger(__name__)


class XkeyBackend(HTTPBackend):
    """Varnish with the xkey module: PURGE by URL (Wagtail's HTTPBackend) and by tag."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 5))
        self.location = params["LOCATION"].rstrip("/")
        super().__init__(params)

    def purge_tags(self, tags):
        request = PurgeRequest(
            url=f"{self.location}/", headers={"xkey-purge": " ".join(sorted(tags))}
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310  # nosec B310: configured
                pass
        except (URLError, OSError) as error:
            logger.error("Could not purge tags %s from Varnish: %s", " ".join(tags), error)
            raise


def tag_backends():
    """The configured frontend caches that purge by tag."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    from wagtail.contrib.frontend_cache.utils import get_backends

    return [b for b in get_backends().values() if hasattr(b, "purge_tags")]


@task(backend=BACKEND, queue_name=QUEUE)
def purge_frontends(tags):
    """Tell every tag-purging frontend cache to drop what carries these tags."""
    for backend in tag_backends():
        backend.purge_tags(tags)


def _send(tags):
    try:
        purge_frontends.enqueue(list(tags))
    except Exception as error:  # the queue is down: purge now (bounded by the timeout)
        logger.warning("Could not enqueue the frontend purge (%s); purging now", error)
        try:
            purge_frontends.call(list(tags))
        except Exception:  # logged by the backend; the page's s-maxage bounds the staleness
            logger.exception("Frontend purge of %s failed", " ".join(tags))


def purge_frontends_after_commit(tags):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    transaction.on_commit(lambda: _send(tags))
