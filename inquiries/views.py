"""Sending an inquiry, its confirmation, and the counted WhatsApp link."""

import logging
import re
from functools import partial

from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from catalog.models import ProductPage, VendorPage
from config.proxies import client_ip

from . import attachments, rate_limits
from .forms import InquiryForm, form_token
from .models import Inquiry, WhatsAppClick
from .notifications import queue_for_new_inquiry, send_after_commit

logger = logging.getLogger(__name__)
CONFIRMATION_SALT = "inquiries.confirmation"
_REFERENCE = re.compile(r"^INQ-\d{4}-\d{6,}$")


def inquiry_target(page_id):
    """(vendor, product or None) for a live IKM page or a product buyers can see; else 404."""
    page = get_object_or_404(Page.objects.live().specific(), pk=page_id)
    if isinstance(page, ProductPage):
        if not ProductPage.visible().filter(pk=page.pk).exists():
            raise Http404
        return page.vendor, page
    if isinstance(page, VendorPage):
        return page, None
    raise Http404


def log_refusal(refused, ip):
    if refused.kind == "ip":
        logger.warning("Inquiry refused: rate limit for IP %s", ip)
    else:
        logger.warning("Inquiry refused: rate limit for an email address")


def whatsapp_links(vendor, product=None):
    """[(IKM title, counted WhatsApp link)] for the 429 page, when the IKM has WhatsApp."""
    if not vendor.whatsapp:
        return []
    return [(vendor.title, reverse("inquiry_whatsapp", args=[(product or vendor).pk]))]


def confirmation_url(inquiry):
    token = signing.dumps(inquiry.reference, salt=CONFIRMATION_SALT)
    return reverse("inquiry_sent", args=[token])


@never_cache
@require_http_methods(["GET", "POST"])
def inquiry_form(request, page_id):
    """The form on its own page; the product and IKM pages post here too."""
    vendor, product = inquiry_target(page_id)
    status = 200
    if request.method == "POST":
        form = InquiryForm(request.POST, request.FILES, product=product)
        if form.is_valid():
            ip = client_ip(request)
            email = form.cleaned_data.get("email", "").lower()
            refused = rate_limits.refusal(ip, email)
            if refused is not None:
                log_refusal(refused, ip)
                return rate_limits.rate_limited_response(
                    request,
                    refused,
                    whatsapp_links(vendor, product),
                    form.cleaned_data.get("message", ""),
                )
            try:
                inquiry = save_inquiry(form, vendor, product)
            except attachments.AttachmentNotStored:
                # Nothing saved; the form comes back with everything but the file.
                form.add_error(
                    "attachment",
                    _(
                        "Lampiran tidak dapat disimpan karena gangguan di server kami, "
                        "dan pesan Anda belum terkirim. Isian Anda masih ada: kirim lagi "
                        "tanpa lampiran, atau coba lagi nanti."
                    ),
                )
                status = 503
            else:
                rate_limits.count_accepted(ip, email)
                return redirect(confirmation_url(inquiry))
        else:
            status = 400
    else:
        form = InquiryForm(product=product)
    focus_first_error(form)
    response = render(
        request,
        "inquiries/inquiry_form_page.html",
        {"form": form, "vendor": vendor, "product": product, "target": product or vendor},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    if status == 503:
        response["Retry-After"] = "60"
    return response


@never_cache
@require_GET
def inquiry_token(request):
    """Fresh tokens for the form embedded in a cached product or IKM page: the CSRF token
    (this response sets the CSRF cookie it pairs with) and the signed fill-time start."""
    response = JsonResponse({"csrfmiddlewaretoken": get_token(request), "started": form_token()})
    response["X-Robots-Tag"] = "noindex"
    return response


def focus_first_error(form):
    """Put the cursor in the first field with an error (the summary above links to each)."""
    if not form.is_bound:
        return
    for name in form.errors:
        if name in form.fields and not form.fields[name].widget.is_hidden:
            form.fields[name].widget.attrs["autofocus"] = True
            return


def save_inquiry(form, vendor, product):
    """Commit the inquiry and its email rows together; emails go out after the commit.

    An attachment is written under a temporary name first and moved into place after the
    commit (inquiries/attachments.py); AttachmentNotStored means nothing was saved."""
    upload = form.cleaned_data.get("attachment")
    staged = attachments.stage(upload) if upload else None
    try:
        with transaction.atomic():
            inquiry = form.save(commit=False)
            if staged:
                inquiry.attachment = staged.final  # the file is already written: name only
            inquiry.vendor = vendor
            inquiry.product = product
            inquiry.product_title = product.title if product else ""
            inquiry.unit = product.get_price_unit_display() if product else ""
            inquiry.language = (get_language() or "id")[:2]
            inquiry.save()
            if staged:
                transaction.on_commit(partial(staged.move_into_place, inquiry))
            send_after_commit(queue_for_new_inquiry(inquiry))
    except BaseException:
        if staged:
            staged.discard()
        raise
    return inquiry


@never_cache
@require_GET
def inquiry_sent(request, token):
    try:
        reference = signing.loads(token, salt=CONFIRMATION_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature:
        raise Http404 from None
    inquiry = get_object_or_404(
        Inquiry.objects.select_related("vendor", "product"), reference=reference
    )
    below_min = bool(
        inquiry.product and inquiry.quantity and inquiry.quantity < inquiry.product.min_order
    )
    response = render(
        request,
        "inquiries/inquiry_sent.html",
        {"inquiry": inquiry, "below_min_order": below_min, "vendor": inquiry.vendor},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def whatsapp_text(request, vendor, product, reference=""):
    if product is not None:
        text = _("Halo %(ikm)s, saya tertarik dengan %(product)s: %(url)s") % {
            "ikm": vendor.title,
            "product": product.title,
            "url": product.get_full_url(request),
        }
    else:
        text = _("Halo %(ikm)s, saya melihat profil Anda di Etalase IKM: %(url)s") % {
            "ikm": vendor.title,
            "url": vendor.get_full_url(request),
        }
    if reference:
        text += " " + _("(nomor pertanyaan %(reference)s)") % {"reference": reference}
    return text


@require_GET
def whatsapp(request, page_id):
    """Count a click on the WhatsApp button (no cookie, no IP kept) and open wa.me."""
    vendor, product = inquiry_target(page_id)
    if not vendor.whatsapp:
        raise Http404
    reference = request.GET.get("ref", "")
    reference = reference if _REFERENCE.match(reference) else ""
    WhatsAppClick.record(vendor, product)
    text = whatsapp_text(request, vendor, product, reference)
    response = HttpResponseRedirect(vendor.whatsapp_link(text))
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response
