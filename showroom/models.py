"""The home page and the site's standard content pages."""

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from catalog.blocks import BodyBlock
from catalog.models import Category, ProductPage, Region, VendorPage
from catalog.models.pages import BasePage, CatalogIndexPage, VendorIndexPage


class HomePage(BasePage):
    """The front door: what Etalase IKM is, and ways into the catalog.

    Curated StreamField sections arrive with the showroom issue; until then it shows the
    categories, the newest products and a few IKM.
    """

    hero_title = models.CharField(_("judul utama"), max_length=120, blank=True)
    hero_text = models.TextField(_("teks utama"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_text")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["catalog.CatalogIndexPage", "catalog.VendorIndexPage", "showroom.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalog_page"] = CatalogIndexPage.objects.live().first()
        context["vendor_index"] = VendorIndexPage.objects.live().first()
        live = Q(products__live=True)
        context["categories"] = (
            Category.objects.filter(parent__isnull=True)
            .annotate(direct_count=Count("products", filter=live, distinct=True))
            .prefetch_related("children")
        )
        context["regions"] = Region.objects.annotate(
            vendor_count=Count("vendors", filter=Q(vendors__live=True), distinct=True)
        ).filter(vendor_count__gt=0)
        context["new_products"] = ProductPage.listing(ProductPage.objects.live().public())[:8]
        context["vendors"] = VendorPage.listing(VendorPage.objects.live().public())[:6]
        return context


class StandardPage(BasePage):
    """A plain content page: about Etalase IKM, how to order, contact."""

    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["showroom.HomePage", "showroom.StandardPage"]
    subpage_types = ["showroom.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")
