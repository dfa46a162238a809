"""Curators' tools in the Wagtail admin: shelf labels (one print page, shown and as PDF) and
exhibition join requests.

Who may do what follows Wagtail's page permissions, so nothing here needs permissions of its
own: labels for a venue or an exhibition need edit rights on its page (curators have them on
the whole site; an IKM's owners only on their own IKM's pages); a join request is made by an
owner for an IKM they own, and decided by someone who may publish the exhibition.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from catalog.models import ProductPage, VendorPage
from catalog.ownership import vendors_owned_by
from printing.labels import labels_context, labels_for, labels_pdf
from showroom.exhibitions import ExhibitionJoinRequest, ExhibitionPage
from showroom.labels import LabelVisit, source_for
from showroom.venues import ShowroomPage

URL_NAMESPACE = "showroom_admin"


def _labelled_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ShowroomPage | ExhibitionPage):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _editable(model, user):
    return [
        page
        for page in model.objects.order_by("title")
        if page.permissions_for_user(user).can_edit()
    ]


def labels_index(request):
    venues = _editable(ShowroomPage, request.user)
    exhibitions = _editable(ExhibitionPage, request.user)
    if not venues and not exhibitions and not request.user.is_superuser:
        raise PermissionDenied
    return TemplateResponse(
        request,
        "showroom/admin/labels_index.html",
        {
            "page_title": _("Label rak"),
            "header_title": _("Label rak"),
            "venues": venues,
            "exhibitions": exhibitions,
        },
    )


def labels_sheet(request, page_id):
    page = _labelled_page(request, page_id)
    source = source_for(page)
    visits = dict(
        LabelVisit.objects.filter(source=source)
        .values_list("product_id")
        .annotate(total=Sum("count"))
    )
    labels = labels_for(page, request)
    for label in labels:
        label.visits = visits.get(label.product.pk, 0)
    return TemplateResponse(
        request, "printing/labels.html", labels_context(page, labels, for_screen=True)
    )


def labels_pdf_view(request, page_id):
    """The same page as `labels_sheet`, without its screen toolbar, rendered by WeasyPrint."""
    page = _labelled_page(request, page_id)
    pdf = labels_pdf(page, labels_for(page, request), request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="label-{page.slug}.pdf"'
    return response


# -- exhibition join requests ---------------------------------------------------------------


def open_exhibitions():
    return [
        e for e in ExhibitionPage.objects.live().order_by("starts_on") if e.is_open_for_requests()
    ]


def can_decide(user, join_request):
    return join_request.exhibition.permissions_for_user(user).can_publish()


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = ExhibitionJoinRequest
        fields = ["exhibition", "vendor", "products", "message"]
        widgets = {
            "products": forms.CheckboxSelectMultiple,
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        owned = vendors_owned_by(user)
        self.fields["exhibition"].queryset = ExhibitionPage.objects.filter(
            pk__in=[e.pk for e in open_exhibitions()]
        ).order_by("starts_on")
        self.fields["vendor"].queryset = VendorPage.objects.filter(pk__in=owned).order_by("title")
        self.fields["products"].queryset = (
            ProductPage.objects.filter(vendor_id__in=owned).live().order_by("title")
        )
        self.fields["message"].max_length = 2000

    def clean(self):
        data = super().clean()
        vendor, products = data.get("vendor"), data.get("products")
        if vendor and products and any(p.vendor_id != vendor.pk for p in products):
            raise forms.ValidationError(_("Pilih produk dari IKM yang mengajukan saja."))
        return data


def join_requests(request):
    user = request.user
    owned = vendors_owned_by(user)
    visible = [
        r
        for r in ExhibitionJoinRequest.objects.select_related(
            "exhibition", "vendor"
        ).prefetch_related("products")
        if r.vendor_id in owned or can_decide(user, r)
    ]
    if not owned and not visible and not _editable(ExhibitionPage, user):
        raise PermissionDenied
    form = None
    if owned:
        form = JoinRequestForm(request.POST or None, user=user)
        if request.method == "POST" and form.is_valid():
            join_request = form.save(commit=False)
            join_request.created_by = user
            join_request.save()
            form.save_m2m()
            messages.success(request, _("Pendaftaran terkirim; kurator akan meninjaunya."))
            return redirect(f"{URL_NAMESPACE}:join_requests")
    elif request.method == "POST":
        raise PermissionDenied
    return TemplateResponse(
        request,
        "showroom/admin/join_requests.html",
        {
            "page_title": _("Pendaftaran pameran"),
            "header_title": _("Pendaftaran pameran"),
            "requests": [(r, can_decide(user, r)) for r in visible],
            "form": form,
        },
    )


@require_POST
def decide_join_request(request, pk, decision):
    if decision not in ("accept", "decline"):
        raise Http404
    join_request = get_object_or_404(ExhibitionJoinRequest, pk=pk)
    if not can_decide(request.user, join_request):
        raise PermissionDenied
    if join_request.status != ExhibitionJoinRequest.Status.PENDING:
        messages.warning(request, _("Pendaftaran ini sudah diputuskan."))
    elif decision == "accept":
        join_request.accept(request.user)
        messages.success(request, _("Diterima: produknya masuk ke pameran."))
    else:
        join_request.decline(request.user)
        messages.success(request, _("Pendaftaran ditolak."))
    return redirect(reverse(f"{URL_NAMESPACE}:join_requests"))


MENU_LABELS = {
    "labels": gettext_lazy("Label rak"),
    "join_requests": gettext_lazy("Pendaftaran pameran"),
}
