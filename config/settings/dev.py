"""Local development: DEBUG on, a fixed development key, everything on the embedded defaults."""

from config.env import env_list, env_str

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-not-secret-etalase-ikm"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
INTERNAL_IPS = ["127.0.0.1"]
SERVE_MEDIA = True
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Off while developing (templates change under your eyes); PAGE_CACHE_SECONDS=600 to try it.
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "0"))
SEARCH_RESULT_CACHE_SECONDS = int(env_str("SEARCH_RESULT_CACHE_SECONDS", "0"))
ROUTE_CACHE_SECONDS = int(env_str("ROUTE_CACHE_SECONDS", "0"))
CARD_CACHE_SECONDS = int(env_str("CARD_CACHE_SECONDS", "0"))
