"""The IKM side of quotes in the Wagtail admin (*Penawaran*): open requests an owner's IKM may
quote on, the quote form (create and revise until the deadline), a quote with its revisions and
clarification thread. Operators see every quote, read-only. Every view starts from the
querysets in sourcing/quote_access.py, so another IKM's quote is a 404 whatever the URL."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from catalog.models import VendorPage
from sourcing.models import Quote, SourcingRequest
from sourcing.quote_access import (
    is_operator,
    owned_vendor_ids,
    quotable_requests,
    quotes_for_vendor_owner,
    thread_of,
    vendor_may_quote,
    visible_quotes,
)
from sourcing.quote_files import attachment_response
from sourcing.quote_forms import MessageForm, QuoteForm
from sourcing.services.quotes import QuoteRefused, post_message, submit_quote, withdraw_quote

URL_NAMESPACE = "sourcing_quotes_admin"


def admin_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def can_use_quotes(user):
    return user.is_authenticated and (is_operator(user) or bool(owned_vendor_ids(user)))


class QuoteAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_use_quotes(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def admin_quote(request, pk):
    """A quote this user may see in the admin (their IKM's, or any for operators), else 404."""
    queryset = (
        Quote.objects.all() if is_operator(request.user) else quotes_for_vendor_owner(request.user)
    )
    return get_object_or_404(
        queryset.select_related("request", "request__company", "vendor"), pk=pk
    )


class QuoteHomeView(QuoteAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "sourcing/quotes/admin/index.html"
    page_title = gettext_lazy("Penawaran")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        vendor_ids = owned_vendor_ids(user)
        quoted = set(
            Quote.objects.filter(vendor_id__in=vendor_ids).values_list("request_id", flat=True)
        )
        context["open_requests"] = (
            quotable_requests(vendor_ids)
            .select_related("company", "delivery_region")
            .order_by("quote_deadline")
            if vendor_ids
            else []
        )
        context["quoted_request_ids"] = quoted
        quotes = visible_quotes(user) if is_operator(user) else quotes_for_vendor_owner(user)
        context["quotes"] = quotes.select_related("request", "vendor").order_by("-updated_at")[:200]
        context["is_operator"] = is_operator(user)
        return context


class RequestQuoteView(QuoteAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """A request's details and the owner's quote form (new or a revision)."""

    template_name = "sourcing/quotes/admin/request.html"
    header_icon = "doc-full"

    def setup_objects(self, request, pk):
        vendor_ids = owned_vendor_ids(request.user)
        if not vendor_ids:
            raise Http404
        vendors = VendorPage.objects.filter(pk__in=vendor_ids).order_by("title")
        try:
            self.vendor = vendors.get(pk=int(request.GET.get("ikm") or vendors[0].pk))
        except (ValueError, VendorPage.DoesNotExist):
            raise Http404 from None
        self.vendors = vendors
        self.request_obj = get_object_or_404(
            SourcingRequest.objects.select_related("company", "delivery_region", "category"),
            Q(visibility=SourcingRequest.Visibility.OPEN) | Q(invited_vendors=self.vendor),
            ~Q(status=SourcingRequest.Status.DRAFT),
            pk=pk,
        )
        self.quote = Quote.objects.filter(request=self.request_obj, vendor=self.vendor).first()
        self.may_quote = vendor_may_quote(self.vendor, self.request_obj)
        if self.quote is None and not self.may_quote:
            raise Http404

    def get(self, request, pk):
        self.setup_objects(request, pk)
        self.form = QuoteForm(instance=self.quote)
        return super().get(request, pk)

    def post(self, request, pk):
        self.setup_objects(request, pk)
        self.form = QuoteForm(request.POST, request.FILES, instance=self.quote)
        if self.form.is_valid():
            quote = self.form.save(commit=False)
            quote.request = self.request_obj
            quote.vendor = self.vendor
            attachment = self.form.cleaned_data.get("attachment")
            try:
                quote = submit_quote(quote, request.user, [attachment] if attachment else [])
            except QuoteRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Penawaran terkirim ke pembeli."))
                return redirect(admin_url("quote", quote.pk))
        return self.render_to_response(self.get_context_data())

    def get_page_title(self):
        return self.request_obj.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            need=self.request_obj,
            buyer_name=self.request_obj.company.name,
            quote=self.quote,
            form=self.form,
            may_quote=self.may_quote,
            vendor=self.vendor,
            vendors=self.vendors,
        )
        return context


class QuoteDetailView(QuoteAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "sourcing/quotes/admin/quote.html"
    header_icon = "doc-full"

    def get(self, request, pk):
        self.quote = admin_quote(request, pk)
        return super().get(request, pk)

    def get_page_title(self):
        return _("Penawaran %(ikm)s") % {"ikm": self.quote.vendor.title}

    def get_page_subtitle(self):
        return self.quote.request.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        is_owner = self.quote.vendor_id in owned_vendor_ids(self.request.user)
        context.update(
            quote=self.quote,
            revisions=self.quote.revisions.all(),
            thread=thread_of(self.quote),
            attachments=self.quote.attachments.all(),
            is_owner=is_owner,
            may_revise=is_owner and vendor_may_quote(self.quote.vendor, self.quote.request),
            message_form=MessageForm(),
        )
        return context


class QuoteMessageView(QuoteAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        quote = admin_quote(request, pk)
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                post_message(quote, request.user, form.cleaned_data["body"])
            except QuoteRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Pesan terkirim."))
        else:
            messages.error(request, _("Pesan tidak boleh kosong."))
        return redirect(admin_url("quote", quote.pk))


class QuoteWithdrawView(QuoteAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        quote = admin_quote(request, pk)
        if quote.vendor_id not in owned_vendor_ids(request.user):
            raise PermissionDenied
        try:
            withdraw_quote(quote, request.user)
        except QuoteRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Penawaran ditarik."))
        return redirect(admin_url("quote", quote.pk))


class QuoteAttachmentView(QuoteAccessMixin, View):
    http_method_names = ["get"]

    def get(self, request, pk, attachment_pk):
        quote = admin_quote(request, pk)
        return attachment_response(get_object_or_404(quote.attachments, pk=attachment_pk))
