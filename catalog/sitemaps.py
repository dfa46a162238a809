"""The sitemap in both languages: every page once per language, with hreflang alternates.

Wagtail's sitemap lists each page at the URL of the active language only. Our pages serve both
languages at two URLs (`/ikm/...` and `/en/ikm/...`, from i18n_patterns), so each page's entry
is repeated per language and each repeat names all of them, plus `x-default` (Indonesian),
as search engines ask for (https://developers.google.com/search/docs/specialty/international).
"""

from django.conf import settings
from django.db.models import Max
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pagecache import tags as cache_tags


class BilingualSitemap(Sitemap):
    """Every page, in both languages. A page type with URLs of its own below it (the catalog's
    category pages) lists them in its `get_sitemap_urls`; every entry has a `lastmod`: a page
    never published through a revision (the site tree made by a migration) takes the latest
    publication on the site, which is when what such an index page shows last changed."""

    def items(self):
        # It lists every page (`all`) with when it was last published (`pub`).
        cache_tags.add(cache_tags.ALL, cache_tags.PUBLISHED)
        return super().items()

    def _urls(self, page, protocol, domain):
        with translation.override(settings.LANGUAGE_CODE):
            entries = super()._urls(page, protocol, domain)
        urls = []
        for entry in entries:
            if entry.get("lastmod") is None:
                entry["lastmod"] = self.site_lastmod
            alternates = [
                {"lang_code": code, "location": translate_url(entry["location"], code)}
                for code, _name in settings.LANGUAGES
            ]
            for alternate in alternates:
                urls.append(
                    {
                        **entry,
                        "location": alternate["location"],
                        "alternates": [
                            *alternates,
                            {"lang_code": "x-default", "location": entry["location"]},
                        ],
                    }
                )
        return urls

    @cached_property
    def site_lastmod(self):
        dates = Page.objects.live().aggregate(
            Max("last_published_at"), Max("first_published_at"), Max("latest_revision_created_at")
        )
        return max(filter(None, dates.values()), default=None)
