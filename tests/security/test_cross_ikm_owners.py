"""The cross-IKM matrix and owners in the admin, over HTTP: owner A edits IKM A and is refused
everything of IKM B, the showroom pages, taxonomies, publishing and the operators' views; a
curator's approval publishes, a rejection leaves the page unpublished and tells the owners why.

(Orders are built on another branch; their owner scoping is tested there.)
"""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import querydict_from_html

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductCertificateFactory,
    ProductPageFactory,
    RegionFactory,
    UserFactory,
)
from catalog.models import Category, ProductPage, VendorPage
from catalog.onboarding import onboard_ikm
from catalog.ownership import ensure_roles
from inquiries.models import Notification
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


class World:
    pass


@pytest.fixture
def world(site_tree):
    """Two IKM onboarded by the service, each with a product, an image, a document, an
    inquiry; a curator and an operator."""
    from inquiries.models import Inquiry

    RegionFactory(name="Kabupaten Cirebon")
    ensure_roles()
    w = World()
    w.site = site_tree
    w.category = CategoryFactory(name="Batik")
    for key, title in (("a", "Batik Ibu Siti"), ("b", "Rotan Plered")):
        result = onboard_ikm(
            title, "Kabupaten Cirebon", [f"{key}@example.com"], publish=True, invite=False
        )
        vendor = result.vendor
        product = ProductPageFactory(parent=vendor, title=f"Produk {key.upper()}", sku=f"SKU-{key}")
        product.save_revision().publish()
        image = ImageFactory(title=f"Foto {key}", collection=result.collection)
        document = Document.objects.create(
            title=f"Dokumen {key}",
            collection=result.collection,
            file=ContentFile(b"%PDF-1.4 uji", name=f"dok-{key}.pdf"),
        )
        inquiry = Inquiry.objects.create(
            vendor=vendor,
            product=product,
            name="Budi",
            email="budi@example.test",
            buyer_type="retail",
            message="Berapa harga grosir?",
            product_title=product.title,
        )
        setattr(w, f"vendor_{key}", VendorPage.objects.get(pk=vendor.pk))
        setattr(w, f"product_{key}", ProductPage.objects.get(pk=product.pk))
        setattr(w, f"image_{key}", image)
        setattr(w, f"document_{key}", document)
        setattr(w, f"inquiry_{key}", inquiry)
        setattr(w, f"owner_{key}", result.users[0])
    w.curator = UserFactory(username="kurator.uji", email="kurator@example.com")
    w.curator.groups.add(ensure_roles()["curators"])
    w.operator = UserFactory(username="operator.uji", email="operator@example.com")
    w.operator.groups.add(ensure_roles()["operators"])
    return w


def as_user(user):
    return login_verified(Client(), user)


def edit_form(client, page, **changes):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    # StreamFields render their count with JavaScript, so the scraped form lacks it.
    data.setdefault("description-count", "0")
    data.setdefault("description_en-count", "0")
    for key, value in changes.items():
        data[key] = value
    return data


def snapshot(w):
    """What a forbidden operation must leave untouched."""
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "title", "draft_title", "live", "path", "locked")
        ),
        "revisions": Revision.objects.count(),
        "images": sorted(Image.objects.values_list("pk", "title", "collection_id")),
        "documents": sorted(Document.objects.values_list("pk", "title", "collection_id")),
        "categories": sorted(Category.objects.values_list("pk", "name")),
        "inquiry_statuses": sorted(type(w.inquiry_a).objects.values_list("pk", "status")),
        "inquiry_notifications": Notification.objects.count(),
        "vendors": VendorPage.objects.count(),
    }


def refused(response, own_root=None):
    """Wagtail refuses with a redirect to the dashboard (its permission-denied handler), a
    403, or a 404 for objects that do not exist for this user; its page explorer sends a user
    to the part of the tree they may see (`own_root`)."""
    if response.status_code == 302:
        location = response["Location"]
        return (
            location == "/admin/"
            or location.startswith("/admin/login/")
            or (own_root is not None and location == f"/admin/pages/{own_root.pk}/")
        )
    return response.status_code in (403, 404, 405)


