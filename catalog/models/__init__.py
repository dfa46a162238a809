"""Catalog models: people, images, taxonomies (snippets) and the IKM and product pages."""

from .images import CatalogImage, CatalogRendition
from .pages import (
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    ProductTag,
    VendorCertificate,
    VendorGalleryImage,
    VendorPage,
)
from .snippets import Category, CertificateType, Material, Region, Sentra
from .users import User

__all__ = [
    "CatalogImage",
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
    "VendorPage",
]
