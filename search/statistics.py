"""The curators' search statistics (Wagtail search promotions' Query and daily hits): what
buyers ask that the catalog answers, each visitor's query counted once a day.

Recording every request let anyone add a row per distinct text (a script, a link carrying
someone's words) and count the same query as often as they reloaded. A search is recorded
only when it found products, not for crawlers, and at most once per normalised query
(lowercase, whitespace folded) per visitor and day. The visitor is the session, or without
one a keyed hash (salted_hmac with SECRET_KEY) of the address and user agent: it lives only
in a cache key that expires after a day, so no address is stored.
"""

import hashlib

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.contrib.search_promotions.models import Query

from config.proxies import client_ip

SEEN_SECONDS = 24 * 3600
_SALT = "search.statistics.visitor"


def normalised(text):
    return " ".join(text.split()).lower()


def visitor_id(request, day):
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        return "s" + hashlib.sha256(session.session_key.encode()).hexdigest()
    agent = request.headers.get("User-Agent", "")
    return "v" + salted_hmac(_SALT, f"{day}|{client_ip(request)}|{agent}").hexdigest()


def record_search(request, text, found):
    """Count `text` for the curators if `found` products and this visitor has not asked it
    today. Returns whether it was counted."""
    query_string = normalised(text)
    if not query_string or not found:
        return False
    day = timezone.now().date()  # the date Query.add_hit files the hit under
    digest = hashlib.sha256(query_string.encode()).hexdigest()
    if not cache.add(f"search-seen:{day}:{visitor_id(request, day)}:{digest}", 1, SEEN_SECONDS):
        return False
    Query.get(query_string).add_hit(date=day)
    return True
