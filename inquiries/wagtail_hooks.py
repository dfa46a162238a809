"""The inbox in the Wagtail admin: its URLs and menu item, the dashboard panel, the reports menu
item and the log actions of replies and status changes."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter

from . import admin_views as views
from .models import Inquiry


class InboxMenuItem(MenuItem):
    """Shown to users who can see any inquiry, with the number of NEW ones in the label."""

    def is_shown(self, request):
        return views.can_view_inquiries(request.user)

    def render_component(self, request):
        # Menu items are shared between requests: build the label, do not store it.
        count = views.new_inquiry_count(request.user)
        label = (
            _("%(label)s (%(count)s baru)") % {"label": self.label, "count": count}
            if count
            else self.label
        )
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.is_operator(request.user)


class InquiryViewSet(ViewSet):
    name = views.URL_NAMESPACE
    url_prefix = "pertanyaan"
    icon = "mail"
    menu_label = gettext_lazy("Pertanyaan pembeli")
    menu_name = "pertanyaan-pembeli"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = InboxMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.InquiryIndexView.as_view(), name="index"),
            path("hasil/", views.InquiryIndexView.as_view(results_only=True), name="index_results"),
            path("<int:pk>/", views.InquiryDetailView.as_view(), name="detail"),
            path("<int:pk>/status/", views.InquiryStatusView.as_view(), name="status"),
            path("<int:pk>/balas/", views.InquiryReplyView.as_view(), name="reply"),
            path("<int:pk>/lampiran/", views.InquiryAttachmentView.as_view(), name="attachment"),
            path("email-gagal/", views.FailedNotificationsView.as_view(), name="failed"),
            path(
                "email-gagal/kirim-ulang/",
                views.RetryNotificationsView.as_view(),
                name="retry",
            ),
            path("laporan/", views.InquiryReportView.as_view(), name="reports"),
        ]


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return InquiryViewSet()


@hooks.register("register_reports_menu_item")
def register_inquiry_reports_menu_item():
    return ReportsMenuItem(
        gettext_lazy("Pertanyaan pembeli"),
        reverse(f"{views.URL_NAMESPACE}:reports"),
        name="laporan-pertanyaan",
        icon_name="mail",
        order=900,
    )


class NewInquiriesPanel(Component):
    """Dashboard: "Pertanyaan baru: N", linking to the inbox filtered on NEW."""

    name = "new_inquiries"
    template_name = "inquiries/admin/home_panel.html"
    order = 50

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {
            "new_count": self.count,
            "url": reverse(f"{views.URL_NAMESPACE}:index") + "?status=new",
        }


@hooks.register("construct_homepage_panels")
def add_new_inquiries_panel(request, panels):
    if views.can_view_inquiries(request.user):
        panels.append(NewInquiriesPanel(views.new_inquiry_count(request.user)))


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    actions.register_action(views.LOG_REPLY, gettext_lazy("Balas"), gettext_lazy("Dibalas"))

    @actions.register_action(views.LOG_STATUS)
    class StatusChangeFormatter(LogFormatter):
        label = gettext_lazy("Ubah status")

        def format_message(self, log_entry):
            labels = dict(Inquiry.Status.choices)
            try:
                return _("Status diubah dari %(old)s menjadi %(new)s") % {
                    "old": labels[log_entry.data["old"]],
                    "new": labels[log_entry.data["new"]],
                }
            except (KeyError, TypeError):
                return _("Status diubah")


# --- The owners' statistics (catalog/stats): WhatsApp clicks and inquiries per product ---------


@hooks.register("register_product_statistics")
def whatsapp_click_statistics():
    from .statistics import WHATSAPP_CLICKS

    return WHATSAPP_CLICKS


@hooks.register("register_product_statistics")
def inquiry_statistics():
    from .statistics import INQUIRIES

    return INQUIRIES
