"""Catalog models: people, images, taxonomies (snippets) and the IKM and product pages."""

from .exchange_rates import ExchangeRate
from .images import CatalogImage, CatalogRendition
from .imports import ImportJob
from .pages import (
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    ProductTag,
    VendorCertificate,
    VendorGalleryImage,
    VendorPage,
)
from .snippets import Category, CertificateType, Material, Region, Sentra, Unit
from .statistics import ProductView
from .two_factor import RecoveryCode, RecoveryCodeDevice
from .users import User

__all__ = [
    "CatalogImage",
    "CatalogRendition",
    "Category",
    "CertificateType",
    "ExchangeRate",
    "ImportJob",
    "Material",
    "ProductCertificate",
    "ProductGalleryImage",
    "ProductPage",
    "ProductTag",
    "ProductView",
    "RecoveryCode",
    "RecoveryCodeDevice",
    "Region",
    "Sentra",
    "Unit",
    "User",
    "VendorCertificate",
    "VendorGalleryImage",
    "VendorPage",
]
