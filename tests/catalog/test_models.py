"""Catalog rules enforced by the models: page tree, taxonomy, contact numbers, prices, stock,
certificates, SKUs and the denormalised vendor of a product."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    ProductCertificateFactory,
    ProductPageFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from catalog.models import (
    Category,
    ProductCertificate,
    ProductPage,
    VendorPage,
)
from catalog.money import format_rupiah
from catalog.phone import display_phone, normalise_phone, normalise_whatsapp
from showroom.models import (
    CatalogIndexPage,
    ExhibitionIndexPage,
    HomePage,
    ShowroomIndexPage,
    StandardPage,
    VendorIndexPage,
)

pytestmark = pytest.mark.django_db


def validation_errors(obj):
    """The field -> messages dict of obj.full_clean(), or {} when it is valid."""
    try:
        obj.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


# --- The page tree ---------------------------------------------------------------------------


class PageTreeRulesTests(WagtailPageTestCase):
    """Where each page type may live (the admin enforces these when adding and moving pages)."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePage.objects.get()
        cls.catalog = CatalogIndexPage.objects.get()
        cls.directory = VendorIndexPage.objects.get()
        cls.vendor = VendorPageFactory(parent=cls.directory)
        cls.product = ProductPageFactory(parent=cls.vendor)

    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for parent in (
            HomePage,
            CatalogIndexPage,
            VendorIndexPage,
            VendorPage,
            ProductPage,
            StandardPage,
        ):
            self.assertCanNotCreateAt(parent, HomePage)

    def test_home_page_is_a_singleton(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                CatalogIndexPage,
                VendorIndexPage,
                ExhibitionIndexPage,
                ShowroomIndexPage,
                StandardPage,
            },
        )

    def test_catalog_and_directory_only_under_the_home_page(self):
        for model in (CatalogIndexPage, VendorIndexPage):
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertCanNotCreateAt(Page, model)
                self.assertCanNotCreateAt(VendorIndexPage, model)
                self.assertCanNotCreateAt(StandardPage, model)

    def test_catalog_and_directory_are_singletons(self):
        for model in (CatalogIndexPage, VendorIndexPage):
            with self.subTest(model=model.__name__):
                self.assertEqual(model.max_count, 1)
                self.assertFalse(model.can_create_at(self.home))
        # ... because one of each exists, not because nothing may be added to the home page.
        self.assertTrue(StandardPage.can_create_at(self.home))

    def test_catalog_has_no_child_pages(self):
        self.assertAllowedSubpageTypes(CatalogIndexPage, set())

    def test_vendor_page_only_under_the_directory(self):
        self.assertAllowedParentPageTypes(VendorPage, {VendorIndexPage})
        self.assertAllowedSubpageTypes(VendorIndexPage, {VendorPage})
        self.assertTrue(VendorPage.can_create_at(self.directory))
        self.assertFalse(VendorPage.can_create_at(self.home))
        self.assertFalse(VendorPage.can_create_at(self.catalog))
        self.assertFalse(VendorPage.can_create_at(self.vendor))

    def test_product_page_only_under_a_vendor_page(self):
        self.assertAllowedParentPageTypes(ProductPage, {VendorPage})
        self.assertAllowedSubpageTypes(VendorPage, {ProductPage})
        self.assertTrue(ProductPage.can_create_at(self.vendor))
        self.assertFalse(ProductPage.can_create_at(self.directory))
        self.assertFalse(ProductPage.can_create_at(self.catalog))
        self.assertFalse(ProductPage.can_create_at(self.home))

    def test_product_page_has_no_children(self):
        self.assertAllowedSubpageTypes(ProductPage, set())
        for model in (ProductPage, VendorPage, StandardPage):
            self.assertFalse(model.can_create_at(self.product))

    def test_vendor_page_cannot_be_moved_under_the_catalog(self):
        self.assertFalse(self.vendor.can_move_to(self.catalog))
        self.assertTrue(self.product.can_move_to(VendorPageFactory(parent=self.directory)))
        self.assertFalse(self.product.can_move_to(self.directory))


