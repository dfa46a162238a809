"""Admin registration: taxonomies as snippets with filtered listings for curators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalog.admin_views import URL_NAME, NeedsTranslationView
from catalog.models import Category, CertificateType, Material, Region, Sentra


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "name_en", "parent", "slug", "sort_order"]
    list_filter = ["parent"]
    search_fields = ["name", "name_en"]
    ordering = ["parent__name", "sort_order", "name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "kind", "province"]
    list_filter = ["kind", "province"]
    search_fields = ["name"]


class SentraViewSet(SnippetViewSet):
    model = Sentra
    icon = "group"
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class CertificateTypeViewSet(SnippetViewSet):
    model = CertificateType
    icon = "success"
    list_display = ["name", "code", "issuer"]
    search_fields = ["name", "code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taksonomi")
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (
        CategoryViewSet,
        RegionViewSet,
        SentraViewSet,
        MaterialViewSet,
        CertificateTypeViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_urls")
def register_needs_translation_url():
    return [
        path(
            "perlu-terjemahan/",
            NeedsTranslationView.as_view(),
            name=URL_NAME,
        )
    ]


@hooks.register("register_reports_menu_item")
def register_needs_translation_menu_item():
    return MenuItem(
        _("Perlu terjemahan"),
        reverse(URL_NAME),
        name="perlu-terjemahan",
        icon_name="globe",
        order=950,
    )
