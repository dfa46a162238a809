"""Values every public template needs: the site's main sections and the language links."""

from django.conf import settings
from django.urls import translate_url


def site_context(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "BUYING_ENABLED": settings.BUYING_ENABLED,
        "language_links": [
            (code, name, translate_url(request.get_full_path(), code))
            for code, name in settings.LANGUAGES
        ],
    }
