"""Catalog models: people, images, taxonomies (snippets) and the IKM and product pages."""

from .images import CatalogImage, CatalogRendition
from .pages import (
    CatalogIndexPage,
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    ProductTag,
    VendorCertificate,
    VendorGalleryImage,
    VendorIndexPage,
    VendorPage,
)
from .snippets import Category, CertificateType, Material, Region, Sentra
from .users import User

__all__ = [
    "CatalogImage",
    "CatalogIndexPage",
    "CatalogRendition",
    "Category",
    "CertificateType",
    "Material",
    "ProductCertificate",
    "ProductGalleryImage",
    "ProductPage",
    "ProductTag",
    "Region",
    "Sentra",
    "User",
    "VendorCertificate",
    "VendorGalleryImage",
    "VendorIndexPage",
    "VendorPage",
]
