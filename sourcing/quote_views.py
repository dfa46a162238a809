"""The buyer side of quotes, in the public buyer area: compare a request's quotes side by side,
shortlist, talk in a quote's thread, award one or several. Only members of the requesting
company get past `company_request` / `buyer_quote`; everyone else gets a 404."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sourcing.models import SourcingRequest, companies_of
from sourcing.quote_access import quotes_for_buyer, thread_of
from sourcing.quote_compare import compare_rows
from sourcing.quote_files import attachment_response
from sourcing.quote_forms import MessageForm
from sourcing.services.quotes import QuoteRefused, award, post_message, set_shortlisted

SORTS = {"harga": "unit_price", "total": "total", "waktu": "lead_time_days"}


def buyer_login_url():
    """Buyers sign in on the public site (the buyers' part serves /kebutuhan/masuk/), never
    in the Wagtail admin; SOURCING_BUYER_LOGIN_URL moves it."""
    return getattr(settings, "SOURCING_BUYER_LOGIN_URL", "/kebutuhan/masuk/")


def login_required(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), buyer_login_url())
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)  # private quotes: never in a shared cache
        return response

    return wraps(view)(wrapped)


def company_request(user, slug):
    return get_object_or_404(
        SourcingRequest.objects.select_related("company", "delivery_region").exclude(
            status=SourcingRequest.Status.DRAFT
        ),
        company__in=companies_of(user),
        slug=slug,
    )


def buyer_quote(user, pk):
    return get_object_or_404(
        quotes_for_buyer(user).select_related("request", "request__company", "vendor"), pk=pk
    )


@login_required
def compare(request, slug):
    need = company_request(request.user, slug)
    sort = request.GET.get("urut") if request.GET.get("urut") in SORTS else "harga"
    rows = compare_rows(need, SORTS[sort])
    return render(
        request,
        "sourcing/quotes/compare.html",
        {
            "need": need,
            "rows": rows,
            "sort": sort,
            "may_decide": need.status
            in (SourcingRequest.Status.OPEN, SourcingRequest.Status.CLOSED),
        },
    )


@login_required
@require_POST
def shortlist(request, pk):
    quote = buyer_quote(request.user, pk)
    try:
        set_shortlisted(quote, request.user, request.POST.get("on") == "1")
    except QuoteRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("sourcing_quotes:compare", quote.request.slug)


@login_required
@require_POST
def award_view(request, slug):
    need = company_request(request.user, slug)
    allocations = {}
    for key, value in request.POST.items():
        if key.startswith("jumlah-") and value.strip():
            try:
                allocations[int(key.removeprefix("jumlah-"))] = value.strip().replace(",", ".")
            except ValueError:
                continue
    try:
        award(need, _validated(allocations), request.user)
    except (QuoteRefused, ArithmeticError, ValueError) as refusal:
        messages.error(request, str(refusal) or _("Jumlah tidak valid."))
    else:
        messages.success(request, _("Pemenang dipilih. Semua IKM yang menawar sudah diberi tahu."))
    return redirect("sourcing_quotes:compare", need.slug)


def _validated(allocations):
    from decimal import Decimal, InvalidOperation

    result = {}
    for pk, value in allocations.items():
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise QuoteRefused(_("Jumlah tidak valid.")) from None
        if not number.is_finite() or number < 0:
            raise QuoteRefused(_("Jumlah tidak valid."))
        result[pk] = number
    return result


@login_required
def quote_detail(request, pk):
    quote = buyer_quote(request.user, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post_message(quote, request.user, form.cleaned_data["body"])
        except QuoteRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Pesan terkirim."))
            return redirect("sourcing_quotes:quote", quote.pk)
    return render(
        request,
        "sourcing/quotes/quote.html",
        {
            "quote": quote,
            "thread": thread_of(quote),
            "attachments": quote.attachments.all(),
            "form": form,
        },
    )


@login_required
def attachment(request, pk, attachment_pk):
    quote = buyer_quote(request.user, pk)
    return attachment_response(get_object_or_404(quote.attachments, pk=attachment_pk))
