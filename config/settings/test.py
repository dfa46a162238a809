"""Test settings: fast password hashing, local memory email, plain static storage."""

from config.env import cache_config, env_str

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-not-secret-etalase-ikm"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Background tasks run at once, in the request's on-commit hook, so no test needs a worker;
# tests/outbox/ switches to the database queue and runs the worker code itself.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["outbox", "printing"],
    },
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env_str("TEST_MEDIA_ROOT", "/tmp/etalase-ikm-test-media")  # noqa: S108
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True
SEARCH_ES_COMPAT_HEADERS = True
SEARCH_LANGUAGE_ANALYSIS = False
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
PRIVATE_MEDIA_ROOT = env_str("TEST_PRIVATE_MEDIA_ROOT", "/tmp/etalase-ikm-test-private")  # noqa: S108
INQUIRY_MIN_FILL_SECONDS = 0
# django-axes needs the request in authenticate(); tests log in with client.login() too.
# tests/catalog/test_owners_login_security.py switches it on.
AXES_ENABLED = False

# Off by default so tests that change data read fresh pages; tests/config/test_page_cache.py
# switches it on.
PAGE_CACHE_SECONDS = 0
# Each test process its own memory cache (parallel runs must not share a disk cache); the
# shared disk cache is tested in tests/config/test_env.py.
CACHES = cache_config(env_str("CACHE_URL") or env_str("REDIS_URL") or "locmem://")
SEARCH_RESULT_CACHE_SECONDS = 0
CARD_CACHE_SECONDS = 0
ROUTE_CACHE_SECONDS = 0
VOCABULARY_REFRESH_SECONDS = 0
