from django import template
from django.urls import reverse

from inquiries.forms import InquiryForm

register = template.Library()


@register.inclusion_tag("includes/inquiry_form.html", takes_context=True)
def inquiry_form(context, page, product=None):
    """The inquiry form for an IKM page or a product page, posting to the inquiry view."""
    return {
        "form": InquiryForm(product=product),
        "action": reverse("inquiry_form", args=[page.pk]),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "product": product,
    }


@register.simple_tag
def whatsapp_url(page, reference=""):
    """The counted WhatsApp link for an IKM or product page."""
    url = reverse("inquiry_whatsapp", args=[page.pk])
    return f"{url}?ref={reference}" if reference else url
