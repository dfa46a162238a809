"""The inquiry list ("daftar tanya") pages: add a product, edit the list, send it, the
confirmation with every reference. The list itself is in inquiries/inquiry_list.py."""

import logging

from django.core import signing
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.proxies import client_ip

from . import inquiry_list, rate_limits
from .list_forms import InquiryListForm, apply_lines, as_stored, line_forms
from .models import Inquiry
from .templatetags.inquiry_tags import whatsapp_url as whatsapp_link
from .views import focus_first_error

logger = logging.getLogger(__name__)
SENT_SALT = "inquiries.list-sent"
BUYER_FIELDS = ["name", "email", "phone", "buyer_type", "company", "message", "consent", "started"]


def _product_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_POST
def add(request):
    """Add one product (posted from a product page by static/js/inquiry-list.js, or from the
    confirm form of /daftar-tanya/?tambah=<id>); JSON for the script, else a redirect."""
    product = inquiry_list.addable(_product_id(request.POST.get("product")))
    if product is None:
        raise Http404
    added = inquiry_list.add(request, product)
    count = len(inquiry_list.stored(request))
    if added:
        message = _("%(product)s ada di daftar tanya Anda.") % {"product": product.title}
    else:
        message = _("Daftar tanya Anda sudah penuh. Kirim dulu daftar ini.")
    if _wants_json(request):
        response = JsonResponse({"added": added, "count": count, "message": message})
    else:
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = reverse("inquiry_list")
        response = redirect(next_url)
    inquiry_list.set_count_cookie(response, count)
    return _noindex(response)


@never_cache
@require_POST
def remove(request):
    lines = inquiry_list.stored(request)
    product_id = _product_id(request.POST.get("product"))
    response = redirect("inquiry_list")
    inquiry_list.save(request, [line for line in lines if line["product"] != product_id], response)
    return _noindex(response)


def _buyer_initial(data):
    return {name: data.get(name) for name in BUYER_FIELDS if data.get(name)}


@never_cache
@require_http_methods(["GET", "POST"])
def list_page(request):
    """The list grouped by IKM, each line editable, then the buyer's one form."""
    groups = inquiry_list.groups(request)
    status = 200
    confirm = None
    if request.method == "POST":
        line_forms(groups, request.POST)
        lines_valid = apply_lines(groups)
        if lines_valid:
            inquiry_list.save(request, as_stored(groups))
        if request.POST.get("action") == "send" and groups:
            form = InquiryListForm(request.POST)
            if form.is_valid() and lines_valid:
                result = _send(request, form, groups)
                if not isinstance(result, int):
                    return result
                status = result
            else:
                status = 400
        else:
            form = InquiryListForm(initial=_buyer_initial(request.POST))
    else:
        line_forms(groups)
        form = InquiryListForm()
        added = inquiry_list.addable(_product_id(request.GET.get("tambah")))
        if added is not None and added.pk not in inquiry_list.product_ids(request):
            confirm = added
    focus_first_error(form)
    response = render(
        request,
        "inquiries/inquiry_list.html",
        {
            "groups": groups,
            "form": form,
            "confirm": confirm,
            "count": sum(len(group.lines) for group in groups),
        },
        status=status,
    )
    inquiry_list.set_count_cookie(response, len(inquiry_list.stored(request)))
    return _noindex(response)


def _send(request, form, groups):
    """Send the list: a response on success or refusal, else the status to render with."""
    ip = client_ip(request)
    email = form.cleaned_data.get("email", "").lower()
    refused = rate_limits.refusal(ip, email)
    if refused is not None:
        if refused.kind == "ip":
            logger.warning("Inquiry list refused: rate limit for IP %s", ip)
        else:
            logger.warning("Inquiry list refused: rate limit for an email address")
        links = [
            (group.vendor.title, whatsapp_link(group.vendor))
            for group in groups
            if group.vendor.whatsapp
        ]
        return rate_limits.rate_limited_response(
            request, refused, links, form.cleaned_data.get("message", "")
        )
    try:
        inquiries = inquiry_list.send(form, groups)
    except DatabaseError:
        logger.exception("Inquiry list not saved")
        form.add_error(
            None,
            _("Daftar tanya Anda belum terkirim karena gangguan di server kami. Coba lagi nanti."),
        )
        return 503
    rate_limits.count_accepted(ip, email)
    token = signing.dumps([inquiry.reference for inquiry in inquiries], salt=SENT_SALT)
    response = redirect("inquiry_list_sent", token=token)
    inquiry_list.save(request, [], response)
    return _noindex(response)


@never_cache
@require_GET
def sent(request, token):
    try:
        references = signing.loads(token, salt=SENT_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature:
        raise Http404 from None
    inquiries = list(
        Inquiry.objects.filter(reference__in=references)
        .select_related("vendor")
        .prefetch_related("lines")
        .order_by("pk")
    )
    if not inquiries:
        raise Http404
    for inquiry in inquiries:
        inquiry.whatsapp = whatsapp_link(inquiry.vendor, inquiry.reference)
    response = render(request, "inquiries/inquiry_list_sent.html", {"inquiries": inquiries})
    return _noindex(response)