# Each operation: (id, method, url template, data factory or None). URL templates name the
# fixture's objects: {pb} product B, {vb} vendor B, {va} vendor A, {ib} image B, ...
def forbidden_operations():
    P = "/admin/pages"
    ops = [
        # IKM B's pages
        ("edit-product-b", "get", P + "/{pb}/edit/", None),
        ("save-product-b", "post", P + "/{pb}/edit/", "product_b_form"),
        ("submit-product-b", "post", P + "/{pb}/edit/", "product_b_submit"),
        ("edit-vendor-b", "get", P + "/{vb}/edit/", None),
        ("save-vendor-b", "post", P + "/{vb}/edit/", "vendor_b_form"),
        ("add-product-under-b", "get", P + "/add/catalog/productpage/{vb}/", None),
        ("post-product-under-b", "post", P + "/add/catalog/productpage/{vb}/", "new_product"),
        ("add-subpage-b", "get", P + "/{vb}/add_subpage/", None),
        ("unpublish-product-b", "get", P + "/{pb}/unpublish/", None),
        ("post-unpublish-product-b", "post", P + "/{pb}/unpublish/", "empty"),
        ("unpublish-vendor-b", "post", P + "/{vb}/unpublish/", "empty"),
        ("delete-product-b", "get", P + "/{pb}/delete/", None),
        ("post-delete-product-b", "post", P + "/{pb}/delete/", "empty"),
        ("post-delete-vendor-b", "post", P + "/{vb}/delete/", "empty"),
        ("move-product-b", "get", P + "/{pb}/move/", None),
        ("move-product-b-to-a", "post", P + "/{pb}/move/{va}/confirm/", "empty"),
        ("copy-product-b", "get", P + "/{pb}/copy/", None),
        ("post-copy-product-b", "post", P + "/{pb}/copy/", "copy_to_a"),
        ("history-product-b", "get", P + "/{pb}/history/", None),
        ("revision-view-product-b", "get", P + "/{pb}/revisions/{rb}/view/", None),
        (
            "revision-compare-product-b",
            "get",
            P + "/{pb}/revisions/compare/earliest...latest/",
            None,
        ),
        ("revision-revert-product-b", "get", P + "/{pb}/revisions/{rb}/revert/", None),
        ("preview-product-b", "get", P + "/{pb}/edit/preview/", None),
        ("post-preview-product-b", "post", P + "/{pb}/edit/preview/", "product_b_form"),
        ("view-draft-product-b", "get", P + "/{pb}/view_draft/", None),
        ("lock-product-b", "post", P + "/{pb}/lock/", "empty"),
        ("privacy-product-b", "get", P + "/{pb}/privacy/", None),
        ("workflow-history-product-b", "get", P + "/{pb}/workflow_history/", None),
        ("usage-product-b", "get", P + "/{pb}/usage/", None),
        ("explore-vendor-b", "get", P + "/{vb}/", None),
        # Showroom pages
        ("edit-home", "get", P + "/{home}/edit/", None),
        ("save-home", "post", P + "/{home}/edit/", "empty"),
        ("edit-catalog-index", "get", P + "/{catalog}/edit/", None),
        ("edit-directory", "get", P + "/{directory}/edit/", None),
        ("add-vendor-to-directory", "get", P + "/add/catalog/vendorpage/{directory}/", None),
        ("unpublish-home", "post", P + "/{home}/unpublish/", "empty"),
        ("delete-directory", "post", P + "/{directory}/delete/", "empty"),
        ("add-subpage-home", "get", P + "/{home}/add_subpage/", None),
        # Publishing without a curator, even on their own IKM
        ("unpublish-own-product", "post", P + "/{pa}/unpublish/", "empty"),
        ("move-own-product-to-b", "post", P + "/{pa}/move/{vb}/confirm/", "empty"),
        # IKM B's images and documents
        ("edit-image-b", "get", "/admin/images/{ib}/", None),
        ("post-image-b", "post", "/admin/images/{ib}/", "image_form"),
        ("delete-image-b", "get", "/admin/images/{ib}/delete/", None),
        ("post-delete-image-b", "post", "/admin/images/{ib}/delete/", "empty"),
        ("url-generator-image-b", "get", "/admin/images/{ib}/generate_url/", None),
        ("usage-image-b", "get", "/admin/images/usage/{ib}/", None),
        ("chooser-chosen-image-b", "get", "/admin/images/chooser/chosen/{ib}/", None),
        ("chooser-format-image-b", "get", "/admin/images/chooser/{ib}/select_format/", None),
        ("edit-document-b", "get", "/admin/documents/edit/{db}/", None),
        ("post-document-b", "post", "/admin/documents/edit/{db}/", "document_form"),
        ("delete-document-b", "get", "/admin/documents/delete/{db}/", None),
        ("post-delete-document-b", "post", "/admin/documents/delete/{db}/", "empty"),
        ("usage-document-b", "get", "/admin/documents/usage/{db}/", None),
        ("chooser-chosen-document-b", "get", "/admin/documents/chooser/chosen/{db}/", None),
        # Taxonomies
        ("list-categories", "get", "/admin/snippets/catalog/category/", None),
        ("add-category", "get", "/admin/snippets/catalog/category/add/", None),
        ("post-category", "post", "/admin/snippets/catalog/category/add/", "category_form"),
        ("edit-category", "get", "/admin/snippets/catalog/category/edit/{category}/", None),
        ("delete-category", "post", "/admin/snippets/catalog/category/delete/{category}/", "empty"),
        # IKM B's inquiries
        ("inquiry-b", "get", "/admin/pertanyaan/{qb}/", None),
        ("inquiry-b-status", "post", "/admin/pertanyaan/{qb}/status/", "inquiry_status"),
        ("inquiry-b-reply", "post", "/admin/pertanyaan/{qb}/balas/", "inquiry_reply"),
        # Operators' views and the site's settings
        ("onboard-view", "get", "/admin/ikm/daftarkan/", None),
        ("onboard-post", "post", "/admin/ikm/daftarkan/", "onboard_form"),
        ("users", "get", "/admin/users/", None),
        ("groups", "get", "/admin/groups/", None),
        ("workflows", "get", "/admin/workflows/list/", None),
        ("sites", "get", "/admin/sites/", None),
    ]
    return ops


