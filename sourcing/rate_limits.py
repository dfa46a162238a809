"""A fixed-window limit on company registrations per client address.

Counted only for accepted registrations (as inquiries/rate_limits.py does for inquiries), so
a form sent back with errors never uses up an office's allowance; the sign-in form is
guarded by django-axes already. Fails open when the cache is down, with a warning.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def _limit():
    return getattr(settings, "SOURCING_REGISTRATION_RATE_LIMIT", (5, 3600))


def _key(ip):
    return f"sourcing-register:{hashlib.sha256(ip.encode()).hexdigest()[:32]}"


def registration_refused(ip):
    """True when this address has registered its allowance of companies this window."""
    if not ip:
        return False
    limit, _window = _limit()
    try:
        return (cache.get(_key(ip)) or 0) >= limit
    except Exception:  # noqa: BLE001 - the cache backend's own errors vary
        logger.warning("Registration rate limit not applied: the cache is unavailable")
        return False


def count_registration(ip):
    if not ip:
        return
    _limit_count, window = _limit()
    key = _key(ip)
    try:
        cache.add(key, 0, window)
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
    except Exception:  # noqa: BLE001
        logger.warning("Registration not counted: the cache is unavailable")
