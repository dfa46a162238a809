"""`{% catalog_pdf_link kind key %}`: the public "Unduh katalog (PDF)" link of a scope.

The link is built from the slug alone (no query), so pages keep their query budgets, and is the
same for every visitor of a URL, so cached pages stay shared.
"""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("printing/includes/download_link.html")
def catalog_pdf_link(kind, key, name=""):
    if not key:
        return {}
    url = reverse("catalog_pdf", args=[kind, key])
    language = "en" if (get_language() or "id").startswith("en") else "id"
    return {
        "a4": f"{url}?bahasa={language}",
        "a5": f"{url}?bahasa={language}&kertas=a5",
        "name": name,
    }
