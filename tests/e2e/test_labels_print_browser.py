"""The browser's print of the shelf labels: a curator opens the printable page in the admin
and Chromium prints it (`page.pdf()`, print media, A4 from the page's own `@page`). Every QR
code on every printed page decodes at 300 dpi to its label's URL and no text lies on a code,
as in WeasyPrint's PDF of the same template."""

import pytest

from tests.printing.label_data import adversarial_products, exhibition_with_labels
from tests.printing.pdfcheck import qr_urls_on_pages, text_overlapping_codes

pytestmark = pytest.mark.e2e

LABELS = 13  # two A4 sheets
SOURCE = "label-pameran-kerajinan-ciayumajakuning-2026"


def test_the_browsers_print_of_the_label_sheet_decodes_like_the_pdf(
    new_context, django_db_serialized_rollback, live_server
):
    from wagtail.models import Site

    from catalog.factories import UserFactory
    from catalog.ownership import ensure_curator_group
    from tests.e2e.test_e2e_exhibitions import log_in

    Site.objects.filter(is_default_site=True).update(
        hostname="127.0.0.1", port=int(live_server.url.rsplit(":", 1)[1])
    )
    # An exhibition: its booth codes are long too ("GedungB-StanUtama012", 20 characters).
    exhibition = exhibition_with_labels(adversarial_products(LABELS))
    ensure_curator_group(users=[UserFactory(username="kurator.label")])

    page = log_in(new_context(), "kurator.label")
    page.goto(f"/admin/showroom/label/{exhibition.pk}/")
    urls = page.locator(".label").evaluate_all("labels => labels.map(l => l.dataset.url)")
    assert len(urls) == LABELS
    assert all(url.endswith(f"?src={SOURCE}") for url in urls)
    assert page.get_by_role("button", name="Cetak").is_visible()

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)

    pages = qr_urls_on_pages(pdf, dpi=300)
    assert len(pages) == 2  # the toolbar and the visit counts are not printed
    assert sorted(pages[0]) == sorted(urls[:10])
    assert sorted(pages[1]) == sorted(urls[10:])
    assert text_overlapping_codes(pdf) == []

    # Scanning a printed code opens the product page and counts the visit.
    from showroom.labels import LabelVisit

    buyer = new_context().new_page()
    assert buyer.goto(pages[0][0]).ok
    visit = LabelVisit.objects.get()
    assert (visit.source, visit.count) == (SOURCE, 1)
