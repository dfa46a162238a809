"""`make audit` (Lighthouse): the production settings, served over plain HTTP on 127.0.0.1.

Everything a buyer's browser sees is production's (DEBUG off, hashed and compressed static
files through WhiteNoise, the security headers), except what a loopback audit cannot have:
TLS, and a web server for media (Django serves the demo catalog's images here).
"""

import os

from config.env import env_str

os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from .production import *  # noqa: E402, F403
from .production import BASE_DIR  # noqa: E402

AUDIT_DIR = env_str("AUDIT_DIR") or str(BASE_DIR / ".audit")
MEDIA_ROOT = f"{AUDIT_DIR}/media"
STATIC_ROOT = f"{AUDIT_DIR}/staticfiles"
SERVE_MEDIA = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
