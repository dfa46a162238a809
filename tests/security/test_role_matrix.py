"""The README's role matrix over HTTP: for each admin area, each role (IKM owner, curator,
operator, superuser), signed in with both factors, gets the page (200) or is refused as the
README says. Wagtail refuses an admin view with a redirect to the dashboard (and a message);
some of our own views answer 403 or 404: each of these counts as refused, never the page."""

import io

import pytest
from django.test import Client

from catalog.factories import ProductPageFactory, RegionFactory, UserFactory
from catalog.onboarding import onboard_ikm
from catalog.ownership import ensure_roles
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

ROLES = ("owner", "curator", "operator", "superuser")
Y, N = True, False

# area: (url, owner, curator, operator, superuser). Keep in step with the README's table.
MATRIX = {
    "dashboard": ("/admin/", Y, Y, Y, Y),
    "own IKM pages": ("/admin/pages/{vendor}/", Y, Y, Y, Y),
    "edit own product": ("/admin/pages/{product}/edit/", Y, Y, Y, Y),
    "images": ("/admin/images/", Y, Y, Y, Y),
    "documents": ("/admin/documents/", Y, Y, Y, Y),
    "inquiry inbox": ("/admin/pertanyaan/", Y, N, Y, Y),
    "inquiry reports": ("/admin/pertanyaan/laporan/", N, N, Y, Y),
    "orders": ("/admin/pesanan/", Y, N, Y, Y),
    "statistics": ("/admin/statistik/", Y, N, Y, Y),
    "catalog import": ("/admin/katalog/impor/", Y, N, Y, Y),
    "onboard IKM": ("/admin/ikm/daftarkan/", N, N, Y, Y),
    "taxonomies": ("/admin/snippets/catalog/category/", N, Y, Y, Y),
    "add unit": ("/admin/snippets/catalog/unit/add/", N, Y, Y, Y),
    "synonym sets": ("/admin/snippets/search/synonymset/", N, Y, Y, Y),
    "add synonym set": ("/admin/snippets/search/synonymset/add/", N, Y, Y, Y),
    "search promotions": ("/admin/searchpicks/", N, Y, Y, Y),
    "add search promotion": ("/admin/searchpicks/add/", N, Y, Y, Y),
    "users": ("/admin/users/", N, N, Y, Y),
    "groups": ("/admin/groups/", N, N, N, Y),
    "outbox emails": ("/admin/outbox_email/", N, N, Y, Y),
}


@pytest.fixture
def people(site_tree):
    ensure_roles()
    RegionFactory(name="Kabupaten Cirebon")
    result = onboard_ikm(
        "Batik Ibu Siti", "Kabupaten Cirebon", ["siti@example.com"], publish=True, invite=False
    )
    product = ProductPageFactory(parent=result.vendor, title="Kain Batik", sku="KB-1")
    product.save_revision().publish()
    curator = UserFactory(username="kurator.uji")
    curator.groups.add(ensure_roles()["curators"])
    operator = UserFactory(username="operator.uji")
    operator.groups.add(ensure_roles()["operators"])
    superuser = UserFactory(username="super.uji", is_superuser=True, is_staff=True)
    return {
        "users": {
            "owner": result.users[0],
            "curator": curator,
            "operator": operator,
            "superuser": superuser,
        },
        "ids": {"vendor": result.vendor.pk, "product": product.pk},
    }


def refused(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(people, role):
    client = login_verified(Client(), people["users"][role])
    wrong = []
    for area, (url, *allowed) in MATRIX.items():
        response = client.get(url.format(**people["ids"]))
        expected_page = allowed[ROLES.index(role)]
        ok = response.status_code == 200 if expected_page else refused(response)
        if not ok:
            wrong.append(f"{area} {url}: {response.status_code} {response.get('Location', '')}")
    assert not wrong, f"{role}: " + "; ".join(wrong)


def test_setup_roles_grants_curators_the_search_tools(people):
    """An existing site gets the permissions by running setup_roles again (it is additive)."""
    from django.core.management import call_command

    curators = ensure_roles()["curators"]
    curators.permissions.clear()
    call_command("setup_roles", stdout=io.StringIO())
    codenames = set(curators.permissions.values_list("codename", flat=True))
    assert {"change_synonymset", "add_searchpromotion", "change_searchpromotion"} <= codenames
