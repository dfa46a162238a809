"""Template tags of search listings."""

from django import template

from catalog.cards import render_card

register = template.Library()


@register.simple_tag(takes_context=True)
def result_card(context, result, pk, loading=""):
    """The card of product `pk` of a SearchResult: its cached card when the card cache had it
    (result.cards), else the loaded product's card, rendered and stored as result.card_kind."""
    product = result.cards.get(pk) or result.product(pk)
    return render_card(
        context, product, loading=loading, highlights=result.highlights, kind=result.card_kind
    )


@register.simple_tag
def removable_filter_count(result, keep=""):
    """How many filters the buyer can remove (the "Filter (n)" button): the active chips but
    `keep` (a category page's own category, which is the page rather than a filter)."""
    return sum(1 for chip in result.active_filters if chip.name != keep)
