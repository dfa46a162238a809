"""The Wagtail admin over HTTP: validation errors reach the editor, nothing invalid is saved,
and only curators can mark a certificate as verified.

Payloads are read from the admin's own form (GET, then querydict_from_html), so they follow
whatever the admin renders; tests change only the fields they are about.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from catalog.factories import (
    CertificateTypeFactory,
    ProductCertificateFactory,
    ProductPageFactory,
    RegionFactory,
    UserFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage, VendorPage

pytestmark = pytest.mark.django_db

FORM_ID = "page-edit-form"


def admin_form_data(response, **changes):
    """The POST data the admin form would send as rendered, with `changes` applied.

    The empty `__prefix__` templates of inline formsets are dropped (the admin's JavaScript
    never submits them); StreamFields are rendered client-side, so an empty stream is sent
    for any the caller does not give.
    """
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id=FORM_ID)
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


# --- Creating an IKM -------------------------------------------------------------------------


class TestCreateVendorPage:
    def vendor_form(self, client, site_tree, **changes):
        response = client.get(add_url(VendorPage, site_tree.directory))
        region = RegionFactory(name="Kota Cirebon")
        return admin_form_data(
            response,
            title="Batik Ibu Siti",
            slug="batik-ibu-siti",
            region=str(region.pk),
            **changes,
        )

    def test_valid_number_is_saved_normalised(self, superuser_client, site_tree):
        data = self.vendor_form(superuser_client, site_tree, whatsapp="0812-3456-7890")
        response = superuser_client.post(add_url(VendorPage, site_tree.directory), data)
        assert response.status_code == 302
        vendor = VendorPage.objects.get(slug="batik-ibu-siti")
        assert vendor.get_parent().pk == site_tree.directory.pk
        assert vendor.whatsapp == "+6281234567890"

    @pytest.mark.parametrize(
        ("number", "message"),
        [
            ("0231-206558", "Nomor WhatsApp harus nomor seluler yang diawali 08 atau +628."),
            ("0812-abcd-7890", "Nomor hanya boleh berisi angka, spasi, tanda hubung dan awalan +."),
            (
                "+1 415 555",
                "Nomor luar negeri ini tidak valid. Periksa kode negara dan jumlah angkanya "
                "(contoh: +65 6123 4567).",
            ),
            ("812 3456 7890", "Masukkan nomor Indonesia yang diawali 08 atau +62, atau nomor"),
        ],
    )
    def test_invalid_whatsapp_shows_the_field_error_and_saves_nothing(
        self, superuser_client, site_tree, number, message
    ):
        pages_before = VendorPage.objects.count()
        data = self.vendor_form(superuser_client, site_tree, whatsapp=number)
        response = superuser_client.post(add_url(VendorPage, site_tree.directory), data)

        assert response.status_code == 200
        assert [e[: len(message)] for e in field_errors(response, "whatsapp")] == [message]
        html = response.content.decode()
        assert '<html lang="id"' in html  # the admin speaks Indonesian by default
        assert message in html
        assert VendorPage.objects.count() == pages_before
        assert not VendorPage.objects.filter(slug="batik-ibu-siti").exists()


# --- Editing a product -----------------------------------------------------------------------


@pytest.fixture
def product():
    product = ProductPageFactory(title="Sirup Tjampolay Pala", price=35_000, sku="SRP-01")
    ProductCertificateFactory(
        page=product,
        certificate_type=CertificateTypeFactory(name="P-IRT"),
        issued_on=datetime.date(2023, 5, 2),
        expires_on=datetime.date(2028, 5, 2),
        verified=False,
    )
    product.save_revision()
    return product


def product_form(client, product, **changes):
    response = client.get(edit_url(product))
    return admin_form_data(
        response,
        **nested_form_data({"description": streamfield([]), "description_en": streamfield([])}),
        **changes,
    )


class TestEditProduct:
    def test_a_valid_edit_saves_a_revision(self, superuser_client, product):
        """The control for the tests below: the payload itself is accepted."""
        revisions = product.revisions.count()
        data = product_form(superuser_client, product, price="40000")
        response = superuser_client.post(edit_url(product), data)
        assert response.status_code == 302
        assert product.revisions.count() == revisions + 1
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        assert draft.price == 40_000

    def test_negative_price(self, superuser_client, product):
        revisions = product.revisions.count()
        data = product_form(superuser_client, product, price="-5000")
        response = superuser_client.post(edit_url(product), data)
        assert response.status_code == 200
        assert field_errors(response, "price")
        assert product.revisions.count() == revisions
        product.refresh_from_db()
        assert product.price == 35_000

    def test_certificate_expiring_before_it_was_issued(self, superuser_client, product):
        revisions = product.revisions.count()
        data = product_form(
            superuser_client,
            product,
            **{"certificates-0-issued_on": "2024-06-01", "certificates-0-expires_on": "2024-05-31"},
        )
        response = superuser_client.post(edit_url(product), data)
        assert response.status_code == 200
        certificate_form = response.context["form"].formsets["certificates"].forms[0]
        assert certificate_form.errors["expires_on"] == [
            "Tanggal berlaku harus sesudah tanggal terbit."
        ]
        assert "Tanggal berlaku harus sesudah tanggal terbit." in response.content.decode()
        assert product.revisions.count() == revisions
        assert product.certificates.get().expires_on == datetime.date(2028, 5, 2)

    def test_ready_stock_without_a_stock_number(self, superuser_client, product):
        revisions = product.revisions.count()
        data = product_form(superuser_client, product, stock="")
        response = superuser_client.post(edit_url(product), data)
        assert response.status_code == 200
        assert field_errors(response, "stock")
        assert product.revisions.count() == revisions


class TestSkuInTheAdmin:
    def test_new_product_with_a_sku_already_used_at_the_same_ikm(self, superuser_client):
        vendor = VendorPageFactory()
        existing = ProductPageFactory(parent=vendor, sku="BT-MM-01")
        response = superuser_client.get(add_url(ProductPage, vendor))
        data = admin_form_data(
            response,
            **nested_form_data({"description": streamfield([]), "description_en": streamfield([])}),
            title="Batik Mega Mendung Biru",
            slug="batik-mega-mendung-biru",
            sku="bt-mm-01",
            category=str(existing.category_id),
            stock="5",
        )
        response = superuser_client.post(add_url(ProductPage, vendor), data)
        assert response.status_code == 200
        assert field_errors(response, "sku") == ["SKU ini sudah dipakai produk lain dari IKM ini."]
        assert ProductPage.objects.child_of(vendor).count() == 1

    def test_new_product_with_that_sku_at_another_ikm(self, superuser_client):
        existing = ProductPageFactory(sku="BT-MM-01")
        vendor = VendorPageFactory()
        response = superuser_client.get(add_url(ProductPage, vendor))
        data = admin_form_data(
            response,
            **nested_form_data({"description": streamfield([]), "description_en": streamfield([])}),
            title="Batik Mega Mendung Biru",
            slug="batik-mega-mendung-biru",
            sku="bt-mm-01",
            category=str(existing.category_id),
            stock="5",
        )
        response = superuser_client.post(add_url(ProductPage, vendor), data)
        assert response.status_code == 302
        product = ProductPage.objects.child_of(vendor).get()
        assert product.sku == "BT-MM-01"
        assert product.vendor_id == vendor.pk


# --- Who may verify a certificate ------------------------------------------------------------


def ikm_editor(vendor, *, can_verify):
    """A user who may edit `vendor`'s pages in the admin, and optionally verify certificates."""
    group = Group.objects.create(name=f"Editor {vendor.title} {'kurator' if can_verify else ''}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if can_verify:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="catalog", codename="verify_certificate")
        )
    for permission_type in ("add", "change"):
        GroupPagePermission.objects.create(
            group=group, page=vendor, permission_type=permission_type
        )
    user = UserFactory()
    user.groups.add(group)
    return user