OPERATIONS = forbidden_operations()


def test_matrix_is_large_enough():
    assert len(OPERATIONS) >= 40


def payload(name, w, client):
    if name is None:
        return None
    if name == "empty":
        return {}
    if name in ("product_b_form", "product_b_submit"):
        # Built as owner B would send it: owner A cannot even load the form.
        data = edit_form(as_user(w.owner_b), w.product_b, title="Diubah oleh A", price="1")
        if name == "product_b_submit":
            data["action-submit"] = "1"
        return data
    if name == "vendor_b_form":
        return edit_form(as_user(w.owner_b), w.vendor_b, title="Diubah oleh A")
    if name == "product_a_publish":
        data = edit_form(client, w.product_a, price="999")
        data["action-publish"] = "1"
        return data
    if name == "new_product":
        return {"title": "Titipan A", "slug": "titipan-a", "category": w.category.pk, "stock": "1"}
    if name == "copy_to_a":
        return {"new_title": "Salinan", "new_slug": "salinan", "new_parent_page": w.vendor_a.pk}
    if name == "image_form":
        return {"title": "Diubah oleh A", "description": "x", "collection": w.image_a.collection_id}
    if name == "document_form":
        return {"title": "Diubah oleh A", "collection": w.document_a.collection_id}
    if name == "category_form":
        return {"name": "Kategori A", "slug": "kategori-a"}
    if name == "inquiry_status":
        return {"status": "closed", "internal_notes": "dibaca A"}
    if name == "inquiry_reply":
        return {"message": "Balasan dari A"}
    if name == "onboard_form":
        return {"title": "IKM Baru", "region": RegionFactory().pk, "owners": "x@example.com"}
    raise KeyError(name)


def url_for(template, w):
    return template.format(
        pa=w.product_a.pk,
        pb=w.product_b.pk,
        va=w.vendor_a.pk,
        vb=w.vendor_b.pk,
        rb=w.product_b.latest_revision_id,
        ib=w.image_b.pk,
        db=w.document_b.pk,
        qb=w.inquiry_b.pk,
        home=w.site.home.pk,
        catalog=w.site.catalog.pk,
        directory=w.site.directory.pk,
        category=w.category.pk,
    )


