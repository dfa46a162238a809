"""The browser's print of a printed catalog: a curator opens the catalog's HTML in the admin
(the same template WeasyPrint renders) and Chromium prints it. Every QR code on every printed
page decodes at 300 dpi to its product's URL, and no text lies on a code, as in the PDF."""

from collections import Counter

import pytest

from tests.printing.conftest import catalog, curator  # noqa: F401  (the printing fixtures)
from tests.printing.pdfcheck import qr_urls_on_pages, text_overlapping_codes
from tests.printing.test_catalog_pdf import expected_urls

pytestmark = pytest.mark.e2e


def test_the_browsers_print_of_a_catalog_scans_like_the_pdf(
    new_context,
    django_db_serialized_rollback,
    live_server,
    catalog,  # noqa: F811  (the printing fixture, imported above)
    curator,  # noqa: F811
):
    from wagtail.models import Site

    from printing import scopes
    from tests.e2e.test_e2e_exhibitions import log_in

    Site.objects.filter(is_default_site=True).update(
        hostname="127.0.0.1", port=int(live_server.url.rsplit(":", 1)[1])
    )
    scope = scopes.resolve(scopes.EXHIBITION, "pameran-ciayumajakuning")
    page = log_in(new_context(), curator.username)
    response = page.goto(f"/admin/katalog-cetak/pratinjau/{scopes.EXHIBITION}/{scope.key}/")
    assert response.ok

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)

    decoded = qr_urls_on_pages(pdf, dpi=300)
    assert len(decoded) >= 4  # cover, contents, entries, back page
    printed = Counter(url for urls in decoded for url in urls)
    assert printed == expected_urls(scope, scope.products(), "id")
    assert text_overlapping_codes(pdf) == []
