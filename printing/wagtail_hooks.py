"""*Katalog cetak* in the admin menu, for curators, operators and IKM owners."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from printing import admin_views as views


@hooks.register("register_admin_urls")
def register_printing_urls():
    urls = [
        path("", views.index, name="index"),
        path("<int:pk>/unduh/", views.download, name="download"),
        path("pratinjau/<str:kind>/<str:key>/", views.preview, name="preview"),
    ]
    return [path("katalog-cetak/", (urls, views.URL_NAMESPACE, views.URL_NAMESPACE))]


class PrintedCatalogMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_build_any(request.user) or views.own_vendors(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_printed_catalog_menu_item():
    return PrintedCatalogMenuItem(
        _("Katalog cetak"), reverse(f"{views.URL_NAMESPACE}:index"), icon_name="doc-full", order=265
    )
