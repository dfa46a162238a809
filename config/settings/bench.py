"""Benchmark and soak settings: production settings on 127.0.0.1 over plain HTTP, plus a bare
view (/bench/bare/, config/bench_urls.py) that measures this machine's ceiling.

Used by `make bench` and `make soak` only; never deploy it.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-etalase-ikm")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from .production import *  # noqa: E402, F403

ROOT_URLCONF = "config.bench_urls"
# Plain HTTP on 127.0.0.1: cookies marked Secure would never come back (soak logins).
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
