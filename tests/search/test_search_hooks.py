"""Exhibition membership reaches search through a registered hook (search/hooks.py): showroom
registers its provider, the taxonomy and the database engine read any provider, and no search
module names showroom (showroom imports search, so the dependency runs one way)."""

import ast
from pathlib import Path

import pytest
from django.db.models import F, Value

import search
from catalog.factories import ProductPageFactory, VendorPageFactory
from catalog.models import ProductPage
from search.hooks import (
    MembershipProvider,
    membership_provider,
    register_membership_provider,
)
from search.query import CatalogQuery
from search.service import get_engine
from search.taxonomy import forget_taxonomy, taxonomy
from showroom.search_membership import EXHIBITIONS


def test_showroom_registers_the_exhibition_provider():
    assert membership_provider("exhibition") is EXHIBITIONS


def test_an_unregistered_kind_of_group_is_empty():
    provider = membership_provider("no-such-group")
    assert provider.live_groups() == []
    assert provider.memberships() is None
    assert provider.member_ids(1) == set()
    assert not provider.is_group(object())


@pytest.fixture
def picked_products(site_tree):
    """A provider of our own: one group, "pilihan", holding the products titled Kain."""
    vendor = VendorPageFactory(title="Batik Trusmi", slug="batik-trusmi")
    kain = ProductPageFactory(parent=vendor, title="Kain Batik")
    ProductPageFactory(parent=vendor, title="Kemeja Batik")
    provider = MembershipProvider(
        live_groups=lambda: [(1, "pilihan", "Pilihan Kurator", "Curators' pick")],
        memberships=lambda: ProductPage.objects.filter(title__startswith="Kain").annotate(
            product_id=F("pk"), group_slug=Value("pilihan")
        ),
        member_ids=lambda page_id: {kain.pk},
        is_group=lambda instance: False,
        prefetch="",
        slugs_of=lambda product: ["pilihan"] if product.title.startswith("Kain") else [],
    )
    register_membership_provider("exhibition", provider)
    forget_taxonomy()
    yield kain
    register_membership_provider("exhibition", EXHIBITIONS)
    forget_taxonomy()


@pytest.mark.django_db
def test_search_files_products_under_whatever_the_provider_says(picked_products):
    assert taxonomy()["exhibition"] == {"pilihan": "Pilihan Kurator"}
    assert taxonomy()["exhibition_ids"] == {"1": "pilihan"}
    result = get_engine().search(CatalogQuery(page_size=50, exhibition="pilihan"), [])
    assert result.ids == [picked_products.pk]
    everything = get_engine().search(CatalogQuery(page_size=50), [])
    assert everything.facets["exhibition"] == {"pilihan": 1}


def test_no_search_module_names_showroom():
    root = Path(search.__file__).parent
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("showroom"), path
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("showroom") for a in node.names), path
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not node.value.startswith("showroom"), (path, node.value)
