"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
# Web requests only: PostgreSQL cancels a statement after this many milliseconds, well under
# the worker's timeout, and the visitor gets the 503 page (config/unavailable.py). Migrations,
# task workers and management commands do not load this module and run without the bound.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "5000")

application = get_wsgi_application()
