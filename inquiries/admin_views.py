"""The owners' inbox in the Wagtail admin: buyer inquiries, replies, failed emails, reports.

Who sees what is decided in one place, `Inquiry.objects.for_user`: operators (superusers and
users with `inquiries.view_all_inquiries`) see every inquiry, an IKM's owners see their IKM's.
Every view below starts from that queryset, so an inquiry of another IKM is a 404, whatever
the URL. Users who can see no inquiry at all get Wagtail's "permission denied" (a redirect to
the dashboard with a message). The failed-email list and the reports are for operators only.
"""

import csv
import datetime
from urllib.parse import quote, urlencode

from django import forms
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from catalog.models import ProductPage, VendorPage
from catalog.ownership import owners_of, vendors_owned_by

from .forms import sniff_file_type
from .models import Inquiry, Notification
from .notifications import queue_reply, retry_now, send_after_commit
from .reports import GROUPINGS, inquiry_report, months_between, report_table

URL_NAMESPACE = "inquiries_admin"
ATTACHMENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
RETRY_BATCH = 50  # emails retried per click: each may wait for the mail server's timeout
REPORT_MAX_MONTHS = 60
LOG_REPLY = "inquiries.reply"
LOG_STATUS = "inquiries.status"


def admin_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


# --- Who may see what -------------------------------------------------------------------------


def is_operator(user):
    """Superusers and users with `inquiries.view_all_inquiries` (the curators who run the site)."""
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("inquiries.view_all_inquiries")
    )


def owned_vendor_ids(user):
    """The ids of the IKM this user runs; asked once per request (kept on the user object)."""
    if not hasattr(user, "_inquiry_vendor_ids"):
        user._inquiry_vendor_ids = vendors_owned_by(user)
    return user._inquiry_vendor_ids


def can_view_inquiries(user):
    return user.is_authenticated and (is_operator(user) or bool(owned_vendor_ids(user)))


def new_inquiry_count(user):
    return Inquiry.objects.for_user(user).filter(status=Inquiry.Status.NEW).count()


def handles_inquiry(user, inquiry):
    """Whether this user is the one who answers: an owner of the IKM, or anyone with access when
    the IKM has no owner account. A curator looking at an owner's inquiry does not make it READ
    (the owner would not see it as new any more)."""
    if inquiry.vendor_id in owned_vendor_ids(user):
        return True
    return not owners_of(inquiry.vendor).exists()


def failed_notifications():
    """Emails tried at least once and never sent (including those the retry job gave up on)."""
    return Notification.objects.filter(sent_at__isnull=True, attempts__gt=0)


