"""Production: refuses to start without its secrets; secure cookies and HSTS."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_list, env_str, require

from .base import *  # noqa: F403
from .base import LOGGING

DEBUG = False
SECRET_KEY = require("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    # Not require(): a value of only commas or spaces is set, yet names no host.
    raise ImproperlyConfigured(
        "The environment variable ALLOWED_HOSTS must be set for production settings "
        "(a comma-separated list of the site's host names)."
    )
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts, not '*'.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# SECURE_PROXY_SSL_HEADER: from TRUSTED_PROXY_COUNT (base.py); set it behind a TLS proxy.
# A load balancer's health probe may speak plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# JSON lines on stderr (config/structured_logging.py) for the log collector; LOG_FORMAT=text
# gives the plain format back for reading logs by hand.
if env_str("LOG_FORMAT", "json") == "json":
    LOGGING = {
        **LOGGING,
        "formatters": {"json": {"()": "config.structured_logging.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    }
