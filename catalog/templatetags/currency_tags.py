"""Indicative foreign prices in the price areas of /en/ pages (catalog/currency.py)."""

from django import template

from catalog.currency import current_rates, indicative_price, shows_foreign_prices

register = template.Library()


@register.inclusion_tag("includes/foreign_price.html")
def foreign_price(rupiah):
    """'≈ US$ 115 (rate of 1 Dec 2026)' under a rupiah price on /en/; nothing elsewhere."""
    return {"fx": indicative_price(rupiah)}


@register.inclusion_tag("includes/currency_picker.html")
def currency_picker():
    """The buyer's choice of currency (static/js/currency.js shows it and remembers it)."""
    return {"rates": current_rates() if shows_foreign_prices() else {}}
