"""The public "Unduh katalog (PDF)" link: the stored PDF when it is current, else 202 with a
retry hint while a build runs in the background.

Anyone may ask, so the work an anonymous visitor can cause is bounded: only public scopes
(an IKM, sentra, region, category or exhibition; never a curator's selection), two languages
and two paper sizes (four catalogs per scope), one build per catalog at a time (the row's
atomic claim), a build only when what the catalog includes changed since the stored one, and at
most `PRINT_PUBLIC_BUILDS_PER_HOUR` builds an hour started from the public link, site-wide.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from printing.models import PrintedCatalog
from printing.scopes import PUBLIC_KINDS, resolve
from printing.tasks import catalog_row, request_build

RETRY_SECONDS = 10
BUDGET_KEY = "printing:public-builds"


def variant(request):
    """(language, paper) from `?bahasa=` and `?kertas=`; Http404 for anything else."""
    language = request.GET.get("bahasa", "id")
    paper = request.GET.get("kertas", "a4")
    if language not in PrintedCatalog.Language.values or paper not in PrintedCatalog.Paper.values:
        raise Http404("unknown variant")
    return language, paper


def pdf_response(row, *, attachment=False):
    response = FileResponse(
        row.file.open("rb"),
        as_attachment=attachment,
        filename=row.file_name,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def building_response(request, row, status=202, retry=RETRY_SECONDS):
    html = render_to_string("printing/building.html", {"row": row, "retry": retry}, request=request)
    response = HttpResponse(html, status=status)
    response["Retry-After"] = str(retry)
    return response


def _public_budget_left():
    """Take one build from this hour's public budget; False when it is spent."""
    limit = getattr(settings, "PRINT_PUBLIC_BUILDS_PER_HOUR", 60)
    cache.add(BUDGET_KEY, 0, 3600)
    try:
        used = cache.incr(BUDGET_KEY)
    except ValueError:  # expired between add and incr
        cache.add(BUDGET_KEY, 1, 3600)
        used = 1
    return used <= limit


def serve_or_build(request, scope, language, paper, *, public):
    ids = scope.product_ids()
    if not ids:
        raise Http404("empty catalog")
    fingerprint = scope.fingerprint(ids)
    row = catalog_row(scope, language, paper)
    if row.is_current(fingerprint):
        return pdf_response(row)
    if not row.is_building:
        if public and not _public_budget_left():
            return building_response(request, row, status=429, retry=600)
        request_build(row, fingerprint, request.user)
    return building_response(request, row)


@require_GET
@never_cache
def download(request, kind, key):
    if kind not in PUBLIC_KINDS:
        raise Http404("not a public catalog")
    language, paper = variant(request)
    return serve_or_build(request, resolve(kind, key), language, paper, public=True)