class TestCertificateVerification:
    @pytest.fixture
    def vendor(self):
        return VendorPageFactory(title="Rotan Plumbon Jaya")

    def test_the_permission_exists(self, vendor):
        assert ikm_editor(vendor, can_verify=True).has_perm("catalog.verify_certificate")
        assert not ikm_editor(vendor, can_verify=False).has_perm("catalog.verify_certificate")

    def test_editor_without_the_permission_cannot_verify_a_product_certificate(
        self, client, vendor
    ):
        product = ProductPageFactory(parent=vendor)
        ProductCertificateFactory(page=product, verified=False)
        client.force_login(ikm_editor(vendor, can_verify=False))

        response = client.get(edit_url(product))
        data = product_form(client, product)
        assert "certificates-0-verified" not in data  # not shown to this user ...
        assert 'name="certificates-0-verified"' not in response.content.decode()
        data["certificates-0-verified"] = "on"  # ... but posted anyway
        response = client.post(edit_url(product), data)

        assert response.status_code == 302
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        assert [c.verified for c in draft.certificates.all()] == [False]
        assert product.certificates.get().verified is False

    def test_editor_without_the_permission_cannot_add_a_verified_certificate(self, client, vendor):
        product = ProductPageFactory(parent=vendor)
        client.force_login(ikm_editor(vendor, can_verify=False))
        halal = CertificateTypeFactory(name="Halal")
        data = product_form(
            client,
            product,
            **{
                "certificates-TOTAL_FORMS": "1",
                "certificates-0-certificate_type": str(halal.pk),
                "certificates-0-number": "ID32110000123450124",
                "certificates-0-issued_on": "2024-02-01",
                "certificates-0-expires_on": "2028-02-01",
                "certificates-0-ORDER": "1",
                "certificates-0-verified": "on",
            },
        )
        response = client.post(edit_url(product), data)
        assert response.status_code == 302
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        certificates = list(draft.certificates.all())
        assert [c.number for c in certificates] == ["ID32110000123450124"]
        assert certificates[0].verified is False

    def test_editor_without_the_permission_keeps_a_curators_verification(self, client, vendor):
        """Saving other changes must not silently drop a verification the editor cannot see."""
        product = ProductPageFactory(parent=vendor)
        ProductCertificateFactory(page=product, verified=True)
        client.force_login(ikm_editor(vendor, can_verify=False))
        data = product_form(client, product, summary="Ringkasan baru")
        response = client.post(edit_url(product), data)
        assert response.status_code == 302
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        assert draft.summary == "Ringkasan baru"
        assert [c.verified for c in draft.certificates.all()] == [True]

    def test_editor_without_the_permission_cannot_verify_an_ikm_certificate(self, client, vendor):
        VendorCertificateFactory(page=vendor, verified=False)
        client.force_login(ikm_editor(vendor, can_verify=False))
        response = client.get(edit_url(vendor))
        data = admin_form_data(response)
        assert "certificates-0-verified" not in data
        data["certificates-0-verified"] = "on"
        response = client.post(edit_url(vendor), data)
        assert response.status_code == 302
        draft = VendorPage.objects.get(pk=vendor.pk).get_latest_revision_as_object()
        assert [c.verified for c in draft.certificates.all()] == [False]

    def test_curator_with_the_permission_can_verify(self, client, vendor):
        product = ProductPageFactory(parent=vendor)
        ProductCertificateFactory(page=product, verified=False)
        client.force_login(ikm_editor(vendor, can_verify=True))

        response = client.get(edit_url(product))
        assert 'name="certificates-0-verified"' in response.content.decode()
        data = product_form(client, product, **{"certificates-0-verified": "on"})
        response = client.post(edit_url(product), data)

        assert response.status_code == 302
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        assert [c.verified for c in draft.certificates.all()] == [True]

    def test_curator_can_also_withdraw_a_verification(self, client, vendor):
        product = ProductPageFactory(parent=vendor)
        ProductCertificateFactory(page=product, verified=True)
        client.force_login(ikm_editor(vendor, can_verify=True))
        data = product_form(client, product, **{"certificates-0-verified": None})
        response = client.post(edit_url(product), data)
        assert response.status_code == 302
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        assert [c.verified for c in draft.certificates.all()] == [False]

    def test_editor_cannot_edit_another_ikms_product(self, client, vendor):
        other = ProductPageFactory()
        client.force_login(ikm_editor(vendor, can_verify=False))
        assert client.get(edit_url(other)).status_code in (302, 403)
