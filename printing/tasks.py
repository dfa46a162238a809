"""Building a printed catalog in the background (django-tasks, "background" backend, queue
"printing"), with its progress on the row for the admin to show.

`request_build()` is the one way a build starts: it claims the catalog's row with one atomic
UPDATE (so a catalog is never built twice at once, whoever asks) and enqueues the task after
the transaction commits. The task renders the HTML, then the PDF, and stores it in private
storage under a name that says what and when.
"""

import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from printing.document import catalog_context
from printing.models import PrintedCatalog
from printing.render import BASE_URL, local_fetcher
from printing.scopes import resolve

logger = logging.getLogger(__name__)

BACKEND = "background"
QUEUE = "printing"
# Share of the progress bar for preparing the entries (photos, QR codes); the PDF is the rest.
PREPARE_SHARE = 40


def file_name(row, scope, when):
    """katalog-<kind>-<slug>-<language>-<paper>-<YYYYMMDD-HHMM>.pdf"""
    return f"katalog-{scope.kind}-{scope.slug()}-{row.language}-{row.paper}-{when:%Y%m%d-%H%M}.pdf"


def _progress(pk, percent):
    PrintedCatalog.objects.filter(pk=pk).update(progress=percent, updated_at=timezone.now())


def render_catalog(scope, language, paper, ids=None, on_progress=None):
    """(PDF bytes, number of pages) of one catalog."""
    from weasyprint import HTML

    context = catalog_context(scope, language, paper, ids=ids, on_progress=on_progress)
    with translation.override(language):
        html = render_to_string("printing/catalog.html", context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=local_fetcher()).render()
    return document.write_pdf(), len(document.pages)


def build(pk):
    """Build the catalog of row `pk` if it is queued; returns the row's final status."""
    claimed = PrintedCatalog.objects.filter(pk=pk, status=PrintedCatalog.Status.QUEUED).update(
        status=PrintedCatalog.Status.BUILDING, progress=1, updated_at=timezone.now()
    )
    if not claimed:
        return None
    row = PrintedCatalog.objects.get(pk=pk)
    started = time.monotonic()
    try:
        scope = resolve(row.scope_kind, row.scope_key)
        ids = scope.product_ids()
        fingerprint = scope.fingerprint(ids)
        step = max(1, len(ids) // 20)

        def on_progress(done, total):
            if done % step == 0 or done == total:
                _progress(pk, 1 + PREPARE_SHARE * done // max(total, 1))

        pdf, pages = render_catalog(scope, row.language, row.paper, ids, on_progress)
        _progress(pk, 95)
        now = timezone.localtime()
        old = row.file.name
        row.file.save(file_name(row, scope, now), ContentFile(pdf), save=False)
        if old and old != row.file.name:
            row.file.storage.delete(old)
        row.file_name = file_name(row, scope, now)
        row.title = scope.title(row.language)[:255]
        row.status = PrintedCatalog.Status.READY
        row.progress = 100
        row.fingerprint = fingerprint
        row.product_count = len(ids)
        row.page_count = pages
        row.size_bytes = len(pdf)
        row.seconds = round(time.monotonic() - started, 2)
        row.built_at = timezone.now()
        row.error = ""
        row.save()
    except Http404:
        PrintedCatalog.objects.filter(pk=pk).update(
            status=PrintedCatalog.Status.FAILED, error="scope no longer exists"
        )
    except Exception as error:
        logger.exception("Printed catalog %s failed", pk)
        PrintedCatalog.objects.filter(pk=pk).update(
            status=PrintedCatalog.Status.FAILED, error=str(error)[:2000]
        )
    return PrintedCatalog.objects.filter(pk=pk).values_list("status", flat=True).first()


@task(backend=BACKEND, queue_name=QUEUE)
def build_catalog(pk):
    return build(pk)


def _enqueue(pk):
    try:
        build_catalog.enqueue(pk)
    except Exception as error:  # the queue is down: the next request may claim it again
        logger.warning("Could not enqueue printed catalog %s (%s)", pk, error)
        PrintedCatalog.objects.filter(pk=pk, status=PrintedCatalog.Status.QUEUED).update(
            status=PrintedCatalog.Status.FAILED, error="queue unavailable"
        )


def catalog_row(scope, language, paper):
    row, _created = PrintedCatalog.objects.get_or_create(
        scope_kind=scope.kind, scope_key=scope.key, language=language, paper=paper
    )
    return row


def request_build(row, fingerprint, user=None):
    """Queue a build of `row` unless one is under way; True when this call queued it."""
    if not row.claim_for_build(fingerprint, user):
        return False
    transaction.on_commit(lambda: _enqueue(row.pk))
    return True