# --- Categories ------------------------------------------------------------------------------


class TestCategoryTree:
    def test_two_levels_are_allowed(self):
        batik = CategoryFactory(name="Batik")
        tulis = Category(name="Batik Tulis", slug="batik-tulis", parent=batik)
        assert validation_errors(tulis) == {}

    def test_a_third_level_is_refused_on_parent(self):
        batik = CategoryFactory(name="Batik")
        tulis = CategoryFactory(name="Batik Tulis", parent=batik)
        grandchild = Category(name="Batik Tulis Halus", slug="batik-tulis-halus", parent=tulis)
        errors = validation_errors(grandchild)
        assert list(errors) == ["parent"]
        # The field's limit_choices_to already refuses a sub-category as parent; clean() says why.
        assert any("dua tingkat" in message for message in errors["parent"]), errors

    def test_a_category_with_subcategories_cannot_get_a_parent(self):
        batik = CategoryFactory(name="Batik")
        CategoryFactory(name="Batik Cap", parent=batik)
        kerajinan = CategoryFactory(name="Kerajinan")
        batik.parent = kerajinan
        assert "parent" in validation_errors(batik)

    def test_a_category_cannot_be_its_own_parent(self):
        batik = CategoryFactory(name="Batik")
        batik.parent = batik
        assert "parent" in validation_errors(batik)

    def test_slug_from_name(self):
        category = Category.objects.create(name="Makanan Olahan")
        assert category.slug == "makanan-olahan"

    def test_subcategory_names_its_parent(self):
        batik = CategoryFactory(name="Batik")
        tulis = CategoryFactory(name="Batik Tulis", parent=batik)
        assert str(tulis) == "Batik › Batik Tulis"
        assert list(batik.children.all()) == [tulis]


# --- Phone and WhatsApp numbers --------------------------------------------------------------

MOBILE = "+6281234567890"


class TestPhoneNormalisation:
    @pytest.mark.parametrize(
        "raw",
        [
            "0812-3456-7890",
            "0812 3456 7890",
            "+62 812 3456 7890",
            "6281234567890",
            "+62-812-3456-7890",
            "(0812) 3456.7890",
            "0062 812 3456 7890",
            MOBILE,
        ],
    )
    def test_mobile_numbers(self, raw):
        assert normalise_phone(raw) == MOBILE
        assert normalise_whatsapp(raw) == MOBILE

    def test_landline_is_a_phone(self):
        assert normalise_phone("(0231) 206558") == "+62231206558"
        assert normalise_phone("+62 254 391 234") == "+62254391234"

    @pytest.mark.parametrize("raw", ["", None, "   "])
    def test_empty_stays_empty(self, raw):
        assert normalise_phone(raw) == ""
        assert normalise_whatsapp(raw) == ""

    @pytest.mark.parametrize(
        "raw",
        [
            "0812-abcd-7890",  # letters
            "telepon saya",  # letters only
            "0812",  # too short
            "0812 3456",  # still too short
            "0812 3456 7890 1234 5",  # too long
            "+1 415 555",  # a foreign number too short for its country
            "+44 20 7946",  # likewise
            "+62 0812 3456 7890",  # trunk 0 after the country code
            "812-3456-7890",  # no 0 or +62: not recognisably Indonesian
        ],
    )
    def test_invalid_numbers(self, raw):
        with pytest.raises(ValidationError) as error:
            normalise_phone(raw)
        assert error.value.code == "invalid_phone"
        with pytest.raises(ValidationError):
            normalise_whatsapp(raw)

    @pytest.mark.parametrize("raw", ["(0231) 206558", "+62 254 391 234", "021-5550123"])
    def test_landline_is_not_a_whatsapp_number(self, raw):
        with pytest.raises(ValidationError) as error:
            normalise_whatsapp(raw)
        assert error.value.code == "invalid_whatsapp"
        assert "seluler" in error.value.messages[0]

    def test_display(self):
        assert display_phone(MOBILE) == "0812-3456-7890"
        assert display_phone("+62231206558") == "(0231) 206558"
        assert display_phone("") == ""


