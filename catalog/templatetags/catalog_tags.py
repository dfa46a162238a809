import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalog.money import format_rupiah
from catalog.phone import display_phone
from catalog.rupiah import group_rupiah

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def rupiah(amount):
    """Whole rupiah as 'Rp 150.000' (Indonesian) or 'Rp 150,000' (English)."""
    return format_rupiah(amount)


@register.filter
def rupiah_input(amount):
    """Whole rupiah grouped for a price input: '1.750.000' ('1,750,000' in English); empty
    for None."""
    return "" if amount is None else group_rupiah(amount)


@register.filter
def phone(e164):
    """A stored E.164 number as its reader dials it: 0812-3456-7890, +65 6123 4567."""
    return display_phone(e164)


@register.simple_tag
def jsonld(data):
    """A schema.org JSON-LD script element, escaped so no value can close the script."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    # <, > and & are \u-escaped above, so the payload cannot close the script element.
    safe_payload = mark_safe(payload)  # noqa: S308  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', safe_payload)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with the page number replaced."""
    query = context["request"].GET.copy()
    query["halaman"] = number
    return "?" + query.urlencode()


@register.filter
def slice_pages(page_obj, around=2):
    """Page numbers to show around the current one, with None for a gap."""
    total = page_obj.paginator.num_pages
    current = page_obj.number
    shown = sorted({1, total, *range(max(1, current - around), min(total, current + around) + 1)})
    result, previous = [], 0
    for number in shown:
        if number - previous > 1:
            result.append(None)
        result.append(number)
        previous = number
    return result


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or '' when absent."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.simple_tag(takes_context=True)
def product_card(context, product, loading="", highlights=None, kind="plain"):
    """A product's card (includes/product_card.html), from the card cache when it is there
    (catalog/cards.py). `kind` names the variant it is cached as ("" for a search's cards)."""
    from catalog.cards import render_card

    return render_card(context, product, loading=loading, highlights=highlights, kind=kind)