@pytest.mark.parametrize(
    ("name", "method", "url", "data"), OPERATIONS, ids=[o[0] for o in OPERATIONS]
)
def test_owner_a_is_refused(world, name, method, url, data):
    client = as_user(world.owner_a)
    body = payload(data, world, client)
    before = snapshot(world)
    mail.outbox.clear()
    response = getattr(client, method)(url_for(url, world), body)
    assert refused(response, world.vendor_a), (response.status_code, response.get("Location"))
    assert snapshot(world) == before
    assert not mail.outbox


# --- What owner A may do on IKM A -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/{pa}/edit/",
        "/admin/pages/{va}/edit/",
        "/admin/pages/{va}/",
        "/admin/pages/add/catalog/productpage/{va}/",
        "/admin/pages/{pa}/history/",
        "/admin/pages/{pa}/usage/",
        "/admin/images/{ia}/",
        "/admin/images/usage/{ia}/",
        "/admin/images/chooser/chosen/{ia}/",
        "/admin/documents/edit/{da}/",
        "/admin/documents/usage/{da}/",
        "/admin/documents/chooser/chosen/{da}/",
        "/admin/pertanyaan/{qa}/",
        "/admin/katalog/impor/",
        "/admin/katalog/impor/templat.xlsx",
    ],
)
def test_owner_a_may_work_on_ikm_a(world, url):
    client = as_user(world.owner_a)
    url = url.format(
        pa=world.product_a.pk,
        va=world.vendor_a.pk,
        ia=world.image_a.pk,
        da=world.document_a.pk,
        qa=world.inquiry_a.pk,
    )
    assert client.get(url).status_code == 200


def test_listings_and_choosers_show_only_ikm_a(world):
    client = as_user(world.owner_a)
    for url in ("/admin/images/", "/admin/images/chooser/"):
        html = client.get(url).content.decode()
        assert "Foto a" in html and "Foto b" not in html, url
    for url in ("/admin/documents/", "/admin/documents/chooser/"):
        html = client.get(url).content.decode()
        assert "Dokumen a" in html and "Dokumen b" not in html, url
    html = client.get("/admin/pertanyaan/").content.decode()
    assert "Produk A" in html and "Produk B" not in html
    html = client.get("/admin/pages/search/?q=Produk").content.decode()
    assert "Produk A" in html and "Produk B" not in html


def test_owner_saves_a_draft_and_submits_it_to_kurasi(world):
    client = as_user(world.owner_a)
    data = edit_form(client, world.product_a, price="175000")
    response = client.post(f"/admin/pages/{world.product_a.pk}/edit/", data)
    assert response.status_code == 302
    product = ProductPage.objects.get(pk=world.product_a.pk)
    assert product.price == 150_000 and product.has_unpublished_changes
    assert product.get_latest_revision_as_object().price == 175_000
    data = edit_form(client, world.product_a, price="180000")
    data["action-submit"] = "1"
    assert client.post(f"/admin/pages/{world.product_a.pk}/edit/", data).status_code == 302
    product.refresh_from_db()
    assert product.workflow_in_progress
    assert product.current_workflow_state.workflow.name == "Kurasi"
    assert product.price == 150_000


def test_owner_adds_a_product_to_their_ikm(world):
    client = as_user(world.owner_a)
    url = f"/admin/pages/add/catalog/productpage/{world.vendor_a.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    data.update(
        {
            "title": "Selendang Baru",
            "slug": "selendang-baru",
            "category": str(world.category.pk),
            "stock": "4",
            "description-count": "0",
            "description_en-count": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = ProductPage.objects.get(slug="selendang-baru")
    assert page.vendor_id == world.vendor_a.pk and not page.live


# --- Moderation -------------------------------------------------------------------------------


def submit_price(world, price):
    client = as_user(world.owner_a)
    data = edit_form(client, world.product_a, price=str(price))
    data["action-submit"] = "1"
    assert client.post(f"/admin/pages/{world.product_a.pk}/edit/", data).status_code == 302
    product = ProductPage.objects.get(pk=world.product_a.pk)
    return product, product.current_workflow_state.current_task_state


def test_curator_approval_publishes_and_emails_the_owners(
    world, django_capture_on_commit_callbacks
):
    second_owner = UserFactory(username="a.dua", email="a2@example.com")
    onboard_ikm("Batik Ibu Siti", "Kabupaten Cirebon", ["a2@example.com"], invite=False)
    product, task_state = submit_price(world, 190000)
    curator = as_user(world.curator)
    assert "Produk A" in curator.get("/admin/").content.decode()  # "Awaiting your review"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        response = curator.post(
            f"/admin/pages/workflow/action/{product.pk}/approve/{task_state.pk}/",
            {"comment": "Foto bagus, harga wajar."},
        )
    assert response.status_code in (200, 302)
    product.refresh_from_db()
    assert product.live and product.price == 190000 and not product.workflow_in_progress
    outcome = [m for m in mail.outbox if "Disetujui" in m.subject]
    assert sorted(m.to[0] for m in outcome) == sorted([world.owner_a.email, second_owner.email])
    assert all("Foto bagus, harga wajar." in m.body for m in outcome)


