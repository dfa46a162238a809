"""The quote part of Kebutuhan Industri in the Wagtail admin: the *Penawaran* menu (IKM owners
and operators) and the operators' report under *Laporan*. Imported by sourcing/wagtail_hooks.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from sourcing import quote_admin_views as views
from sourcing.quote_access import is_operator
from sourcing.quote_report_views import SourcingReportView


class QuotesMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_use_quotes(request.user)


class OperatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_operator(request.user)


class QuoteViewSet(ViewSet):
    name = views.URL_NAMESPACE
    url_prefix = "penawaran"
    icon = "doc-full"
    menu_label = gettext_lazy("Penawaran")
    menu_name = "penawaran"
    menu_order = 260
    add_to_admin_menu = True
    menu_item_class = QuotesMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.QuoteHomeView.as_view(), name="index"),
            path("kebutuhan/<int:pk>/", views.RequestQuoteView.as_view(), name="request"),
            path("<int:pk>/", views.QuoteDetailView.as_view(), name="quote"),
            path("<int:pk>/pesan/", views.QuoteMessageView.as_view(), name="message"),
            path("<int:pk>/tarik/", views.QuoteWithdrawView.as_view(), name="withdraw"),
            path(
                "<int:pk>/lampiran/<int:attachment_pk>/",
                views.QuoteAttachmentView.as_view(),
                name="attachment",
            ),
            path("laporan/", SourcingReportView.as_view(), name="reports"),
        ]


@hooks.register("register_admin_viewset")
def register_quote_viewset():
    return QuoteViewSet()


@hooks.register("register_reports_menu_item")
def register_sourcing_reports_menu_item():
    return OperatorMenuItem(
        gettext_lazy("Kebutuhan Industri"),
        reverse(f"{views.URL_NAMESPACE}:reports"),
        name="laporan-kebutuhan",
        icon_name="table",
        order=910,
    )
