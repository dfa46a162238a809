"""The orders menu item and admin URLs, and the log action of "mark shipped"."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import admin_views as views


class OrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_orders(request.user)


class OrderViewSet(ViewSet):
    name = views.URL_NAMESPACE
    url_prefix = "pesanan"
    icon = "form"
    menu_label = gettext_lazy("Pesanan")
    menu_name = "pesanan"
    menu_order = 260
    add_to_admin_menu = True
    menu_item_class = OrdersMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.OrderIndexView.as_view(), name="index"),
            path("csv/", views.OrderExportView.as_view(), name="export"),
            path("<int:pk>/", views.OrderDetailView.as_view(), name="detail"),
            path("<int:pk>/kirim/", views.OrderShipView.as_view(), name="ship"),
        ]


@hooks.register("register_admin_viewset")
def register_order_viewset():
    return OrderViewSet()


@hooks.register("register_log_actions")
def register_order_log_actions(actions):
    actions.register_action(
        views.LOG_SHIPPED, gettext_lazy("Tandai dikirim"), gettext_lazy("Ditandai dikirim")
    )


@hooks.register("register_product_statistics")
def order_statistics():
    """Paid orders per product, for the owners' statistics (catalog/stats)."""
    from .statistics import ORDERS

    return ORDERS
