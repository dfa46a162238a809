"""The spreadsheet import in the admin (operators for any IKM, owners only into their own).

"Pratinjau" checks the file at once and lists every error; "Impor" stores the upload as an
ImportJob and runs it as a background task, then shows its page: a progress bar while the rows
are written, and the rows created, updated and refused when it is done.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.admin_views import AccessMixin, AdminFormView, can_import, can_import_any
from catalog.importer import (
    INDONESIAN_HEADERS,
    CatalogImporter,
    ImageSource,
    template_csv,
    template_xlsx,
)
from catalog.importer.jobs import run_import
from catalog.models import ImportJob

MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024
MAX_ZIP_BYTES = 50 * 1024 * 1024


def labelled(new_names):
    """[(label, names)] of what --create-missing creates, for the pages."""
    kinds = {
        "ikm": _("IKM"),
        "region": _("wilayah"),
        "category": _("kategori"),
        "material": _("bahan"),
    }
    return [(kinds.get(kind, kind), names) for kind, names in new_names.items()]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas spreadsheet (.csv atau .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    images = forms.FileField(
        label=gettext_lazy("Zip foto (opsional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
        help_text=gettext_lazy("Nama berkas foto ditulis di kolom foto."),
    )
    create_missing = forms.BooleanField(
        label=gettext_lazy("Buat IKM, wilayah, kategori dan bahan yang belum ada"),
        required=False,
    )
    publish = forms.BooleanField(label=gettext_lazy("Terbitkan langsung"), required=False)
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Impor baris yang benar saja"),
        help_text=gettext_lazy(
            "Baris yang salah tidak diimpor dan didaftar di hasil. Tanpa pilihan ini, satu "
            "baris salah membuat tidak ada yang diimpor."
        ),
        required=False,
    )

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
    only checks, "import" starts the background import."""

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
        context["columns"] = list(INDONESIAN_HEADERS.values())
        context["operator"] = can_import_any(self.request.user)
        context["jobs"] = ImportJob.objects.filter(user=self.request.user)[:5]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        images = data["images"].read() if data.get("images") else None
        try:
            source = ImageSource(images) if images else None
        except ValidationError as error:
            form.add_error("images", error)
            return self.form_invalid(form)
        upload = data["file"]
        content = upload.read()
        if "commit" not in self.request.POST:
            importer = CatalogImporter(
                self.request.user,
                create_missing=data.get("create_missing", False),
                publish=data.get("publish", False),
                images=source,
                skip_invalid=data.get("skip_invalid", False),
            )
            report = importer.plan(content, upload.name)
            return self.render_to_response(
                self.get_context_data(
                    form=form, report=report, preview=True, new_names=labelled(report.new_names)
                )
            )
        job = ImportJob.objects.create(
            user=self.request.user,
            filename=upload.name[:255],
            data=content,
            images=images,
            create_missing=data.get("create_missing", False),
            publish=data.get("publish", False),
            skip_invalid=data.get("skip_invalid", False),
        )
        run_import.enqueue(job.pk, get_language() or "id")
        return redirect("catalog_import:job", job.pk)


class ImportJobView(AccessMixin, WagtailAdminTemplateMixin, DetailView):
    """One import: its progress (HTML, or JSON for the page's script) and its result. Only
    the user who started it sees it."""

    template_name = "catalog/admin/import_job.html"
    page_title = gettext_lazy("Hasil impor")
    header_icon = "upload"
    context_object_name = "job"

    def user_may_enter(self, user):
        return can_import(user)

    def get_queryset(self):
        return ImportJob.objects.filter(user=self.request.user).defer("data", "images")

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except ImportJob.DoesNotExist as error:
            raise Http404 from error

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if request.GET.get("format") == "json":
            done, total = self.object.progress()
            return JsonResponse(
                {
                    "status": self.object.status,
                    "finished": self.object.finished,
                    "done": done,
                    "total": total,
                }
            )
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = context["job"]
        context["done"], context["total"] = job.progress()
        result = job.result or {}
        context["created"] = [r for r in result.get("done", []) if r[1] == "create"]
        context["updated"] = [r for r in result.get("done", []) if r[1] == "update"]
        context["refused"] = result.get("refused", [])
        context["errors"] = result.get("errors", [])
        context["new_names"] = labelled(result.get("new_names", {}))
        context["result"] = result
        return context


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
