"""One pagination rule for every listing (no copy per page type)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate(request, queryset, per_page, param="halaman"):
    """Return the requested page of `queryset`.

    A page number past the end gives the last page; a number that is not a positive integer
    is a 404, never a 500.
    """
    raw = request.GET.get(param, "1").strip() or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise Http404(_("Nomor halaman tidak valid."))
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    number = min(int(raw), paginator.num_pages)
    return paginator.page(number)
