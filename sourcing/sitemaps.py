"""Open public needs in the sitemap, in both languages (never invited-only or closed ones),
after the list of needs itself."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from sourcing.models import SourcingRequest
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
        # None stands for the list at /kebutuhan/ (linked from every page's footer).
        return [None, *public_requests().order_by("pk")]

    def location(self, item):
        if item is None:
            return reverse("sourcing_public:list")
        return reverse("sourcing_public:detail", args=[item.slug])

    def lastmod(self, item):
        if item is None:
            return self.list_lastmod()
        return item.published_at or item.created_at

    def list_lastmod(self):
        """When a need last opened or closed; an empty list is as of today."""
        latest = SourcingRequest.objects.aggregate(
            opened=Max("published_at"), closed=Max("closed_at")
        )
        stamps = [stamp for stamp in latest.values() if stamp]
        if stamps:
            return max(stamps)
        return timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
