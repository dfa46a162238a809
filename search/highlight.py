"""Search snippets: a product's summary around the first match, matches wrapped in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from catalog.translation import translated


def highlight(text, expansions, width=180):
    """An escaped snippet of `text` around the first match, matches wrapped in <mark>."""
    text = " ".join((text or "").split())
    terms = sorted({t for group in expansions for t in group}, key=len, reverse=True)
    if not terms:
        return escape(text[:width])
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")",
        re.IGNORECASE,
    )
    first = pattern.search(text)
    start = max(0, first.start() - width // 3) if first else 0
    snippet = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    parts, last = [], 0
    for match in pattern.finditer(snippet):
        parts.append(escape(snippet[last : match.start()]))
        parts.append("<mark>" + escape(match.group(0)) + "</mark>")
        last = match.end()
    parts.append(escape(snippet[last:]))
    # Every part was escaped above; the <mark> tags are the only markup.
    html = prefix + "".join(parts) + suffix
    return mark_safe(html)  # noqa: S308  # nosec B308 B703


class LangSnippet(str):
    """A highlighted snippet (already escaped) that knows its language, for `lang=`."""

    lang = ""

    def __html__(self):
        return str(self)


def card_snippet(product, expansions):
    """The highlighted summary for a card in the reader's language; lang "id" on fallback."""
    for field in ("summary", "listing_summary", "title"):
        text = translated(product, field)
        if text.value:
            snippet = LangSnippet(highlight(text.value, expansions))
            snippet.lang = text.language if text.fallback else ""
            return snippet
    return ""
