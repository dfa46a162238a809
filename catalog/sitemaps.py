"""The sitemap in both languages: every page once per language, with hreflang alternates.

Wagtail's sitemap lists each page at the URL of the active language only. Our pages serve both
languages at two URLs (`/ikm/...` and `/en/ikm/...`, from i18n_patterns), so each page's entry
is repeated per language and each repeat names all of them, plus `x-default` (Indonesian),
as search engines ask for (https://developers.google.com/search/docs/specialty/international).
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap


class BilingualSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        with translation.override(settings.LANGUAGE_CODE):
            entries = super()._urls(page, protocol, domain)
        urls = []
        for entry in entries:
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
