from django import template
from django.urls import reverse

from inquiries.forms import InquiryForm

register = template.Library()


@register.inclusion_tag("includes/inquiry_form.html", takes_context=True)
def inquiry_form(context, page, product=None):
    """The inquiry form for an IKM page or a product page, posting to the inquiry view.

    It carries neither a CSRF token nor a fill-time token, so the page stays the same for every
    visitor and can be cached; static/js/inquiry.js fetches both from `inquiry_token` when the
    buyer starts on the form. Without JavaScript the buyer follows the link to the form's own
    page (/tanya/<id>/), which is never cached and carries its tokens.
    """
    return {
        "form": InquiryForm(product=product, initial={"started": ""}),
        "action": reverse("inquiry_form", args=[page.pk]),
        "token_url": reverse("inquiry_token"),
        "request": context.get("request"),
        "product": product,
    }


@register.simple_tag
def whatsapp_url(page, reference=""):
    """The counted WhatsApp link for an IKM or product page."""
    url = reverse("inquiry_whatsapp", args=[page.pk])
    return f"{url}?ref={reference}" if reference else url