class TestVendorContactNumbers:
    def test_saved_as_e164(self):
        vendor = VendorPageFactory(whatsapp="0812-3456-7890", phone="(0231) 206 558")
        vendor.refresh_from_db()
        assert vendor.whatsapp == MOBILE
        assert vendor.phone == "+62231206558"
        assert vendor.whatsapp_display == "0812-3456-7890"

    @pytest.mark.parametrize("raw", ["0812 3456 7890", "+62 812 3456 7890", "6281234567890"])
    def test_full_clean_normalises(self, raw):
        vendor = VendorPageFactory()
        vendor.whatsapp = raw
        assert validation_errors(vendor) == {}
        assert vendor.whatsapp == MOBILE

    @pytest.mark.parametrize("raw", ["0812-abcd-7890", "0812", "+1 415 555", "(0231) 206558"])
    def test_invalid_whatsapp_is_an_error_on_the_field(self, raw):
        vendor = VendorPageFactory()
        vendor.whatsapp = raw
        errors = validation_errors(vendor)
        assert list(errors) == ["whatsapp"]

    def test_invalid_phone_is_an_error_on_the_field(self):
        vendor = VendorPageFactory()
        vendor.phone = "+1 415 555"
        assert list(validation_errors(vendor)) == ["phone"]

    def test_whatsapp_link(self):
        vendor = VendorPageFactory(whatsapp="0812-3456-7890")
        assert vendor.whatsapp_link() == "https://wa.me/6281234567890"
        assert vendor.whatsapp_link("Halo & salam") == (
            "https://wa.me/6281234567890?text=Halo%20%26%20salam"
        )
        vendor.whatsapp = ""
        assert vendor.whatsapp_link("Halo") == ""


# --- Price -----------------------------------------------------------------------------------


class TestPrice:
    def test_negative_price_refused_by_full_clean(self):
        product = ProductPageFactory()
        product.price = -1
        assert "price" in validation_errors(product)

    def test_negative_price_refused_by_the_form_field(self):
        field = ProductPage._meta.get_field("price").formfield()
        with pytest.raises(ValidationError):
            field.clean("-1")
        assert field.clean("0") == 0
        assert field.clean("150000") == 150_000
        assert field.clean("") is None

    def test_no_price_means_price_on_request(self):
        product = ProductPageFactory(price=None)
        assert validation_errors(product) == {}
        assert product.price_display == "Harga atas permintaan"

    def test_price_display(self):
        assert ProductPageFactory(price=150_000).price_display == "Rp 150.000"

    @pytest.mark.parametrize(
        ("amount", "indonesian", "english"),
        [
            (150_000, "Rp 150.000", "Rp 150,000"),
            (1_250_000, "Rp 1.250.000", "Rp 1,250,000"),
            (0, "Rp 0", "Rp 0"),
            (999, "Rp 999", "Rp 999"),
        ],
    )
    def test_rupiah_formatting(self, amount, indonesian, english):
        with translation.override("id"):
            assert format_rupiah(amount) == indonesian
        with translation.override("en"):
            assert format_rupiah(amount) == english
        assert format_rupiah(amount, language="en") == english
        assert format_rupiah(amount, language="id") == indonesian

    def test_rupiah_of_nothing_is_empty(self):
        assert format_rupiah(None) == ""

    def test_rupiah_template_filter_follows_the_active_language(self):
        template = Template("{% load catalog_tags %}{{ amount|rupiah }}")
        with translation.override("id"):
            assert template.render(Context({"amount": 150_000})) == "Rp 150.000"
        with translation.override("en"):
            assert template.render(Context({"amount": 150_000})) == "Rp 150,000"