class InboxAccessMixin:
    """Refuse (Wagtail's permission-denied redirect) users who may not enter the view."""

    def user_may_enter(self, user):
        return can_view_inquiries(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_enter(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OperatorAccessMixin(InboxAccessMixin):
    def user_may_enter(self, user):
        return is_operator(user)


def visible_inquiry(request, pk):
    """One inquiry this user may see, or 404 (an inquiry of another IKM does not exist here)."""
    return get_object_or_404(
        Inquiry.objects.for_user(request.user).select_related(
            "vendor", "vendor__region", "product"
        ),
        pk=pk,
    )


# --- CSV helpers -----------------------------------------------------------------------------


def escape_csv_formula(value):
    """Text a spreadsheet would run as a formula (=, +, -, @ ...) gets a leading quote."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_response(filename, rows):
    """A UTF-8 CSV download (with a BOM, so that Excel reads the accents), every cell escaped."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([escape_csv_formula(cell) for cell in row])
    return response


# --- The list --------------------------------------------------------------------------------


class ScopedHeaderMixin:
    """Column headers with scope="col"."""

    header_template_name = "inquiries/admin/tables/column_header.html"


class InboxColumn(ScopedHeaderMixin, Column):
    pass


class ReferenceColumn(ScopedHeaderMixin, TitleColumn):
    pass


class StatusColumn(ScopedHeaderMixin, StatusTagColumn):
    pass


class SubjectColumn(InboxColumn):
    cell_template_name = "inquiries/admin/tables/subject_cell.html"


class FailedEmailsColumn(InboxColumn):
    cell_template_name = "inquiries/admin/tables/failed_emails_cell.html"


def received_display(inquiry):
    return date_format(timezone.localtime(inquiry.created_at), "j F Y, H.i")


def _visible_vendors(request):
    ids = Inquiry.objects.for_user(request.user).values("vendor_id")
    return VendorPage.objects.filter(pk__in=ids).order_by("title")


def _visible_products(request):
    ids = Inquiry.objects.for_user(request.user).filter(product__isnull=False).values("product_id")
    return ProductPage.objects.filter(pk__in=ids).order_by("title")


class InquiryFilterSet(WagtailFilterSet):
    """Filters of the inbox; the IKM and product choices come from the user's own inquiries."""

    status = ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Inquiry.Status.choices,
        empty_label=gettext_lazy("Semua"),
        widget=forms.RadioSelect,
    )
    vendor = ModelChoiceFilter(
        label=gettext_lazy("IKM"),
        queryset=_visible_vendors,
        empty_label=gettext_lazy("Semua IKM"),
    )
    product = ModelChoiceFilter(
        label=gettext_lazy("Produk"),
        queryset=_visible_products,
        empty_label=gettext_lazy("Semua produk"),
    )
    created_at = DateFromToRangeFilter(
        label=gettext_lazy("Tanggal diterima"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Inquiry
        fields = ["status", "vendor", "product", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        if not is_operator(user) and len(owned_vendor_ids(user)) < 2:
            del self.filters["vendor"]  # an owner of one IKM: nothing to choose


class InquiryIndexView(InboxAccessMixin, IndexView):
    """The inbox: the user's inquiries, newest first, filtered, searched, paginated, exported."""

    model = Inquiry
    permission_policy = None  # access is InboxAccessMixin's, rows are for_user's
    any_permission_required = None
    filterset_class = InquiryFilterSet
    search_fields = ["reference", "name", "email", "company", "message"]
    default_ordering = "-created_at"
    paginate_by = 25
    # On a phone each row becomes a card, its key facts first (static/css/admin-owners.css).
    table_classname = "listing inquiry-inbox"
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:index_results"
    page_title = gettext_lazy("Pertanyaan pembeli")
    header_icon = "mail"
    list_export = [
        "reference",
        "created_at",
        "status",
        "vendor",
        "product",
        "name",
        "email",
        "phone",
        "buyer_type",
        "company",
        "quantity",
        "unit",
        "wanted_by",
        "message",
    ]
    export_headings = {"created_at": gettext_lazy("Diterima")}

    def get_base_queryset(self):
        return (
            Inquiry.objects.for_user(self.request.user)
            .select_related("vendor", "product")
            .annotate(
                failed_emails=Count(
                    "notifications",
                    filter=Q(notifications__sent_at__isnull=True, notifications__attempts__gt=0),
                )
            )
        )

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")  # stable pages

    @cached_property
    def columns(self):
        return [
            ReferenceColumn(
                "reference",
                label=gettext_lazy("Nomor"),
                url_name=f"{URL_NAMESPACE}:detail",
                sort_key="reference",
            ),
            InboxColumn(
                "created_at",
                label=gettext_lazy("Diterima"),
                accessor=received_display,
                sort_key="created_at",
            ),
            InboxColumn("name", label=gettext_lazy("Pembeli"), sort_key="name"),
            SubjectColumn("subject", label=gettext_lazy("Produk / IKM")),
            InboxColumn(
                "buyer_type", label=gettext_lazy("Jenis pembeli"), accessor="get_buyer_type_display"
            ),
            StatusColumn(
                "status",
                label=gettext_lazy("Status"),
                accessor="get_status_display",
                primary=lambda inquiry: inquiry.status == Inquiry.Status.NEW,
                sort_key="status",
            ),
            FailedEmailsColumn("failed_emails", label=gettext_lazy("Email")),
        ]

    @cached_property
    def header_buttons(self):
        if not is_operator(self.request.user):
            return []
        failed = failed_notifications().count()
        return [
            HeaderButton(
                _("Email gagal (%(count)s)") % {"count": failed},
                url=admin_url("failed"),
                icon_name="warning",
            ),
            HeaderButton(_("Laporan"), url=admin_url("reports"), icon_name="table"),
        ]

    # CSV / XLSX export (Wagtail's): the same filters and search as the list.

    def get_filename(self):
        return f"pertanyaan-pembeli-{timezone.localdate():%Y%m%d}"

    def to_row_dict(self, item):
        product = item.product_title or (item.product.title if item.product_id else "")
        return {
            "reference": item.reference,
            "created_at": timezone.localtime(item.created_at).isoformat(timespec="seconds"),
            "status": item.get_status_display(),
            "vendor": item.vendor.title,
            "product": product,
            "name": item.name,
            "email": item.email,
            "phone": item.phone,
            "buyer_type": item.get_buyer_type_display(),
            "company": item.company,
            "quantity": item.quantity if item.quantity is not None else "",
            "unit": item.unit,
            "wanted_by": item.wanted_by.isoformat() if item.wanted_by else "",
            "message": item.message,
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = escape_csv_formula(value)
        return value

    def stream_csv(self, queryset):
        yield "\ufeff".encode()  # Excel reads UTF-8 only with a BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- One inquiry -----------------------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Inquiry.Status.choices)


class ReplyForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subjek"), max_length=255)
    body = forms.CharField(
        label=gettext_lazy("Pesan balasan"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        help_text=gettext_lazy(
            "Dikirim ke pembeli dari alamat Etalase IKM; balasan pembeli masuk ke email Anda."
        ),
    )


def reply_subject(inquiry):
    return f"Re: [{inquiry.reference}] {inquiry.subject}"


def mailto_url(inquiry):
    if not inquiry.email:
        return ""
    query = urlencode({"subject": reply_subject(inquiry)}, quote_via=quote)
    return f"mailto:{quote(inquiry.email, safe='@')}?{query}"


def whatsapp_url(inquiry):
    digits = "".join(c for c in inquiry.phone if c.isdigit())
    return f"https://wa.me/{digits}" if digits else ""


class InquiryDetailView(InboxAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """All of one inquiry, its emails and history; the status and reply forms."""

    template_name = "inquiries/admin/detail.html"
    header_icon = "mail"

    def get(self, request, *args, **kwargs):
        self.inquiry = visible_inquiry(request, kwargs["pk"])
        if self.inquiry.status == Inquiry.Status.NEW and handles_inquiry(
            request.user, self.inquiry
        ):
            Inquiry.objects.filter(pk=self.inquiry.pk, status=Inquiry.Status.NEW).update(
                status=Inquiry.Status.READ
            )
            self.inquiry.status = Inquiry.Status.READ
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return self.inquiry.reference

    def get_page_subtitle(self):
        return self.inquiry.subject

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": admin_url("index"), "label": _("Pertanyaan pembeli")},
            {"url": "", "label": self.inquiry.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.inquiry
        context.update(
            inquiry=inquiry,
            notifications=inquiry.notifications.select_related("sent_by"),
            lines=list(inquiry.lines.select_related("product")),
            status_form=kwargs.get("status_form")
            or StatusForm(initial={"status": inquiry.status}, auto_id="id_status_%s"),
            reply_form=kwargs.get("reply_form")
            or ReplyForm(initial={"subject": reply_subject(inquiry)}, auto_id="id_reply_%s"),
            mailto_url=mailto_url(inquiry),
            whatsapp_url=whatsapp_url(inquiry),
            attachment_url=admin_url("attachment", inquiry.pk) if inquiry.attachment else "",
            status_url=admin_url("status", inquiry.pk),
            reply_url=admin_url("reply", inquiry.pk),
            index_url=admin_url("index"),
            log_entries=log_registry.get_logs_for_instance(inquiry)
            .select_related("user")
            .order_by("-timestamp")[:20],
            product_url=inquiry.product.get_url(self.request) if inquiry.product else "",
            # Mail server errors may name hosts and accounts: for the operators only.
            show_email_errors=is_operator(self.request.user),
        )
        return context


class InquiryStatusView(InboxAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        inquiry = visible_inquiry(request, pk)
        form = StatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Status tidak dikenal."))
            return redirect(admin_url("detail", inquiry.pk))
        new_status = form.cleaned_data["status"]
        if new_status != inquiry.status:
            old_status = inquiry.status
            with transaction.atomic():
                Inquiry.objects.filter(pk=inquiry.pk).update(status=new_status)
                inquiry.status = new_status
                log(
                    instance=inquiry,
                    action=LOG_STATUS,
                    user=request.user,
                    data={"old": old_status, "new": new_status},
                )
        messages.success(
            request,
            _("Status %(reference)s: %(status)s.")
            % {"reference": inquiry.reference, "status": inquiry.get_status_display()},
        )
        return redirect(admin_url("detail", inquiry.pk))


class InquiryReplyView(InquiryDetailView):
    """Reply to the buyer: a REPLY notification, sent after the commit; the inquiry is REPLIED."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.inquiry = inquiry = visible_inquiry(request, pk)
        if not inquiry.email:
            messages.error(
                request,
                _("Pembeli tidak memberi alamat email: hubungi lewat telepon atau WhatsApp."),
            )
            return redirect(admin_url("detail", inquiry.pk))
        form = ReplyForm(request.POST, auto_id="id_reply_%s")
        if not form.is_valid():
            messages.error(request, _("Balasan belum dikirim: periksa isian di bawah."))
            return self.render_to_response(self.get_context_data(reply_form=form), status=400)
        with transaction.atomic():
            notification = queue_reply(
                inquiry, request.user, form.cleaned_data["subject"], form.cleaned_data["body"]
            )
            Inquiry.objects.filter(pk=inquiry.pk).update(status=Inquiry.Status.REPLIED)
            inquiry.status = Inquiry.Status.REPLIED
            log(
                instance=inquiry,
                action=LOG_REPLY,
                user=request.user,
                data={"notification": notification.pk, "subject": notification.subject},
            )
            send_after_commit([notification])
        notification.refresh_from_db()
        if notification.sent_at:
            messages.success(
                request, _("Balasan terkirim ke %(email)s.") % {"email": inquiry.email}
            )
        elif notification.attempts:
            messages.warning(
                request,
                _("Balasan tersimpan, tetapi email belum terkirim; akan dicoba lagi otomatis."),
            )
        else:
            messages.success(
                request, _("Balasan tersimpan dan dikirim ke %(email)s.") % {"email": inquiry.email}
            )
        return redirect(admin_url("detail", inquiry.pk))


class InquiryAttachmentView(InboxAccessMixin, View):
    """The private attachment, streamed only to users who may see the inquiry; never inline."""

    http_method_names = ["get"]

    def get(self, request, pk):
        inquiry = visible_inquiry(request, pk)
        if not inquiry.attachment:
            raise Http404
        storage = inquiry.attachment.storage
        try:
            handle = storage.open(inquiry.attachment.name, "rb")
        except (FileNotFoundError, SuspiciousFileOperation):
            raise Http404 from None
        kind = sniff_file_type(handle)
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=f"{inquiry.reference}-lampiran.{kind or 'bin'}",
            content_type=ATTACHMENT_TYPES.get(kind, "application/octet-stream"),
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


# --- Failed emails (operators) -----------------------------------------------------------


class FailedNotificationsView(OperatorAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "inquiries/admin/failed_notifications.html"
    page_title = gettext_lazy("Email pertanyaan yang gagal")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": admin_url("index"), "label": _("Pertanyaan pembeli")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        notifications = failed_notifications().select_related("inquiry", "inquiry__vendor")
        page = Paginator(notifications.order_by("-created_at", "-pk"), 50).get_page(
            self.request.GET.get("p")
        )
        context.update(
            page_obj=page,
            notifications=page.object_list,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            retry_url=admin_url("retry"),
            retry_batch=RETRY_BATCH,
        )
        return context


class RetryNotificationsView(OperatorAccessMixin, View):
    """Try the failed emails again now (the chosen ones, or the oldest RETRY_BATCH)."""

    http_method_names = ["post"]

    def post(self, request):
        queryset = failed_notifications().select_related("inquiry").order_by("created_at")
        chosen = [v for v in request.POST.getlist("notification") if v.isascii() and v.isdigit()]
        if chosen:
            queryset = queryset.filter(pk__in=chosen)
        batch = list(queryset[:RETRY_BATCH])
        before = {n.pk: n.attempts for n in batch}
        retry_now(batch)  # enqueued now; sent by the worker (at once with the immediate backend)
        after = Notification.objects.filter(pk__in=before).values_list("pk", "sent_at", "attempts")
        sent = sum(1 for _pk, sent_at, _attempts in after if sent_at)
        failed = sum(1 for pk, sent_at, attempts in after if not sent_at and attempts > before[pk])
        queued = len(before) - sent - failed
        if queued:
            messages.success(
                request,
                _("%(count)s email dijadwalkan untuk dikirim ulang.") % {"count": queued},
            )
        elif failed:
            messages.warning(
                request,
                _("%(sent)s email terkirim, %(failed)s masih gagal.")
                % {"sent": sent, "failed": failed},
            )
        else:
            messages.success(request, _("%(sent)s email terkirim.") % {"sent": sent})
        return redirect(admin_url("failed"))


# --- Reports (operators) ---------------------------------------------------------------------


class MonthField(forms.DateField):
    input_formats = ["%Y-%m"]
    widget = forms.DateInput(attrs={"type": "month", "placeholder": "2025-01"}, format="%Y-%m")

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", gettext_lazy("Bulan dan tahun, misalnya 2025-01."))
        super().__init__(**kwargs)


class MonthRangeForm(forms.Form):
    start = MonthField(label=gettext_lazy("Dari bulan"), required=False)
    end = MonthField(label=gettext_lazy("Sampai bulan"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("Bulan awal harus sebelum bulan akhir."))
            if len(months_between(start, end)) > REPORT_MAX_MONTHS:
                raise forms.ValidationError(
                    _("Pilih paling banyak %(count)s bulan.") % {"count": REPORT_MAX_MONTHS}
                )
        return cleaned


def default_month_range(today=None):
    """The last twelve months, this one included."""
    end = (today or timezone.localdate()).replace(day=1)
    start = end
    for _i in range(11):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return start, end


class InquiryReportView(OperatorAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Inquiries per month by IKM, category and region, as tables and CSV downloads."""

    template_name = "inquiries/admin/reports.html"
    page_title = gettext_lazy("Laporan pertanyaan pembeli")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def month_range(self, form):
        default_start, default_end = default_month_range()
        if not form.is_valid():
            return default_start, default_end
        end = form.cleaned_data.get("end") or default_end
        start = form.cleaned_data.get("start") or min(default_start, end)
        if start > end:
            start = end
        return start, end

    def get(self, request, *args, **kwargs):
        form = MonthRangeForm(request.GET)
        start, end = self.month_range(form)
        export = request.GET.get("export")
        if export in GROUPINGS:
            return self.csv(report_table(export, start, end), start, end)
        context = self.get_context_data(
            form=form,
            start=start,
            end=end,
            tables=inquiry_report(start, end),
            query=urlencode({"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"}),
        )
        return self.render_to_response(context)

    def csv(self, table, start, end):
        group_heading = {"ikm": _("IKM"), "kategori": _("Kategori"), "wilayah": _("Wilayah")}
        rows = [[group_heading[table.grouping], *(f"{m:%Y-%m}" for m in table.months), _("Total")]]
        rows += [[row.label, *row.counts, row.total] for row in table.rows]
        rows.append([_("Total"), *table.month_totals, table.total])
        filename = f"pertanyaan-{table.grouping}-{start:%Y%m}-{end:%Y%m}.csv"
        return csv_response(filename, rows)
