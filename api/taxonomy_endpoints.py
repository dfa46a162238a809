"""Categories, regions and sentra: the snippets products and IKM are filtered by."""

from wagtail.api import APIField
from wagtail.api.v2.views import BaseAPIViewSet

from api import fields as f
from api.fields import Computed
from api.filters import SlugFilter
from api.policy import PublicEndpoint
from catalog.models import Category, Region, Sentra


class SnippetEndpoint(PublicEndpoint, BaseAPIViewSet):
    filter_backends = [SlugFilter]
    meta_fields = ["type", "detail_url"]
    slug_filters = {}

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    def get_queryset(self):
        return self.model.objects.all().order_by("pk")


def category_urls(category, request):
    """The category's page in the catalog (/katalog/<slug>/), in each language."""
    catalog = getattr(request, "_api_catalog_page", None)
    if catalog is None:
        from showroom.models import CatalogIndexPage

        catalog = request._api_catalog_page = CatalogIndexPage.objects.live().first() or False
    if not catalog:
        return None
    subpath = catalog.reverse_subpage("category_products", args=[category.slug])
    return f.both_languages(lambda: catalog.get_full_url(request) + subpath)


class CategoriesEndpoint(SnippetEndpoint):
    """Two levels; `?parent=<slug>` for a category's subcategories."""

    name = "categories"
    model = Category
    filter_parameters = frozenset({"parent"})
    slug_filters = {"parent": "parent__slug"}
    body_fields = [
        "id",
        "slug",
        "name",
        "name_en",
        "description",
        "description_en",
        "sort_order",
        APIField("parent", serializer=Computed(lambda c, r: f.category_ref(c.parent, r))),
        APIField("url", serializer=Computed(category_urls)),
    ]

    def get_queryset(self):
        return Category.objects.select_related("parent").order_by("sort_order", "name", "pk")


class RegionsEndpoint(SnippetEndpoint):
    name = "regions"
    model = Region
    body_fields = ["id", "slug", "name", "kind", "province"]


class SentraEndpoint(SnippetEndpoint):
    """`?region=<slug>` for the sentra of one region."""

    name = "sentra"
    model = Sentra
    filter_parameters = frozenset({"region"})
    slug_filters = {"region": "region__slug"}
    body_fields = [
        "id",
        "slug",
        "name",
        "description",
        APIField("region", serializer=Computed(lambda s, r: f.region_ref(s.region, r))),
    ]

    def get_queryset(self):
        return Sentra.objects.select_related("region").order_by("name", "pk")
