from decimal import Decimal, InvalidOperation

from django import template

from catalog.money import format_rupiah

register = template.Library()


@register.filter
def rupiah(amount):
    """`Rp 150.000` from whole rupiah (a Decimal, an int or its string)."""
    if amount in (None, ""):
        return ""
    try:
        return format_rupiah(Decimal(str(amount)))
    except InvalidOperation:
        return ""


@register.filter
def normalize_number(value):
    """`10000` for Decimal('10000.00'), `2.5` for Decimal('2.50')."""
    if value is None:
        return ""
    value = Decimal(value)
    return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
