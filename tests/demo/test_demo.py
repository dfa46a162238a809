"""The demo catalog: `manage.py load_demo_catalog`, its pictures and the IKM ownership service.

The curated demo (about 80 published products with their pictures) takes several seconds to
build, so it is built once for this module (`demo`, inside a transaction rolled back at the
end of the module); each test runs in a savepoint on top of it.
"""

import io
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    ReferenceIndex,
    Revision,
)
from wagtail.permissions import policy_registry
from wagtail.search.backends import get_search_backend

from catalog.factories import VendorPageFactory
from catalog.models import (
    CatalogImage,
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    User,
    VendorPage,
)
from catalog.ownership import ensure_curator_group, grant_vendor_ownership
from demo import data
from demo import pictures as demo_images
from demo.accounts import DEMO_PASSWORD
from demo.curated import curated_product_count
from demo.synthetic import SYNTHETIC_SKU_PREFIX, synthetic_vendor_slug

pytestmark = pytest.mark.django_db

REQUIRED_REGIONS = {"kota-cirebon", "kabupaten-cirebon", "kota-cilegon"}
VENDORS = data.vendors()
TRUSMI = next(v for v in VENDORS if v["key"] == "trusmi")


def load(*args):
    out = io.StringIO()
    call_command("load_demo_catalog", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts():
    return {
        "vendors": VendorPage.objects.count(),
        "products": ProductPage.objects.count(),
        "pages": Page.objects.count(),
        "images": CatalogImage.objects.count(),
        "gallery": ProductGalleryImage.objects.count(),
        "certificates": ProductCertificate.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "revisions": Revision.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "references": ReferenceIndex.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The curated demo, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = load()
        yield SimpleNamespace(output=output, counts=counts())
        transaction.set_rollback(True)


def owner():
    return User.objects.get(username="pemilik.trusmi")


def trusmi_page():
    return VendorPage.objects.get(title=TRUSMI["title"])


# -- the curated demo --------------------------------------------------------------------------


def test_demo_builds_ikm_across_the_three_regions(demo):
    vendors = VendorPage.objects.live()
    assert vendors.count() >= 12
    regions = set(vendors.values_list("region__slug", flat=True))
    assert regions >= REQUIRED_REGIONS
    for slug in REQUIRED_REGIONS:
        assert vendors.filter(region__slug=slug).count() >= 2, slug
    assert VendorPage.objects.get(region__slug="kota-cilegon", title__icontains="Krakatau")
    cilegon = vendors.filter(region__slug="kota-cilegon").first()
    assert cilegon.region.province == "Banten"
    assert (
        vendors.exclude(region__slug="kota-cilegon").filter(region__province="Banten").count() == 0
    )


def test_demo_ikm_profiles_are_complete(demo):
    for vendor in VendorPage.objects.select_related("logo", "cover_image"):
        assert vendor.whatsapp.startswith("+628"), vendor.whatsapp  # normalised by clean()
        assert len(vendor.nib) == 13 and vendor.nib.isdigit()
        assert vendor.owner_names and vendor.address and vendor.story.startswith("<p>")
        assert vendor.ships_from and vendor.couriers  # demo/data/ikm.json
        assert bool(vendor.export_terms) == vendor.export_ready
        assert vendor.logo.description and vendor.cover_image.description
        assert (vendor.logo.width, vendor.logo.height) == demo_images.LOGO_SIZE
        assert (vendor.cover_image.width, vendor.cover_image.height) == demo_images.COVER_SIZE
        assert vendor.live and vendor.live_revision_id and vendor.first_published_at
        # Every picture of an IKM lives in the IKM's own collection.
        collection = Collection.objects.get(name=vendor.title)
        assert collection.get_parent() == Collection.get_first_root_node()
        assert vendor.logo.collection == collection
        assert vendor.cover_image.collection == collection


def test_demo_products_are_published_with_pictures_and_alt_text(demo):
    products = ProductPage.objects.live()
    assert products.count() >= 80
    assert products.count() == curated_product_count()
    assert products.filter(live_revision__isnull=True).count() == 0
    assert products.filter(first_published_at__isnull=True).count() == 0
    assert products.filter(vendor__isnull=True).count() == 0
    for product in products.prefetch_related("gallery_images__image"):
        images = [item.image for item in product.gallery_images.all()]
        assert 1 <= len(images) <= 3, product
        for image in images:
            assert image.description.strip(), image.title
            assert image.collection.name == product.vendor.title
        blocks = [block.block_type for block in product.description]
        assert blocks[:4] == ["heading", "paragraph", "heading", "specifications"], product
        assert product.description[3].value["rows"], product


def test_demo_is_what_the_data_files_say(demo):
    """load_demo_catalog builds exactly the IKM of ikm.json and the rows of products.csv."""
    rows = data.product_rows()
    assert demo.counts["vendors"] == len(VENDORS) == 15
    assert demo.counts["products"] == len(rows) == 83
    assert demo.counts["gallery"] == sum(len(data.image_names(row)) for row in rows) == 138
    assert demo.counts["images"] == 138 + 3 * len(VENDORS)  # and a logo, cover, showcase each
    assert demo.counts["users"] == 2 + len(VENDORS)
    for row in rows:
        product = ProductPage.objects.get(sku=row["sku"], vendor__title=row["ikm"])
        assert product.title == row["name"]
        assert product.price == (int(row["price"]) if row["price"] else None)
        assert (
            product.price_unit == row["price_unit"] and product.availability == row["availability"]
        )


def test_demo_shows_every_state_a_buyer_can_meet(demo):
    products = ProductPage.objects.all()
    assert products.filter(price__isnull=True).exists()  # harga atas permintaan
    for availability in ProductPage.Availability.values:
        assert products.filter(availability=availability).exists(), availability
    assert products.filter(availability="ready", stock=0).exists()  # stok habis
    assert products.exclude(availability="ready").filter(lead_time_days__isnull=True).count() == 0
    certificates = list(ProductCertificate.objects.all())
    assert any(c.is_valid for c in certificates)
    assert any(c.verified and c.is_expired for c in certificates)
    assert any(not c.verified for c in certificates)


def test_demo_is_searchable(demo):
    backend = get_search_backend()
    titles = [page.title for page in backend.search("topeng", ProductPage)]
    assert any("Topeng" in title for title in titles)
    assert any(
        "Trusmi" in v.title or "Sekar" in v.title for v in backend.search("Trusmi", VendorPage)
    )


def test_demo_is_partly_in_english(demo):
    """Every category in English; some products and IKM in English, the rest Indonesian only;
    English synonym sets, so English searches reach the Indonesian-only products."""
    from django.http import QueryDict
    from django.utils import translation

    from catalog.models import Category
    from search.models import SynonymSet
    from search.query import CatalogQuery
    from search.service import Linker, search_catalog

    assert not Category.objects.filter(name_en="").exists()
    products = ProductPage.objects.live()
    english = products.exclude(title_en="")
    assert 0 < english.count() < products.count()
    assert all(p.summary_en and p.description_en for p in english)
    vendors = VendorPage.objects.live()
    assert 0 < vendors.exclude(story_en="").count() < vendors.count()
    terms = {tuple(s.term_list) for s in SynonymSet.objects.all()}
    assert ("rotan", "rattan") in terms
    assert ("terasi", "shrimp paste") in terms
    with translation.override("en"):
        query = CatalogQuery.from_params(QueryDict("q=rattan+chair"))
        found = search_catalog(query, Linker("/cari/")).products
    assert "Kursi Teras Rotan Alam Model Bulan" in [p.title for p in found]
    assert not all(p.title_en for p in found)  # found without English text of its own


def test_demo_prints_the_logins(demo, settings):
    # The address the site is served on (SITE_URL; `make run` derives it from HOST and PORT).
    assert f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/" in demo.output
    assert DEMO_PASSWORD in demo.output
    for username in ("operator", "kurator", "pemilik.trusmi"):
        assert username in demo.output


def test_running_twice_changes_nothing(demo):
    assert counts() == demo.counts
    output = load()
    assert counts() == demo.counts
    assert "nothing changed" in output
    assert "pemilik.trusmi" in output


def test_if_empty_does_nothing_when_ikm_exist(demo):
    output = load("--if-empty")
    assert counts() == demo.counts
    assert "not loaded" in output
    assert "kurator" in output


def test_if_empty_prints_no_logins_that_do_not_exist(demo):
    User.objects.filter(username__in=["operator", "kurator"]).delete()
    User.objects.filter(username__startswith="pemilik.").exclude(username="pemilik.rotan").delete()
    output = load("--if-empty")
    assert "pemilik.rotan" in output
    assert "kurator" not in output and "pemilik.trusmi" not in output
    User.objects.filter(username="pemilik.rotan").delete()
    assert "No demo accounts yet" in load("--if-empty")


# -- users, groups and permissions -------------------------------------------------------------


def test_owner_can_log_into_the_admin(demo, client):
    assert client.login(username="pemilik.trusmi", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200
    vendor = trusmi_page()
    product = ProductPage.objects.filter(vendor=vendor).first()
    assert client.get(f"/admin/pages/{vendor.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{product.pk}/edit/").status_code == 200
    other = VendorPage.objects.exclude(pk=vendor.pk).first()
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)


def test_owner_permissions_are_exactly_on_their_own_vendor_page(demo):
    user, vendor = owner(), trusmi_page()
    group = Group.objects.get(name=f"Pemilik IKM: {TRUSMI['title']}")
    assert list(user.groups.all()) == [group]
    assert not user.is_superuser and not user.is_staff
    assert {(p.content_type.app_label, p.codename) for p in group.permissions.all()} == {
        ("wagtailadmin", "access_admin")
    }
    assert {
        (gpp.page_id, gpp.permission.codename)
        for gpp in GroupPagePermission.objects.filter(group=group)
    } == {(vendor.pk, "add_page"), (vendor.pk, "change_page")}
    collection = Collection.objects.get(name=TRUSMI["title"])
    assert {
        (gcp.collection_id, gcp.permission.content_type.app_label, gcp.permission.codename)
        for gcp in GroupCollectionPermission.objects.filter(group=group)
    } == {
        (collection.pk, "wagtailimages", "add_image"),
        (collection.pk, "wagtailimages", "choose_image"),
        (collection.pk, "wagtailimages", "change_image"),
        (collection.pk, "wagtaildocs", "add_document"),
        (collection.pk, "wagtaildocs", "choose_document"),
        (collection.pk, "wagtaildocs", "change_document"),
    }
    # What Wagtail makes of it: edit own pages, never publish, nothing of other IKM.
    product = ProductPage.objects.filter(vendor=vendor).first()
    assert vendor.permissions_for_user(user).can_edit()
    assert product.permissions_for_user(user).can_edit()
    assert not product.permissions_for_user(user).can_publish()
    other = ProductPage.objects.exclude(vendor=vendor).first()
    assert not other.permissions_for_user(user).can_edit()
    # The image chooser offers exactly the IKM's own pictures.
    policy = policy_registry.get_by_type(get_image_model())
    assert set(policy.instances_user_has_permission_for(user, "choose")) == set(
        CatalogImage.objects.filter(collection=collection)
    )
    assert policy.user_has_permission(user, "add")


def test_every_ikm_has_its_own_owner_and_group(demo):
    for spec in VENDORS:
        user = User.objects.get(username=f"pemilik.{spec['key']}")
        vendor = VendorPage.objects.get(title=spec["title"])
        pages = set(
            GroupPagePermission.objects.filter(group__user=user).values_list("page_id", flat=True)
        )
        assert pages == {vendor.pk}, spec["key"]


def test_curator_and_operator(demo):
    curator = User.objects.get(username="kurator")
    assert curator.groups.filter(name="Kurator").exists()
    assert curator.has_perm("catalog.verify_certificate")
    assert curator.has_perm("catalog.change_category")
    assert curator.has_perm("wagtailadmin.access_admin")
    product = ProductPage.objects.first()
    assert product.permissions_for_user(curator).can_publish()
    operator = User.objects.get(username="operator")
    assert operator.is_superuser
    assert operator.check_password(DEMO_PASSWORD)


# -- the synthetic catalog ---------------------------------------------------------------------


def synthetic():
    vendors = VendorPage.objects.filter(slug__in=[synthetic_vendor_slug(v) for v in range(6)])
    products = ProductPage.objects.filter(sku__startswith=SYNTHETIC_SKU_PREFIX)
    return vendors, products


def test_synthetic_catalog_makes_the_requested_numbers_once():
    output = load("--products", "60", "--vendors", "6")
    vendors, products = synthetic()
    assert vendors.count() == 6
    assert products.count() == 60
    assert products.live().count() == 60
    assert products.filter(first_published_at__isnull=True).count() == 0
    assert set(products.values_list("vendor_id", flat=True)) == set(
        vendors.values_list("pk", flat=True)
    )
    for vendor in vendors:
        assert vendor.numchild == vendor.get_children().count() == 10
    assert (
        ProductGalleryImage.objects.filter(page__in=products).filter(image__description="").count()
        == 0
    )
    assert products.filter(gallery_images__isnull=True).count() == 0
    assert "created 6 IKM, 60 products" in output
    # A small pool of pictures is shared, not one per product.
    assert CatalogImage.objects.filter(collection__name="Demo sintetis").count() < 120
    # Indexed for search in bulk.
    assert len(get_search_backend().search("topeng", ProductPage)) > 0

    before = counts()
    load("--products", "60", "--vendors", "6")
    assert counts() == before
    # A larger N tops the catalog up.
    load("--products", "66", "--vendors", "6")
    assert synthetic()[1].count() == 66
    assert synthetic()[0].count() == 6


def test_vendors_needs_products():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        load("--vendors", "3")


# -- the ownership service ---------------------------------------------------------------------


def test_grant_vendor_ownership_is_idempotent_and_exact(site_tree):
    vendor = VendorPageFactory(title="IKM Uji Kepemilikan")
    other = VendorPageFactory(title="IKM Lain")
    user = User.objects.create_user("pemilik.uji", password="sandi-uji-123")
    group = grant_vendor_ownership(vendor, [user])
    # A stray permission (a moved page, an old grant) is removed by the next grant.
    GroupPagePermission.objects.create(
        group=group, page=other, permission=Permission.objects.get(codename="publish_page")
    )
    before = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
    assert grant_vendor_ownership(vendor, [user]) == group
    assert GroupPagePermission.objects.count() == before[0] - 1
    assert GroupCollectionPermission.objects.count() == before[1]
    assert set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    ) == {(vendor.pk, "add_page"), (vendor.pk, "change_page")}
    assert Collection.objects.filter(name="IKM Uji Kepemilikan").count() == 1
    assert vendor.permissions_for_user(user).can_edit()
    assert not other.permissions_for_user(user).can_edit()
    # Saving a page grants nothing by itself.
    VendorPageFactory(title="IKM Tanpa Pemilik")
    assert not Group.objects.filter(name="Pemilik IKM: IKM Tanpa Pemilik").exists()


def test_ensure_curator_group_is_idempotent(site_tree):
    group = ensure_curator_group()
    before = (group.permissions.count(), GroupPagePermission.objects.count())
    assert ensure_curator_group() == group
    assert (group.permissions.count(), GroupPagePermission.objects.count()) == before
    assert GroupPagePermission.objects.filter(
        group=group, page=site_tree.home, permission__codename="publish_page"
    ).exists()


# -- pictures ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(set(demo_images.DRAWERS) - {"showcase"}))
def test_product_pictures_are_deterministic_jpegs(kind):
    data = demo_images.product_image(kind, "uji")
    assert data == demo_images.product_image(kind, "uji")
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == demo_images.PRODUCT_SIZE


def test_logo_cover_and_views():
    logo = Image.open(io.BytesIO(demo_images.logo_image("Batik Tulis Sekar Kencana", text="SK")))
    assert logo.size == demo_images.LOGO_SIZE
    cover = Image.open(io.BytesIO(demo_images.cover_image("topeng", "uji", motif="wadasan")))
    assert cover.size == demo_images.COVER_SIZE
    views = {demo_images.product_image("sirup", "uji", view=view) for view in range(3)}
    assert len(views) == 3
    assert demo_images.product_image("topeng", "a") != demo_images.product_image("topeng", "b")
