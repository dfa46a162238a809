"""Rate limits on inquiries that count what matters: accepted inquiries only.

A post is checked against the limits before it is saved (`refusal`) and counted after it is
saved (`count_accepted`): a form with validation errors, a refused post or a failed save never
uses up a buyer's allowance. Each limit is a fixed window that starts with the first accepted
inquiry; its end is kept next to the count, so the 429 page can say when the buyer may write
again. Limits (INQUIRY_RATE_LIMITS, from INQUIRY_RATE_LIMIT_IP / INQUIRY_RATE_LIMIT_EMAIL):
per client IP, high enough for an office of buyers behind one address, and per email address.

A submission from the inquiry list ("daftar tanya") counts as ONE, however many IKM it reaches:
it is one buyer's one action, and the list is capped (inquiries/inquiry_list.py).

Checking and counting are two steps, so two posts racing at the very edge can both pass: one
inquiry over the limit at worst, a fair price for never counting refused posts.

Fails open: with the cache (Redis) down nothing can be counted, and the inquiry is accepted
with a warning logged, since refusing every buyer would lose real inquiries while CSRF, the
honeypot, the minimum fill time and the length and link limits still keep bots out (README,
"Production").
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    kind: str  # "ip" or "email"
    retry_at: datetime  # aware, when the window ends


def _key(kind, value):
    return f"inquiry-rate:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def _degraded():
    return getattr(cache, "degraded", False)


def refusal(ip, email=""):
    """A Refusal for the first limit this IP or email address has reached, else None."""
    for kind, value in (("ip", ip), ("email", (email or "").lower())):
        if not value:
            continue
        limit, window = settings.INQUIRY_RATE_LIMITS[kind]
        key = _key(kind, value)
        count = cache.get(key) or 0
        if _degraded():
            logger.warning("Inquiry rate limit (%s) not applied: the cache is unavailable", kind)
            return None
        if count >= limit:
            reset = cache.get(f"{key}:reset") or time.time() + window
            return Refusal(kind, datetime.fromtimestamp(reset, tz=timezone.get_current_timezone()))
    return None


def count_accepted(ip, email=""):
    """Count one accepted inquiry (or list submission) for this IP and email address."""
    for kind, value in (("ip", ip), ("email", (email or "").lower())):
        if not value:
            continue
        _limit, window = settings.INQUIRY_RATE_LIMITS[kind]
        key = _key(kind, value)
        cache.add(f"{key}:reset", time.time() + window, window)
        cache.add(key, 0, window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)


def retry_time_display(retry_at, language):
    """'pukul 14.30 WIB' / 'at 14:30 WIB' (the site's time zone), with the day when not today."""
    local = timezone.localtime(retry_at)
    clock = local.strftime("%H.%M" if language == "id" else "%H:%M")
    zone = local.tzname() or ""
    return f"{clock} {zone}".strip(), local.date() != timezone.localdate()


def rate_limited_response(request, refusal, whatsapp_links, message=""):
    """The 429 page, in the buyer's language: why, from when they may write again, WhatsApp
    links of the IKM that have one, and a copy of the buyer's message (nothing typed is lost)."""
    language = (get_language() or "id")[:2]
    clock, tomorrow = retry_time_display(refusal.retry_at, language)
    response = render(
        request,
        "inquiries/rate_limited.html",
        {
            "refusal": refusal,
            "retry_clock": clock,
            "retry_tomorrow": tomorrow,
            "retry_iso": refusal.retry_at.isoformat(),
            "whatsapp_links": whatsapp_links,
            "buyer_message": message,
        },
        status=429,
    )
    response["Retry-After"] = str(max(1, int(refusal.retry_at.timestamp() - time.time())))
    response["X-Robots-Tag"] = "noindex"
    return response
