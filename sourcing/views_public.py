"""The public pages of Kebutuhan Industri: the list of open needs with filters, one need's
page with its confidential parts for signed-in IKM only, and its specification files.

Who sees what is decided in sourcing/visibility.py. These pages differ per visitor and change
when a buyer publishes, so they are `never_cache` (the anonymous page cache skips them).
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from catalog.models import Category, Region
from catalog.pagination import paginate, requested_page
from sourcing.models import Capability
from sourcing.visibility import may_see_confidential, public_requests, viewable_requests

PAGE_SIZE = 20


class RequestFilterForm(forms.Form):
    kemampuan = forms.ModelChoiceField(
        label=_("Kemampuan"),
        queryset=Capability.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua kemampuan"),
    )
    wilayah = forms.ModelChoiceField(
        label=_("Wilayah pengiriman"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua wilayah"),
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.filter(parent__isnull=True).order_by("sort_order", "name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua kategori"),
    )

    def filter(self, requests):
        """Apply the valid choices; an unknown slug is ignored, never an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("kemampuan"):
            requests = requests.filter(capabilities=data["kemampuan"])
        if data.get("wilayah"):
            requests = requests.filter(delivery_region=data["wilayah"])
        if data.get("kategori"):
            category = data["kategori"]
            requests = requests.filter(Q(category=category) | Q(category__parent=category))
        return requests.distinct()


@never_cache
def request_list(request):
    form = RequestFilterForm(request.GET or None)
    requests = form.filter(public_requests()).select_related(
        "company", "category", "delivery_region"
    )
    page_obj = paginate(
        requests.order_by("quote_deadline", "pk").prefetch_related("capabilities"),
        PAGE_SIZE,
        requested_page(request),
    )
    return render(
        request,
        "sourcing/match/request_list.html",
        {"form": form, "page_obj": page_obj, "requests": page_obj.object_list},
    )


@never_cache
def request_detail(request, slug):
    need = get_object_or_404(
        viewable_requests(request.user).select_related("company", "category", "delivery_region"),
        slug=slug,
    )
    confidential = may_see_confidential(request.user, need)
    return render(
        request,
        "sourcing/match/request_detail.html",
        {
            "need": need,
            "confidential": confidential,
            "show_buyer": need.show_buyer_name or confidential,
            "attachments": list(need.attachments.all()) if confidential else [],
            "capabilities": list(need.capabilities.all()),
            "login_url": f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.path})}",
        },
    )


@never_cache
def request_attachment(request, slug, pk):
    """A specification file, for those who may see the confidential parts; else 404."""
    need = get_object_or_404(viewable_requests(request.user), slug=slug)
    if not may_see_confidential(request.user, need):
        raise Http404
    attachment = get_object_or_404(need.attachments, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
