"""Factories for the catalog, shared by the tests and the demo-catalog command.

Every factory takes keyword overrides; page factories default their parent to the page the
site tree migration created (the IKM directory for IKM, a new IKM for products).
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from catalog.models import (
    CatalogImage,
    Category,
    CertificateType,
    Material,
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    Region,
    Sentra,
    User,
    VendorCertificate,
    VendorPage,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    first_name = factory.Faker("first_name", locale="id_ID")
    password = factory.django.Password("sandi-uji-123")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kota Contoh {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Region.Kind.KOTA


class SentraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sentra
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Sentra Contoh {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    region = factory.SubFactory(RegionFactory)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    parent = None


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Bahan {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CertificateTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Sertifikat {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogImage

    title = factory.Sequence(lambda n: f"Foto produk {n}")
    description = factory.LazyAttribute(lambda o: f"Foto {o.title}")
    file = factory.django.ImageField(width=800, height=600, color="#8a4b2a", format="JPEG")


def _default_vendor_index():
    """The IKM directory page (a showroom page type; found without importing showroom)."""
    return VendorPage.allowed_parent_page_models()[0].objects.first()


class VendorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = VendorPage

    title = factory.Sequence(lambda n: f"IKM Contoh {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    parent = factory.LazyFunction(_default_vendor_index)
    region = factory.SubFactory(RegionFactory)
    owner_names = factory.Faker("name", locale="id_ID")
    address = "Jl. Contoh No. 1"
    whatsapp = "+6281234567890"
    live = True


class ProductPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProductPage

    title = factory.Sequence(lambda n: f"Produk Contoh {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    parent = factory.SubFactory(VendorPageFactory)
    category = factory.SubFactory(CategoryFactory)
    summary = factory.LazyAttribute(lambda o: f"{o.title}, buatan tangan perajin lokal.")
    price = 150_000
    stock = 10
    availability = ProductPage.Availability.READY
    live = True
    first_published_at = factory.LazyFunction(timezone.now)


class ProductGalleryImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductGalleryImage

    page = factory.SubFactory(ProductPageFactory)
    image = factory.SubFactory(ImageFactory)
    sort_order = factory.Sequence(int)


class ProductCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductCertificate

    page = factory.SubFactory(ProductPageFactory)
    certificate_type = factory.SubFactory(CertificateTypeFactory)
    number = factory.Sequence(lambda n: f"ID{n:08d}")
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    verified = True


class VendorCertificateFactory(ProductCertificateFactory):
    class Meta:
        model = VendorCertificate

    page = factory.SubFactory(VendorPageFactory)
