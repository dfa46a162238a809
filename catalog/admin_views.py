"""Admin views of the catalog: onboarding an IKM (operators) and the spreadsheet import
(operators for any IKM, owners only into their own)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.importer import (
    COLUMNS,
    CatalogImporter,
    ImageSource,
    ImportFailed,
    template_csv,
    template_xlsx,
)
from catalog.models import Region, Sentra
from catalog.onboarding import Owner, onboard_ikm
from catalog.ownership import vendors_owned_by

MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024
MAX_ZIP_BYTES = 50 * 1024 * 1024


def can_onboard(user):
    return user.is_authenticated and user.has_perm("catalog.onboard_vendor")


def can_import_any(user):
    return user.is_authenticated and user.has_perm("catalog.import_any_catalog")


def can_import(user):
    return can_import_any(user) or (user.is_authenticated and bool(vendors_owned_by(user)))


class AccessMixin:
    def user_may_enter(self, user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_enter(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminFormView(WagtailAdminTemplateMixin, FormView):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


# --- Onboarding --------------------------------------------------------------------------------


class OwnersField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value):
        value = super().clean(value)
        owners = [Owner.parse(line) for line in value.splitlines() if line.strip()]
        for owner in owners:
            try:
                forms.EmailField().clean(owner.email)
            except ValidationError as error:
                raise ValidationError(
                    _("Alamat email tidak sah: %(email)s") % {"email": owner.email}
                ) from error
        return owners


class OnboardForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Nama IKM"), max_length=255)
    region = forms.ModelChoiceField(label=gettext_lazy("Wilayah"), queryset=Region.objects.all())
    sentra = forms.ModelChoiceField(
        label=gettext_lazy("Sentra"), queryset=Sentra.objects.all(), required=False
    )
    owner_names = forms.CharField(
        label=gettext_lazy("Nama pemilik (di profil)"), max_length=200, required=False
    )
    whatsapp = forms.CharField(label=gettext_lazy("WhatsApp"), max_length=20, required=False)
    email = forms.EmailField(label=gettext_lazy("Email IKM"), required=False)
    owners = OwnersField(
        label=gettext_lazy("Akun pemilik"),
        required=False,
        help_text=gettext_lazy(
            "Satu per baris: 'Nama <email>' atau email saja. Akun baru menerima tautan untuk "
            "membuat kata sandi."
        ),
    )
    publish = forms.BooleanField(label=gettext_lazy("Terbitkan profil sekarang"), required=False)


class OnboardView(AccessMixin, AdminFormView):
    """Operators onboard an IKM and its owners in one step (the same service as the command)."""

    template_name = "catalog/admin/onboard.html"
    form_class = OnboardForm
    page_title = gettext_lazy("Daftarkan IKM")
    header_icon = "user"

    def user_may_enter(self, user):
        return can_onboard(user)

    def form_valid(self, form):
        data = form.cleaned_data
        profile = {
            name: data[name]
            for name in ("sentra", "owner_names", "whatsapp", "email")
            if data[name]
        }
        try:
            result = onboard_ikm(
                data["title"], data["region"], data["owners"], publish=data["publish"], **profile
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("IKM %(ikm)s siap: %(owners)s pemilik, %(invited)s undangan dikirim.")
            % {
                "ikm": result.vendor.title,
                "owners": len(result.users),
                "invited": len(result.invited),
            },
        )
        return redirect("wagtailadmin_pages:edit", result.vendor.pk)


# --- Import ------------------------------------------------------------------------------------


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas spreadsheet (.csv atau .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    images = forms.FileField(
        label=gettext_lazy("Zip foto (opsional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
        help_text=gettext_lazy("Nama berkas foto ditulis di kolom image."),
    )
    create_missing = forms.BooleanField(
        label=gettext_lazy("Buat IKM, kategori dan bahan yang belum ada"), required=False
    )
    publish = forms.BooleanField(label=gettext_lazy("Terbitkan langsung"), required=False)

    def __init__(self, *args, operator=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not operator:
            del self.fields["create_missing"]
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(_("Pilih berkas .csv atau .xlsx."))
        if upload.size > MAX_SPREADSHEET_BYTES:
            raise ValidationError(_("Berkas terlalu besar (paling besar 5 MB)."))
        return upload

    def clean_images(self):
        upload = self.cleaned_data.get("images")
        if upload and upload.size > MAX_ZIP_BYTES:
            raise ValidationError(_("Zip foto terlalu besar (paling besar 50 MB)."))
        return upload


class ImportView(AccessMixin, AdminFormView):
    """Upload, preview (dry run) and import. The two buttons post the same files: "preview"
    only checks, "import" writes everything or nothing."""

    template_name = "catalog/admin/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Impor katalog")
    header_icon = "upload"

    def user_may_enter(self, user):
        return can_import(user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "operator": can_import_any(self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = COLUMNS
        context["operator"] = can_import_any(self.request.user)
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            images = ImageSource(data["images"].read()) if data.get("images") else None
        except ValidationError as error:
            form.add_error("images", error)
            return self.form_invalid(form)
        importer = CatalogImporter(
            self.request.user,
            create_missing=data.get("create_missing", False),
            publish=data.get("publish", False),
            images=images,
        )
        upload = data["file"]
        content = upload.read()
        if "commit" not in self.request.POST:
            report = importer.plan(content, upload.name)
            return self.render_to_response(
                self.get_context_data(form=form, report=report, preview=True)
            )
        try:
            report = importer.commit(content, upload.name)
        except ImportFailed as failed:
            return self.render_to_response(
                self.get_context_data(form=form, report=failed.report, failed=True)
            )
        messages.success(
            self.request,
            _(
                "Impor selesai: %(created)s produk baru, %(updated)s diperbarui, "
                "%(published)s diterbitkan, %(submitted)s diajukan ke kurator."
            )
            % {
                "created": report.created,
                "updated": report.updated,
                "published": report.published,
                "submitted": report.submitted,
            },
        )
        return redirect(reverse("catalog_import:upload"))


class TemplateDownloadView(AccessMixin, View):
    def user_may_enter(self, user):
        return can_import(user)

    def get(self, request, fmt):
        if fmt == "xlsx":
            response = HttpResponse(
                template_xlsx(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="templat-impor-katalog.{fmt}"'
        return response
