"""Operators verify industry buyers in the Wagtail admin (menu "Perusahaan pembeli").

A list of companies, pending first, with each one's NIB, sector, region and contact people,
and a verify or reject button. Only operators and superusers enter (others get Wagtail's
permission-denied redirect); the verdict goes through sourcing.services.buyers.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from sourcing.access import is_operator
from sourcing.models import BuyerCompany
from sourcing.services.buyers import reject_company, verify_company

URL_NAMESPACE = "sourcing_buyers_admin"
STATUS_FILTERS = {choice.value for choice in BuyerCompany.Status}


class OperatorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_operator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CompanyListView(OperatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "sourcing/buyers/admin/company_list.html"
    page_title = gettext_lazy("Perusahaan pembeli")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        companies = BuyerCompany.objects.select_related("region").prefetch_related("members__user")
        if status in STATUS_FILTERS:
            companies = companies.filter(status=status)
        companies = companies.annotate(
            pending_first=Case(
                When(status=BuyerCompany.Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("pending_first", "-created_at")
        context.update(
            companies=companies[:200],
            status=status,
            statuses=BuyerCompany.Status.choices,
            pending_count=BuyerCompany.objects.filter(status=BuyerCompany.Status.PENDING).count(),
        )
        return context


class DecisionView(OperatorOnlyMixin, View):
    http_method_names = ["post"]
    decide = None
    message = ""

    def post(self, request, pk):
        company = get_object_or_404(BuyerCompany, pk=pk)
        self.decide(company, request.user)
        messages.success(request, self.message % {"name": company.name})
        return redirect(reverse(f"{URL_NAMESPACE}:index"))


class VerifyView(DecisionView):
    decide = staticmethod(verify_company)
    message = gettext_lazy("%(name)s terverifikasi.")


class RejectView(DecisionView):
    decide = staticmethod(reject_company)
    message = gettext_lazy("%(name)s ditolak.")


class OperatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_operator(request.user)


class BuyerCompanyViewSet(ViewSet):
    name = URL_NAMESPACE
    url_prefix = "perusahaan-pembeli"
    icon = "group"
    menu_label = gettext_lazy("Perusahaan pembeli")
    menu_name = "perusahaan-pembeli"
    menu_order = 260
    add_to_admin_menu = True
    menu_item_class = OperatorMenuItem

    def get_urlpatterns(self):
        return [
            path("", CompanyListView.as_view(), name="index"),
            path("<int:pk>/verifikasi/", VerifyView.as_view(), name="verify"),
            path("<int:pk>/tolak/", RejectView.as_view(), name="reject"),
        ]


@hooks.register("register_admin_viewset")
def register_buyer_company_viewset():
    return BuyerCompanyViewSet()
