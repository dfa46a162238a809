from django import template

from orders.checkout import can_buy

register = template.Library()


@register.simple_tag
def buyable(product):
    """Whether to show the buy box (nothing about payments is shown otherwise)."""
    return can_buy(product)
