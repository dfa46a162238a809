"""Settings shared by every environment.

Secure by default: DEBUG is off, there is no SECRET_KEY here, and everything that differs
between machines comes from the environment (see config/env.py and the README's table).
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import (
    cache_config,
    email_config,
    env_bool,
    env_list,
    env_str,
    task_backend,
)
from config.proxies import proxy_ssl_header

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "catalog",
    "showroom",
    "search",
    "inquiries",
    "sourcing",
    "orders",
    "pagecache",
    "outbox",
    "feeds",
    "printing",
    "demo",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "catalog.users_app.UsersAdminConfig",  # wagtail.users, scoped (catalog/user_admin.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Login security: lockout after failed logins, two-factor sign-in (catalog/two_factor.py).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The read-only public API at /api/v2/ (api/), open to other origins for GET.
    "wagtail.api.v2",
    "corsheaders",
]

MIDDLEWARE = [
    "config.structured_logging.RequestIdMiddleware",
    "config.db_deadline.QueryDeadlineMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before the page cache: cached answers get CORS
    "django.middleware.security.SecurityMiddleware",
    "config.security.AreaCSPMiddleware",
    "config.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "catalog.two_factor.RequireOTPMiddleware",
    "axes.middleware.AxesMiddleware",
    "config.bad_request.MalformedRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "catalog.context_processors.site_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent web processes on SQLite: WAL lets readers and one writer work at once, and
    # IMMEDIATE transactions wait (timeout) for the write lock instead of failing with
    # "database is locked" when two requests record a search hit at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Bounds (README, "Production"): a server that does not answer fails the connection after
    # DATABASE_CONNECT_TIMEOUT seconds; web requests (config/wsgi.py sets it for the web
    # process only, not for migrations, workers or commands) cancel any statement running
    # longer than DATABASE_STATEMENT_TIMEOUT_MS; and data the server never acknowledges (a
    # network cut) closes the connection after DATABASE_TCP_USER_TIMEOUT_MS.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", int(env_str("DATABASE_CONNECT_TIMEOUT", "5")))
    _options.setdefault("tcp_user_timeout", int(env_str("DATABASE_TCP_USER_TIMEOUT_MS", "15000")))
    if env_str("DATABASE_STATEMENT_TIMEOUT_MS"):
        _statement_ms = int(env_str("DATABASE_STATEMENT_TIMEOUT_MS"))
        _options["options"] = f"-c statement_timeout={_statement_ms}"
        # A query the server never answers (a stalled network path): config/db_deadline.py.
        DATABASE_QUERY_DEADLINE_SECONDS = _statement_ms / 1000 + 2
# A persistent connection the server dropped is replaced at the next request, not reused to
# fail: the site recovers by itself after a database restart.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "catalog.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Login security. Failed logins are counted per username and address; after AXES_FAILURE_LIMIT
# the pair is locked out for AXES_COOLOFF_TIME hours (Wagtail's login shows the message).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env_str("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "catalog/admin/locked_out.html"
# The address is REMOTE_ADDR unless TRUSTED_PROXY_COUNT proxies stand in front (config/proxies.py).
AXES_CLIENT_IP_CALLABLE = "config.proxies.client_ip"
OTP_TOTP_ISSUER = "Etalase IKM"
# Owner invitations: the set-password link is valid this long.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600
LOW_STOCK_THRESHOLD = 5

# Indonesian first, English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# The project's catalogue first; then the Indonesian that Wagtail's and Django's own catalogues
# lack on the admin screens (tests/config/test_admin_indonesian.py lists what is still missing).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "config" / "admin_locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = env_str("STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT") or BASE_DIR / "media"
# Files only the IKM's owners and staff may read (inquiry attachments): never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT") or str(BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = cache_config(env_str("CACHE_URL") or env_str("REDIS_URL"))

# The anonymous page cache (pagecache/middleware.py): seconds a public page is kept (0: off).
# Purged on every publish and snippet change; several web processes need a shared cache
# (REDIS_URL) for a purge to reach them all.
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_ALIAS = "default"
# After a purge, one request renders the page again while the others get the previous copy,
# for at most this many seconds (pagecache/middleware.py; 0: every request renders).
PAGE_CACHE_STALE_SECONDS = min(10, int(env_str("PAGE_CACHE_STALE_SECONDS", "10")))
PAGE_CACHE_PERSONAL_COOKIES = ["sessionid", "messages"]
PAGE_CACHE_SKIPPED_PATHS = ["/admin/", "/dokumen/", "/healthz"]
# Query parameters whose visits a view counts (the shelf labels' QR codes: ?src=label-...).
PAGE_CACHE_COUNTED_PARAMS = ["src"]
# The headers carrying a cached page's tags to a shared cache in front (pagecache/tags.py):
# Varnish's xkey, Fastly-style Surrogate-Key, Cloudflare-style Cache-Tag (comma-separated).
SURROGATE_KEY_HEADERS = env_list("SURROGATE_KEY_HEADERS", ["xkey", "Surrogate-Key", "Cache-Tag"])
# Varnish (or a CDN backend of the same shape) to purge by tag: VARNISH_URL=http://127.0.0.1:6081
if env_str("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "pagecache.frontends.XkeyBackend",
            "LOCATION": env_str("VARNISH_URL"),
            "TIMEOUT": float(env_str("VARNISH_PURGE_TIMEOUT", "5")),
        }
    }
# "app.Model" labels shown on public pages that are not snippets; a view restriction decides
# who sees a page (and cached routes skip its check: pagecache/routes.py).
PAGE_CACHE_PURGE_MODELS = ["wagtailcore.PageViewRestriction"]
# Page routes (URL path to page) kept in the page cache's store; 0 turns it off.
ROUTE_CACHE_SECONDS = int(env_str("ROUTE_CACHE_SECONDS", "600"))
# Search engine answers (ids, totals, facet counts) per query, purged with the page cache.
SEARCH_RESULT_CACHE_SECONDS = int(env_str("SEARCH_RESULT_CACHE_SECONDS", "600"))
# Rendered product cards, shared by every listing that shows them (catalog/cards.py).
CARD_CACHE_SECONDS = int(env_str("CARD_CACHE_SECONDS", "600"))
# The typo-correction vocabulary is rebuilt after catalog changes at most this often (it reads
# every product's words: about a second on 10,000 products; search/vocabulary.py).
VOCABULARY_REFRESH_SECONDS = int(env_str("VOCABULARY_REFRESH_SECONDS", "60"))

# The public API (api/): pages of at most 100 items, API_RATE_LIMIT requests per client address
# (config/proxies.py) counted in the default cache, answers cacheable API_CACHE_SECONDS by
# browsers and proxies (the page cache keeps them until the next publish). CORS: any origin,
# reading only, on /api/ only.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # internal links as URLs, as the pages show them
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/minute")
API_CACHE_SECONDS = int(env_str("API_CACHE_SECONDS", "300"))
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

_email = email_config(env_str("EMAIL_URL"))
EMAIL_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
# Bounds every SMTP connect, read and write, well under gunicorn's 30 s worker timeout; only the
# background worker talks to SMTP, never a web request (outbox/).
EMAIL_TIMEOUT = float(env_str("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Etalase IKM <noreply@etalase-ikm.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Uploads: keep them bounded (images are checked again by Wagtail).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = "Etalase IKM"
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "catalog.CatalogImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]  # never svg (scriptable)
# A decompression bomb (a small file of huge dimensions) is refused before it is decoded.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Every image form's file field goes through the project's image gate (catalog/image_gate.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "catalog.image_forms.CatalogImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "xlsx", "csv"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Stemming for Indonesian: rajin, kerajinan and pengrajin all find "kerajinan".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"

# Components behind the scale-out path (see README, "Configuration").
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
SEARCH_INDEX_NAME = env_str("SEARCH_INDEX_NAME", "etalase-products")
SEARCH_TIMEOUT_SECONDS = float(env_str("SEARCH_TIMEOUT_SECONDS", "2"))
# The circuit breaker (search/breaker.py): after this many failures or timeouts within the
# window, searches use the database engine for the cool-down, then one request probes.
SEARCH_BREAKER_FAILURES = int(env_str("SEARCH_BREAKER_FAILURES", "5"))
SEARCH_BREAKER_WINDOW_SECONDS = float(env_str("SEARCH_BREAKER_WINDOW_SECONDS", "30"))
SEARCH_BREAKER_COOL_DOWN_SECONDS = float(env_str("SEARCH_BREAKER_COOL_DOWN_SECONDS", "30"))
# Language analysis (Indonesian stemmer and stop words) in the Elasticsearch index; off only for
# servers that lack it (osmem-server in tests).
SEARCH_LANGUAGE_ANALYSIS = env_bool("SEARCH_LANGUAGE_ANALYSIS", True)
# Send plain application/json instead of the client's compatibility media type (needed by
# osmem-server in tests and by servers that refuse it).
SEARCH_ES_COMPAT_HEADERS = env_bool("SEARCH_ES_COMPAT_HEADERS", False)
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
BUYING_ENABLED = bool(STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)
# Another address for Stripe's API (a local stub in tests); unset: Stripe's own.
STRIPE_API_BASE = env_str("STRIPE_API_BASE") or None
# Each Stripe API call: seconds per attempt and retries (same idempotency key), together well
# under the web worker's 30 s (orders/payments.py).
STRIPE_TIMEOUT_SECONDS = float(env_str("STRIPE_TIMEOUT_SECONDS", "6"))
STRIPE_MAX_NETWORK_RETRIES = int(env_str("STRIPE_MAX_NETWORK_RETRIES", "1"))

# Inquiries
INQUIRY_RETENTION_MONTHS = int(env_str("INQUIRY_RETENTION_MONTHS", "24"))
INQUIRY_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
INQUIRY_MIN_FILL_SECONDS = 3
INQUIRY_MAX_LINKS = 2
# Accepted inquiries per hour (inquiries/rate_limits.py): per client IP, enough for an office of
# buyers behind one address; per email address. A list submission counts once.
INQUIRY_RATE_LIMITS = {
    "ip": (int(env_str("INQUIRY_RATE_LIMIT_IP", "30")), 3600),  # (count, seconds)
    "email": (int(env_str("INQUIRY_RATE_LIMIT_EMAIL", "5")), 3600),
}
INQUIRY_LIST_MAX_PRODUCTS = 30
INQUIRY_LIST_MAX_VENDORS = 10
NOTIFICATION_MAX_ATTEMPTS = 10

# Background tasks (django-tasks). "default" keeps Wagtail's own tasks (reference index, image
# focal points, file deletion) immediate: they are quick database work an editor expects to see
# at once, so the admin never waits on a worker. Our slow outside calls (every email) go to the
# "background" alias: a database queue served by `manage.py db_worker` (the embedded default,
# started by `make run`), or RQ over Redis with TASKS_BACKEND=rq (`manage.py rqworker outbox`).
TASKS_BACKEND = env_str("TASKS_BACKEND", "db")
TASKS_REDIS_URL = env_str("TASKS_REDIS_URL") or env_str("REDIS_URL") or "redis://127.0.0.1:6379/0"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": task_backend(TASKS_BACKEND, queues=["outbox", "printing"]),
}
RQ_QUEUES = {
    "outbox": {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": 300},
    # Printed catalogs (printing/tasks.py): a fair's catalog takes a minute or more.
    "printing": {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": 1800},
}
RQ = {"JOB_CLASS": "django_tasks_rq.Job"}  # `rqworker` runs django-tasks' jobs
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
# Retries of a failing email: BASE * 2^(attempt-1) seconds, capped, up to the max attempts.
OUTBOX_RETRY_BASE_SECONDS = int(env_str("OUTBOX_RETRY_BASE_SECONDS", "30"))
OUTBOX_RETRY_MAX_SECONDS = 6 * 3600
# How many reverse proxies (load balancer, CDN) stand before the app. The one rule for every
# forwarded header (config/proxies.py): 0 believes none of them (REMOTE_ADDR, the connection's
# scheme, our own request id); N > 0 reads the client's address from X-Forwarded-For counted
# from the right, the scheme from X-Forwarded-Proto and the request id from X-Request-ID.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(TRUSTED_PROXY_COUNT)

CATALOG_PAGE_SIZE = 24
VENDOR_PAGE_SIZE = 24
SITE_TAGLINE = _("Katalog & showroom produk IKM Ciayumajakuning dan Cilegon")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Browser security headers (config/security.py). The public site allows no inline script or
# style and no nonce (its pages are cached); the admin's inline code gets a policy of its own.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", STRIPE_CHECKOUT_ORIGIN],
        "frame-ancestors": ["'none'"],
    },
}
CSP_RELAXED_URL_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The page editor previews in a same-origin iframe.
        "frame-ancestors": ["'self'"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "usb": [],
    "payment": ["self", STRIPE_CHECKOUT_ORIGIN],
}
# Editors' email hashes are not sent to a third party; the admin shows initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default config gives "django" a console handler of its own (when DEBUG) that
        # also propagates to the root: every line printed twice. The root's handler is enough.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django_tasks": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
    },
}

DEMO_MODE = env_bool("DEMO_MODE", False)
SERVE_MEDIA = False