def test_curator_rejection_leaves_the_page_unpublished_and_says_why(
    world, django_capture_on_commit_callbacks
):
    product, task_state = submit_price(world, 5)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        response = as_user(world.curator).post(
            f"/admin/pages/workflow/action/{product.pk}/reject/{task_state.pk}/",
            {"comment": "Harga Rp 5 tidak masuk akal."},
        )
    assert response.status_code in (200, 302)
    product.refresh_from_db()
    assert product.price == 150_000 and product.live
    assert product.get_latest_revision_as_object().price == 5
    rejected = [m for m in mail.outbox if m.to == [world.owner_a.email]]
    assert len(rejected) == 1
    assert "Perlu perbaikan" in rejected[0].subject
    assert "Harga Rp 5 tidak masuk akal." in rejected[0].body


def test_a_new_product_rejected_stays_offline(world):
    client = as_user(world.owner_a)
    page = ProductPageFactory(parent=world.vendor_a, title="Produk Baru", live=False)
    data = edit_form(client, page, price="100000")
    data["action-submit"] = "1"
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    as_user(world.curator).post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/", {"comment": "Foto?"}
    )
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url or "/ikm/batik-ibu-siti/produk-baru/").status_code == 404


def test_owner_cannot_publish_even_their_own_product(world):
    client = as_user(world.owner_a)
    data = edit_form(client, world.product_a, price="999")
    data["action-publish"] = "1"
    client.post(f"/admin/pages/{world.product_a.pk}/edit/", data)
    product = ProductPage.objects.get(pk=world.product_a.pk)
    assert product.price == 150_000 and product.live
    assert product.live_revision_id == world.product_a.live_revision_id
    assert not product.permissions_for_user(world.owner_a).can_publish()


