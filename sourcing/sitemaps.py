"""Open public needs in the sitemap, in both languages (never invited-only or closed ones)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from sourcing.visibility import public_requests


class OpenRequestSitemap(Sitemap):
    """Each open public need once per language; `i18n` gives /kebutuhan/... and
    /en/kebutuhan/... with hreflang alternates, as the page sitemap does."""

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]
    changefreq = "daily"

    def items(self):
        return public_requests().order_by("pk")

    def location(self, item):
        return reverse("sourcing_public:detail", args=[item.slug])

    def lastmod(self, item):
        return item.published_at or item.created_at
