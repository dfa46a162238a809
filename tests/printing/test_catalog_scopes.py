"""What a printed catalog includes: live products only, a category with its subcategories, an
exhibition in its curated order, a curator's selection in the order given."""

import pytest
from django.http import Http404

from printing import scopes

pytestmark = pytest.mark.django_db


def ids(*products):
    return [p.pk for p in products]


def test_an_ikm_catalog_has_its_live_products_only(catalog):
    scope = scopes.resolve(scopes.VENDOR, "batik-trusmi-jaya")
    assert set(scope.product_ids()) == set(ids(catalog.long, catalog.on_request))


def test_a_category_includes_its_subcategories(catalog):
    scope = scopes.resolve(scopes.CATEGORY, "batik")
    assert set(scope.product_ids()) == set(ids(catalog.long, catalog.on_request))
    assert scopes.resolve(scopes.CATEGORY, "batik-tulis").product_ids() == ids(catalog.long)


def test_sentra_and_region(catalog):
    assert set(scopes.resolve(scopes.SENTRA, "sentra-batik-trusmi").product_ids()) == set(
        ids(catalog.long, catalog.on_request)
    )
    assert scopes.resolve(scopes.REGION, "kota-cilegon").product_ids() == ids(catalog.chair)


def test_an_exhibition_keeps_the_curators_order(catalog):
    scope = scopes.resolve(scopes.EXHIBITION, "pameran-ciayumajakuning")
    assert scope.product_ids() == ids(catalog.chair, catalog.on_request, catalog.long)


def test_a_selection_keeps_its_order_and_drops_what_is_not_live(catalog):
    key = f"{catalog.long.pk},{catalog.draft.pk},{catalog.chair.pk}"
    assert scopes.resolve(scopes.SELECTION, key).product_ids() == ids(catalog.long, catalog.chair)


@pytest.mark.parametrize(
    ("kind", "key"), [("ikm", "tidak-ada"), ("pilihan", "1;DROP"), ("lain", "x"), ("pameran", "x")]
)
def test_unknown_scopes_are_404(catalog, kind, key):
    with pytest.raises(Http404):
        scopes.resolve(kind, key)


def test_the_fingerprint_changes_when_a_product_is_published(catalog):
    scope = scopes.resolve(scopes.VENDOR, "batik-trusmi-jaya")
    before = scope.fingerprint()
    assert scope.fingerprint() == before
    catalog.long.title = "Kain Baru"
    catalog.long.save_revision().publish()
    assert scope.fingerprint() != before
