"""Template filters for English content beside Indonesian (see catalog/translation.py)."""

from django import template
from django.utils.html import format_html

from catalog.translation import ENGLISH, translated

register = template.Library()


@register.filter
def tr(obj, field):
    """The reader's-language value of `obj.<field>`: English when it exists on /en/."""
    if obj is None or obj == "":
        return ""
    return translated(obj, field).value


@register.filter
def tr_lang(obj, field):
    """` lang="id"` when `tr` gives Indonesian text on an English page, else nothing."""
    if obj is None or obj == "":
        return ""
    result = translated(obj, field)
    if result.fallback:
        return format_html(' lang="{}"', result.language)
    return ""


@register.filter
def page_title(page):
    """The <title>/og:title text: the English title on /en/ when there is one, else the SEO
    title, else the title."""
    if page is None or page == "":
        return ""
    title = translated(page, "title")
    if title.language == ENGLISH:
        return title.value
    return getattr(page, "seo_title", "") or page.title
