"""One pagination rule for every listing (no copy per page type)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_PARAM = "halaman"
# Longer than any real listing; int() of a much longer string is refused (and slow).
MAX_PAGE_DIGITS = 6


def requested_page(request, param=PAGE_PARAM):
    """The page number asked for: a positive integer, else 404 (never a 500).

    Only ASCII digits count: "²" or "٣" pass str.isdigit() yet int() refuses or reinterprets
    them, and a number of thousands of digits is over int()'s limit for strings.
    """
    raw = request.GET.get(param, "1").strip() or "1"
    if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        raise Http404(_("Nomor halaman tidak valid."))
    return int(raw)


def paginate(queryset, per_page, number):
    """Page `number` of `queryset`; a number past the end gives the last page."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    return paginator.page(min(number, paginator.num_pages))
