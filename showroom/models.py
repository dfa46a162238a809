"""The site's own pages: home, the catalog listing, the IKM directory, content pages.

The listing pages live here rather than in catalog because they are views over the search
service, and catalog imports from no other app (see DESIGN.md)."""

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from catalog.blocks import BodyBlock
from catalog.models import Category, ProductPage, Region
from catalog.models.pages import BasePage
from catalog.pagination import requested_page
from pagecache import tags as cache_tags
from pagecache.routes import CachedRouteMixin
from search.query import SORT_OPTIONS, CatalogQuery, clean_text
from search.service import Linker, search_catalog, search_vendors
from showroom.blocks import HomeBlock, block_text
from showroom.index_pages import IndexPage


class HomePage(CachedRouteMixin, BasePage):
    """The front door, curated in the admin: sections (StreamField blocks) curators add, order
    and edit: a hero, their featured products, current exhibitions, categories with product
    counts, sentra and regions, the newest products, some IKM.
    """

    body = StreamField(HomeBlock(), verbose_name=_("isi beranda"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "showroom.CatalogIndexPage",
        "showroom.VendorIndexPage",
        "showroom.ExhibitionIndexPage",
        "showroom.ShowroomIndexPage",
        "showroom.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def get_meta_description(self):
        hero = self.hero_block()
        hero_lead = block_text(hero.value, "text").value if hero else ""
        return super().get_meta_description() or hero_lead

    def cache_tags(self):
        # Its sections count and list across the catalog (featured, newest, categories...).
        return [*super().cache_tags(), cache_tags.ALL]

    def hero_block(self):
        return next((b for b in self.body if b.block_type == "hero"), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalog_page"] = CatalogIndexPage.objects.live().first()
        context["hero"] = self.hero_block()
        return context


class StandardPage(BasePage):
    """A plain content page: about Etalase IKM, how to order, contact."""

    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)
    body_en = StreamField(BodyBlock(), verbose_name=_("isi (bahasa Inggris)"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        BasePage.english_panel(FieldPanel("body_en")),
    ]
    parent_page_types = ["showroom.HomePage", "showroom.StandardPage"]
    subpage_types = ["showroom.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")


class CatalogIndexPage(RoutablePageMixin, IndexPage):
    """/katalog/: every live product, with filters; one sub-URL per category."""

    subpage_types = []

    class Meta:
        verbose_name = _("halaman katalog")

    @path("")
    def all_products(self, request):
        return self.render_listing(request, category=None)

    @path("<slug:category_slug>/")
    def category_products(self, request, category_slug):
        category = get_object_or_404(Category.objects.select_related("parent"), slug=category_slug)
        return self.render_listing(request, category=category)

    def render_listing(self, request, category):
        requested_page(request)
        overrides = {"page_size": settings.CATALOG_PAGE_SIZE}
        if category:
            overrides["category"] = category.slug
        query = CatalogQuery.from_params(request.GET, **overrides)
        linker = Linker(self.url, category_url=self.category_url_for_slug)
        result = search_catalog(query, linker)
        form_params = query.to_params()
        if category:
            form_params.pop("kategori", None)
        return self.render(
            request,
            context_overrides={
                "category": category,
                "query": query,
                "result": result,
                "products": result,
                "form_params": form_params,
                "sort_options": SORT_OPTIONS,
                "filters_active": bool(query.active_filters)
                and not (category and query.active_filters == ["category"]),
            },
        )

    def get_sitemap_urls(self, request=None):
        """The listing and every category page (sub-URLs no walk of the page tree finds), each
        last modified when a product in it (or in its subcategories) last was."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        latest = {}
        rows = ProductPage.visible().order_by().values("category_id", "category__parent_id")
        for row in rows.annotate(last=Max(Coalesce("last_published_at", "first_published_at"))):
            for category_id in (row["category_id"], row["category__parent_id"]):
                if category_id and row["last"]:
                    latest[category_id] = max(row["last"], latest.get(category_id, row["last"]))
        listing = urls[0]
        if latest:
            listing["lastmod"] = max(filter(None, [listing["lastmod"], *latest.values()]))
        base = listing["location"]
        for category in Category.objects.only("pk", "slug"):
            path = self.reverse_subpage("category_products", args=[category.slug])
            lastmod = latest.get(category.pk, listing["lastmod"])
            urls.append({"location": base + path, "lastmod": lastmod})
        return urls

    def category_url(self, category):
        return self.category_url_for_slug(category.slug)

    def category_url_for_slug(self, slug):
        return self.url + self.reverse_subpage("category_products", args=[slug])


class VendorIndexPage(IndexPage):
    """/ikm/: the directory of IKM, filterable by region."""

    subpage_types = ["catalog.VendorPage"]

    class Meta:
        verbose_name = _("direktori IKM")

    def cache_tags(self):
        # The directory counts each IKM's products.
        return [*super().cache_tags(), cache_tags.ALL]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region = Region.objects.filter(slug=request.GET.get("wilayah", "").strip()[:120]).first()
        text = clean_text(request.GET.get("q", ""))
        context["region"] = region
        context["text"] = text
        context["regions"] = Region.objects.all()
        context["vendors"] = search_vendors(
            text=text,
            region=region.slug if region else "",
            page=requested_page(request),
            page_size=settings.VENDOR_PAGE_SIZE,
        )
        return context


# Venues, exhibitions and label visits live in their own modules; imported here so that Django
# finds their models.
from showroom.exhibitions import (  # noqa: E402
    ExhibitionIndexPage,
    ExhibitionItem,
    ExhibitionJoinRequest,
    ExhibitionPage,
)
from showroom.labels import LabelVisit  # noqa: E402
from showroom.venues import (  # noqa: E402
    ShelfPlacement,
    ShowroomGalleryImage,
    ShowroomIndexPage,
    ShowroomPage,
)

__all__ = [
    "CatalogIndexPage",
    "ExhibitionIndexPage",
    "ExhibitionItem",
    "ExhibitionJoinRequest",
    "ExhibitionPage",
    "HomePage",
    "LabelVisit",
    "ShelfPlacement",
    "ShowroomGalleryImage",
    "ShowroomIndexPage",
    "ShowroomPage",
    "StandardPage",
    "VendorIndexPage",
]
