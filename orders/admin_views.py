"""Orders in the Wagtail admin: the list, one order, "mark shipped", the CSV export.

Who sees what is decided in one place, `Order.objects.for_user`: operators (superusers) see
every order, an IKM's owners their own IKM's. Every view starts from that queryset, so an order
of another IKM is a 404 whatever the URL; users who may see no order get Wagtail's
permission-denied redirect.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from catalog.ownership import vendors_owned_by
from inquiries.admin_views import csv_response

from .models import Order, OrderEmail, sees_all_orders
from .notifications import queue

URL_NAMESPACE = "orders_admin"
LOG_SHIPPED = "orders.shipped"
PAGE_SIZE = 50


def admin_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def can_view_orders(user):
    return user.is_authenticated and (sees_all_orders(user) or bool(vendors_owned_by(user)))


class OrdersAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_view_orders(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def visible_order(request, pk):
    """One order this user may see, or 404 (an order of another IKM does not exist here)."""
    return get_object_or_404(Order.objects.for_user(request.user).select_related("vendor"), pk=pk)


def filtered_orders(request):
    orders = Order.objects.for_user(request.user).select_related("vendor")
    status = request.GET.get("status", "")
    if status in Order.Status.values:
        orders = orders.filter(status=status)
    return orders.order_by("-created_at", "-pk"), status


class OrderIndexView(OrdersAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "orders/admin/index.html"
    page_title = gettext_lazy("Pesanan")
    header_icon = "form"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        orders, status = filtered_orders(self.request)
        page = Paginator(orders, PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            orders=page.object_list,
            page_obj=page,
            status=status,
            statuses=Order.Status.choices,
            export_url=admin_url("export") + (f"?status={status}" if status else ""),
        )
        return context


class ShipForm(forms.Form):
    courier = forms.CharField(label=gettext_lazy("Kurir"), max_length=60)
    tracking_number = forms.CharField(label=gettext_lazy("Nomor resi"), max_length=60)


class OrderDetailView(OrdersAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "orders/admin/detail.html"
    header_icon = "form"

    def get(self, request, *args, **kwargs):
        self.order = visible_order(request, kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return self.order.reference

    def get_page_subtitle(self):
        return self.order.vendor.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": admin_url("index"), "label": _("Pesanan")},
            {"url": "", "label": self.order.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.order
        context.update(
            order=order,
            lines=order.lines.select_related("product"),
            emails=order.emails.all(),
            events=order.payment_events.all(),
            ship_form=kwargs.get("ship_form") or ShipForm(),
            ship_url=admin_url("ship", order.pk),
            can_ship=order.status == Order.Status.PAID,
            index_url=admin_url("index"),
        )
        return context


class OrderShipView(OrderDetailView):
    """Mark a paid order shipped with its courier and tracking number; the buyer is emailed."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.order = order = visible_order(request, pk)
        form = ShipForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Isi kurir dan nomor resi."))
            return self.render_to_response(self.get_context_data(ship_form=form), status=400)
        with transaction.atomic():
            locked = Order.objects.select_for_update().get(pk=order.pk)
            if locked.status != Order.Status.PAID:
                messages.error(request, _("Hanya pesanan yang sudah dibayar yang bisa dikirim."))
                return redirect(admin_url("detail", order.pk))
            locked.status = Order.Status.SHIPPED
            locked.courier = form.cleaned_data["courier"]
            locked.tracking_number = form.cleaned_data["tracking_number"]
            locked.shipped_at = timezone.now()
            locked.save(update_fields=["status", "courier", "tracking_number", "shipped_at"])
            log(instance=locked, action=LOG_SHIPPED, user=request.user)
            queue(locked, OrderEmail.Kind.BUYER_SHIPPED)
        messages.success(
            request, _("%(reference)s ditandai dikirim.") % {"reference": order.reference}
        )
        return redirect(admin_url("detail", order.pk))


class OrderExportView(OrdersAccessMixin, View):
    """The user's orders (with the list's status filter) as CSV, one row per order line."""

    def get(self, request):
        orders, _status = filtered_orders(request)
        rows = [
            [
                _("Nomor"),
                _("Dibuat"),
                _("Status"),
                _("IKM"),
                _("Produk"),
                _("Jumlah"),
                _("Harga satuan (Rp)"),
                _("Total (Rp)"),
                _("Nama"),
                _("Email"),
                _("Telepon"),
                _("Alamat jalan"),
                _("Kecamatan"),
                _("Kota/kabupaten"),
                _("Provinsi"),
                _("Kode pos"),
                _("Kurir"),
                _("Nomor resi"),
            ]
        ]
        for order in orders.prefetch_related("lines"):
            for line in order.lines.all():
                rows.append(
                    [
                        order.reference,
                        timezone.localtime(order.created_at).isoformat(timespec="seconds"),
                        order.get_status_display(),
                        order.vendor.title,
                        line.title,
                        line.quantity,
                        line.unit_price,
                        order.total,
                        order.name,
                        order.email,
                        order.phone,
                        order.street,
                        order.district,
                        order.city,
                        order.province,
                        order.postal_code,
                        order.courier,
                        order.tracking_number,
                    ]
                )
        return csv_response(f"pesanan-{timezone.localdate():%Y%m%d}.csv", rows)