# --- Stock and availability ------------------------------------------------------------------


class TestStockAndAvailability:
    def test_negative_stock_refused(self):
        product = ProductPageFactory()
        product.stock = -3
        assert "stock" in validation_errors(product)

    def test_ready_stock_needs_a_stock_number(self):
        product = ProductPageFactory()
        product.stock = None
        assert list(validation_errors(product)) == ["stock"]

    def test_ready_stock_of_zero_is_allowed_and_shown_as_sold_out(self):
        product = ProductPageFactory(stock=0)
        assert validation_errors(product) == {}
        assert product.in_stock is False
        assert product.availability_display == "Stok habis"
        assert product.schema_availability() == "https://schema.org/OutOfStock"

    @pytest.mark.parametrize(
        "availability", [ProductPage.Availability.PREORDER, ProductPage.Availability.MADE_TO_ORDER]
    )
    def test_pre_order_and_made_to_order_need_a_lead_time(self, availability):
        product = ProductPageFactory(stock=None, availability=availability, lead_time_days=14)
        product.lead_time_days = None
        assert list(validation_errors(product)) == ["lead_time_days"]
        product.lead_time_days = 0
        assert list(validation_errors(product)) == ["lead_time_days"]
        product.lead_time_days = 7
        assert validation_errors(product) == {}
        assert product.in_stock is True

    def test_factory_refuses_a_pre_order_without_lead_time(self):
        with pytest.raises(ValidationError) as error:
            ProductPageFactory(availability=ProductPage.Availability.PREORDER, stock=None)
        assert "lead_time_days" in error.value.message_dict


# --- Certificates ----------------------------------------------------------------------------


class TestCertificates:
    def certificate(self, **kwargs):
        return ProductCertificate(
            page=kwargs.pop("page", None) or ProductPageFactory(),
            certificate_type=CertificateTypeFactory(name="Halal"),
            number="ID12110000123450124",
            **kwargs,
        )

    def test_expiry_before_issue_is_refused_on_expires_on(self):
        certificate = self.certificate(
            issued_on=datetime.date(2024, 6, 1), expires_on=datetime.date(2024, 5, 31)
        )
        errors = validation_errors(certificate)
        assert list(errors) == ["expires_on"]

    def test_expiry_on_or_after_issue_is_fine(self):
        for expires_on in (datetime.date(2024, 6, 1), datetime.date(2028, 6, 1), None):
            certificate = self.certificate(
                issued_on=datetime.date(2024, 6, 1), expires_on=expires_on
            )
            assert validation_errors(certificate) == {}

    def test_issue_date_in_the_future_is_refused(self):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        certificate = self.certificate(issued_on=tomorrow)
        assert list(validation_errors(certificate)) == ["issued_on"]

    def test_is_expired(self):
        today = timezone.localdate()
        expired = ProductCertificateFactory(
            issued_on=datetime.date(2020, 1, 15), expires_on=today - datetime.timedelta(days=1)
        )
        current = ProductCertificateFactory(expires_on=today)
        lifelong = ProductCertificateFactory(expires_on=None)
        assert expired.is_expired is True
        assert current.is_expired is False
        assert lifelong.is_expired is False
        assert expired.is_valid is False
        assert current.is_valid is True
        assert ProductCertificateFactory(verified=False).is_valid is False

    def test_expired_certificate_is_shown_as_expired_on_the_product_page(self, client):
        product = ProductPageFactory()
        ProductCertificateFactory(
            page=product,
            certificate_type=CertificateTypeFactory(name="P-IRT"),
            number="P-IRT 2063209010123-25",
            issued_on=datetime.date(2020, 1, 15),
            expires_on=datetime.date(2023, 3, 1),
        )
        ProductCertificateFactory(
            page=product, certificate_type=CertificateTypeFactory(name="Halal"), verified=True
        )
        html = client.get(product.url).content.decode()
        expired_item = html.split("P-IRT 2063209010123-25")[0].rsplit("<li", 1)[1]
        assert "certificate--expired" in expired_item
        assert "Kedaluwarsa" in html
        assert "kedaluwarsa sejak 1 Maret 2023" in html
        assert "Terverifikasi" in html  # the other, current certificate

    def test_vendor_certificates_follow_the_same_rules(self):
        certificate = VendorCertificateFactory.build(
            page=VendorPageFactory(),
            certificate_type=CertificateTypeFactory(),
            issued_on=datetime.date(2024, 6, 1),
            expires_on=datetime.date(2023, 6, 1),
        )
        assert list(validation_errors(certificate)) == ["expires_on"]


