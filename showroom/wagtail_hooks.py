"""The showroom's admin: the curators' product chooser, shelf labels, exhibition join
requests, and the count of visits that arrive by a label's QR code."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from catalog.models import ProductPage
from catalog.translation_report import HOOK_NAME as NEEDS_TRANSLATION_HOOK
from showroom import admin_views as views
from showroom.chooser import product_chooser_viewset
from showroom.labels import SOURCE_PARAM, LabelVisit
from showroom.translation_kinds import translation_kinds


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_urls")
def register_showroom_urls():
    urls = [
        path("label/", views.labels_index, name="labels"),
        path("label/<int:page_id>/", views.labels_sheet, name="labels_sheet"),
        path("label/<int:page_id>/pdf/", views.labels_pdf_view, name="labels_pdf"),
        path("pendaftaran-pameran/", views.join_requests, name="join_requests"),
        path(
            "pendaftaran-pameran/<int:pk>/<str:decision>/",
            views.decide_join_request,
            name="decide_join_request",
        ),
    ]
    return [path("showroom/", (urls, views.URL_NAMESPACE, views.URL_NAMESPACE))]


class CuratorMenuItem(MenuItem):
    """Shown to those who may edit a venue or an exhibition page (curators)."""

    def is_shown(self, request):
        from showroom.exhibitions import ExhibitionIndexPage

        index = ExhibitionIndexPage.objects.first()
        return bool(index and index.permissions_for_user(request.user).can_edit())


class JoinRequestMenuItem(CuratorMenuItem):
    """Curators decide join requests; owners make them."""

    def is_shown(self, request):
        from catalog.ownership import vendors_owned_by

        return super().is_shown(request) or bool(vendors_owned_by(request.user))


@hooks.register("register_admin_menu_item")
def register_labels_menu_item():
    return CuratorMenuItem(
        _("Label rak"),
        reverse(f"{views.URL_NAMESPACE}:labels"),
        icon_name="clipboard-list",
        order=260,
    )


@hooks.register("register_admin_menu_item")
def register_join_requests_menu_item():
    return JoinRequestMenuItem(
        _("Pendaftaran pameran"),
        reverse(f"{views.URL_NAMESPACE}:join_requests"),
        icon_name="calendar",
        order=270,
    )


hooks.register(NEEDS_TRANSLATION_HOOK, translation_kinds)


@hooks.register("before_serve_page")
def count_label_visit(page, request, serve_args, serve_kwargs):
    """A product page opened from a shelf label's QR code (?src=label-...): count it."""
    source = request.GET.get(SOURCE_PARAM, "")
    if source and isinstance(page, ProductPage) and request.method == "GET":
        LabelVisit.record(page, source)
