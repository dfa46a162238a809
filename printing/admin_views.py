"""*Katalog cetak* in the Wagtail admin: pick a scope, language and paper, follow the build,
download the PDF, or open the same HTML in the browser to print it.

Curators and operators (who may edit the IKM directory page, i.e. every IKM) build any catalog;
an IKM's owners build their own IKM's catalog only, and see only its rows.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalog.models import Category, Region, Sentra, VendorPage
from catalog.ownership import vendors_owned_by
from printing import scopes
from printing.document import catalog_context
from printing.models import PrintedCatalog
from printing.tasks import catalog_row, request_build
from printing.views import pdf_response, variant

URL_NAMESPACE = "printing_admin"


def can_build_any(user):
    from showroom.models import VendorIndexPage

    if user.is_superuser:
        return True
    directory = VendorIndexPage.objects.first()
    return bool(directory and directory.permissions_for_user(user).can_edit())


def own_vendors(user):
    return VendorPage.objects.live().filter(pk__in=vendors_owned_by(user)).order_by("title")


def may_build(user, scope):
    if can_build_any(user):
        return True
    vendor = scopes.vendor_of(scope)
    return vendor is not None and vendor.pk in vendors_owned_by(user)


def visible_rows(user):
    rows = PrintedCatalog.objects.order_by("-requested_at")
    if can_build_any(user):
        return rows
    slugs = list(own_vendors(user).values_list("slug", flat=True))
    return rows.filter(scope_kind=scopes.VENDOR, scope_key__in=slugs)


class CatalogForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Cakupan"), choices=scopes.KIND_CHOICES)
    vendor = forms.ModelChoiceField(
        label=gettext_lazy("IKM"), queryset=VendorPage.objects.none(), required=False
    )
    sentra = forms.ModelChoiceField(
        label=gettext_lazy("Sentra"), queryset=Sentra.objects.order_by("name"), required=False
    )
    region = forms.ModelChoiceField(
        label=gettext_lazy("Wilayah"), queryset=Region.objects.order_by("name"), required=False
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Kategori"), queryset=Category.objects.all(), required=False
    )
    exhibition = forms.ModelChoiceField(
        label=gettext_lazy("Pameran"), queryset=VendorPage.objects.none(), required=False
    )
    selection = forms.CharField(
        label=gettext_lazy("Pilihan kurator: nomor produk"),
        required=False,
        help_text=gettext_lazy("Nomor (ID) halaman produk dipisah koma, dalam urutan cetak."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Bahasa"), choices=PrintedCatalog.Language.choices
    )
    paper = forms.ChoiceField(label=gettext_lazy("Kertas"), choices=PrintedCatalog.Paper.choices)

    FIELD_OF_KIND = {
        scopes.VENDOR: "vendor",
        scopes.SENTRA: "sentra",
        scopes.REGION: "region",
        scopes.CATEGORY: "category",
        scopes.EXHIBITION: "exhibition",
    }

    def __init__(self, *args, user, **kwargs):
        from showroom.exhibitions import ExhibitionPage

        super().__init__(*args, **kwargs)
        self.user = user
        if can_build_any(user):
            self.fields["vendor"].queryset = VendorPage.objects.live().order_by("title")
            self.fields["exhibition"].queryset = ExhibitionPage.objects.live().order_by("title")
        else:
            self.fields["kind"].choices = [(scopes.VENDOR, _("IKM"))]
            self.fields["vendor"].queryset = own_vendors(user)
            for name in ("sentra", "region", "category", "exhibition", "selection"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == scopes.SELECTION:
            key = data.get("selection", "")
        else:
            subject = data.get(self.FIELD_OF_KIND.get(kind, ""))
            if subject is None:
                raise forms.ValidationError(_("Pilih isi katalog untuk cakupan ini."))
            key = subject.slug
        try:
            data["scope"] = scopes.resolve(kind, key)
        except Http404:
            raise forms.ValidationError(_("Cakupan ini tidak ditemukan.")) from None
        if not may_build(self.user, data["scope"]):
            raise PermissionDenied
        return data


def index(request):
    if not can_build_any(request.user) and not own_vendors(request.user).exists():
        raise PermissionDenied
    form = CatalogForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        scope = form.cleaned_data["scope"]
        ids = scope.product_ids()
        row = catalog_row(scope, form.cleaned_data["language"], form.cleaned_data["paper"])
        fingerprint = scope.fingerprint(ids)
        if row.is_current(fingerprint):
            messages.info(request, _("Katalog ini sudah terbaru."))
        elif request_build(row, fingerprint, request.user):
            messages.success(request, _("Katalog sedang dibuat di latar belakang."))
        else:
            messages.info(request, _("Katalog ini sedang dibuat."))
        return redirect(f"{URL_NAMESPACE}:index")
    rows = list(visible_rows(request.user)[:100])
    return TemplateResponse(
        request,
        "printing/admin/index.html",
        {
            "page_title": _("Katalog cetak"),
            "header_title": _("Katalog cetak"),
            "form": form,
            "rows": rows,
            "refresh": any(row.is_building for row in rows),
        },
    )


def _row_for(request, pk):
    row = get_object_or_404(PrintedCatalog, pk=pk)
    try:
        scope = scopes.resolve(row.scope_kind, row.scope_key)
    except Http404:
        raise PermissionDenied from None
    if not may_build(request.user, scope):
        raise PermissionDenied
    return row, scope


def download(request, pk):
    row, _scope = _row_for(request, pk)
    if row.status != PrintedCatalog.Status.READY or not row.file:
        raise Http404
    return pdf_response(row, attachment=True)


def preview(request, kind, key):
    """The catalog's HTML, for the browser's print: the same template as the PDF."""
    try:
        scope = scopes.resolve(kind, key)
    except Http404:
        raise PermissionDenied from None
    if not may_build(request.user, scope):
        raise PermissionDenied
    language, paper = variant(request)
    context = catalog_context(scope, language, paper)
    with translation.override(language):
        return HttpResponse(render_to_string("printing/catalog.html", context, request=request))