# --- SKU -------------------------------------------------------------------------------------


class TestSku:
    def test_sku_is_stored_in_upper_case(self):
        product = ProductPageFactory(sku="bt-mm-01")
        product.refresh_from_db()
        assert product.sku == "BT-MM-01"

    def test_same_sku_at_the_same_ikm_is_refused_case_insensitively(self):
        vendor = VendorPageFactory()
        ProductPageFactory(parent=vendor, sku="BT-MM-01")
        with pytest.raises(ValidationError) as error:
            ProductPageFactory(parent=vendor, sku="bt-mm-01")
        assert "sku" in error.value.message_dict
        assert ProductPage.objects.child_of(vendor).count() == 1

    def test_editing_into_a_clash_is_refused(self):
        vendor = VendorPageFactory()
        ProductPageFactory(parent=vendor, sku="BT-MM-01")
        other = ProductPageFactory(parent=vendor, sku="BT-MM-02")
        other.sku = "Bt-Mm-01"
        assert list(validation_errors(other)) == ["sku"]

    def test_a_product_does_not_clash_with_itself(self):
        product = ProductPageFactory(sku="BT-MM-01")
        product.summary = "Diperbarui"
        assert validation_errors(product) == {}

    def test_same_sku_at_another_ikm_is_allowed(self):
        ProductPageFactory(parent=VendorPageFactory(), sku="BT-MM-01")
        product = ProductPageFactory(parent=VendorPageFactory(), sku="bt-mm-01")
        assert product.sku == "BT-MM-01"

    @pytest.mark.parametrize("sku", ["BT 01", "BT/01", "batik#1"])
    def test_sku_characters(self, sku):
        product = ProductPageFactory()
        product.sku = sku
        assert "sku" in validation_errors(product)


# --- The product's IKM -----------------------------------------------------------------------


class TestProductVendor:
    def test_vendor_is_set_from_the_parent(self):
        vendor = VendorPageFactory()
        product = ProductPageFactory(parent=vendor)
        product.refresh_from_db()
        assert product.vendor_id == vendor.pk

    def test_vendor_cannot_be_edited_directly(self):
        assert ProductPage._meta.get_field("vendor").editable is False

    def test_vendor_follows_a_move(self):
        first, second = VendorPageFactory(), VendorPageFactory()
        product = ProductPageFactory(parent=first)
        product.move(second, pos="last-child")
        product = ProductPage.objects.get(pk=product.pk)
        assert product.get_parent().pk == second.pk
        assert product.vendor_id == second.pk
        assert list(second.products.all()) == [product]
        assert not first.products.exists()

    def test_vendor_is_kept_on_save_after_a_move(self):
        first, second = VendorPageFactory(), VendorPageFactory()
        product = ProductPageFactory(parent=first)
        product.move(second, pos="last-child")
        product = ProductPage.objects.get(pk=product.pk)
        product.summary = "Sekarang di IKM lain"
        product.save()
        product.refresh_from_db()
        assert product.vendor_id == second.pk


def test_phone_numbers_with_non_ascii_digits_are_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        normalise_phone("0٨١٢٣٤٥٦٧٨٩٠")