def test_owner_cannot_approve_their_own_submission(world):
    product, task_state = submit_price(world, 190000)
    response = as_user(world.owner_a).post(
        f"/admin/pages/workflow/action/{product.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert refused(response)
    product.refresh_from_db()
    assert product.price == 150_000 and product.workflow_in_progress


# --- Certificates -----------------------------------------------------------------------------


def test_changing_a_verified_certificate_unverifies_it(world):
    certificate = ProductCertificateFactory(page=world.product_a, verified=True)
    world.product_a.save_revision().publish()
    client = as_user(world.owner_a)
    data = edit_form(client, world.product_a)
    assert "certificates-0-verified" not in data
    unchanged = client.post(f"/admin/pages/{world.product_a.pk}/edit/", data)
    assert unchanged.status_code == 302
    draft = ProductPage.objects.get(pk=world.product_a.pk).get_latest_revision_as_object()
    assert [c.verified for c in draft.certificates.all()] == [True]
    data = edit_form(client, world.product_a, **{"certificates-0-number": "BARU-123"})
    client.post(f"/admin/pages/{world.product_a.pk}/edit/", data)
    draft = ProductPage.objects.get(pk=world.product_a.pk).get_latest_revision_as_object()
    assert [(c.number, c.verified) for c in draft.certificates.all()] == [("BARU-123", False)]
    new_date = (certificate.expires_on + datetime.timedelta(days=365)).isoformat()
    data = edit_form(as_user(world.curator), world.product_a, **{"certificates-0-verified": "on"})
    as_user(world.curator).post(f"/admin/pages/{world.product_a.pk}/edit/", data)
    draft = ProductPage.objects.get(pk=world.product_a.pk).get_latest_revision_as_object()
    assert [c.verified for c in draft.certificates.all()] == [True]
    data = edit_form(client, world.product_a, **{"certificates-0-expires_on": new_date})
    client.post(f"/admin/pages/{world.product_a.pk}/edit/", data)
    draft = ProductPage.objects.get(pk=world.product_a.pk).get_latest_revision_as_object()
    assert [c.verified for c in draft.certificates.all()] == [False]


# --- Dashboard, import and onboarding views ----------------------------------------------------


def test_owner_dashboard_shows_products_status_and_low_stock(world):
    ProductPageFactory(parent=world.vendor_a, title="Draf Saya", live=False, stock=2)
    submit_price(world, 190000)
    html = as_user(world.owner_a).get("/admin/").content.decode()
    assert 'id="owner-products-section"' in html
    assert "Menunggu kurasi: 1" in html
    assert "Draf Saya" in html and "Produk B" not in html
    assert "Stok menipis (≤ 5): 1" in html
    assert (
        'id="owner-products-section"' not in as_user(world.curator).get("/admin/").content.decode()
    )


def test_operator_onboards_from_the_admin(world, django_capture_on_commit_callbacks):
    client = as_user(world.operator)
    region = RegionFactory(name="Kota Cilegon")
    data = {
        "title": "Kerajinan Baja Cilegon",
        "region": region.pk,
        "owners": "Andi <andi@example.com>\nrina@example.com",
        "whatsapp": "0812 1111 2222",
        "publish": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/ikm/daftarkan/", data)
    vendor = VendorPage.objects.get(title="Kerajinan Baja Cilegon")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{vendor.pk}/edit/"
    assert vendor.live
    assert sorted(m.to[0] for m in mail.outbox) == ["andi@example.com", "rina@example.com"]
    before = (VendorPage.objects.count(), len(mail.outbox))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/ikm/daftarkan/", data)
    assert (VendorPage.objects.count(), len(mail.outbox)) == before
    bad = client.post("/admin/ikm/daftarkan/", {**data, "owners": "bukan email"})
    assert bad.status_code == 200 and "bukan email" in bad.content.decode()


def test_owner_import_view_refuses_other_ikm_rows(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = as_user(world.owner_a)
    content = (
        b"ikm,sku,name,category,price,stock\n"
        b"Batik Ibu Siti,A-9,Kain A,Batik,Rp 150.000,2\n"
        b"Rotan Plered,B-9,Kursi B,Batik,150000,2\n"
    )
    response = client.post(
        "/admin/katalog/impor/",
        {"file": SimpleUploadedFile("p.csv", content, "text/csv"), "commit": "1", "publish": "on"},
        follow=True,  # to the background import's result page
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "import-error-table" in html
        and "Anda hanya dapat mengimpor produk IKM Anda sendiri" in html
    )
    assert not ProductPage.objects.filter(sku__in=["A-9", "B-9"]).exists()
    own = content.decode().splitlines()[:2]
    response = client.post(
        "/admin/katalog/impor/",
        {"file": SimpleUploadedFile("p.csv", "\n".join(own).encode(), "text/csv"), "commit": "1"},
    )
    assert response.status_code == 302
    product = ProductPage.objects.get(sku="A-9")
    assert not product.live and product.workflow_in_progress


def test_operator_import_view_previews_then_imports_xlsx_with_zip(world):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook
    from PIL import Image as PILImage

    workbook = Workbook()
    workbook.active.append(["IKM", "SKU", "Name", "Category", "Price", "Stock", "Image"])
    workbook.active.append(["Rotan Plered", "R-1", "Keranjang", "Batik", 85000, 7, "k.jpg"])
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    picture = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#553311").save(picture, "JPEG")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("k.jpg", picture.getvalue())

    def files():
        return {
            "file": SimpleUploadedFile("p.xlsx", xlsx.getvalue()),
            "images": SimpleUploadedFile("foto.zip", archive.getvalue()),
        }

    client = as_user(world.operator)
    preview = client.post("/admin/katalog/impor/", {**files(), "preview": "1"})
    assert preview.status_code == 200 and "import-preview-table" in preview.content.decode()
    assert not ProductPage.objects.filter(sku="R-1").exists()
    response = client.post("/admin/katalog/impor/", {**files(), "commit": "1", "publish": "on"})
    assert response.status_code == 302
    product = ProductPage.objects.get(sku="R-1")
    assert product.live and product.vendor == world.vendor_b
    assert product.gallery_images.get().image.collection.name == "Rotan Plered"
