"""One pagination rule for every listing (no copy per page type)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_PARAM = "halaman"


def requested_page(request, param=PAGE_PARAM):
    """The page number asked for: a positive integer, else 404 (never a 500)."""
    raw = request.GET.get(param, "1").strip() or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise Http404(_("Nomor halaman tidak valid."))
    return int(raw)


def paginate(queryset, per_page, number):
    """Page `number` of `queryset`; a number past the end gives the last page."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    return paginator.page(min(number, paginator.num_pages))
