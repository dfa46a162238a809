"""What the app believes of the headers a reverse proxy adds: one rule, TRUSTED_PROXY_COUNT.

With 0 (the default) nothing forwarded is believed, since any client can send
X-Forwarded-For, X-Forwarded-Proto or X-Request-ID: the address is REMOTE_ADDR, the scheme is
the connection's, the request id is our own. With N > 0 proxies in front (each appending to
X-Forwarded-For and setting X-Forwarded-Proto and X-Request-ID), the client's address is the
one the outermost trusted proxy saw, and the scheme and request id are the proxy's.

The settings apply it to Django's SECURE_PROXY_SSL_HEADER and to django-axes
(AXES_CLIENT_IP_CALLABLE); the inquiry rate limits, the request id middleware and the search
statistics call these functions.
"""

from django.conf import settings

PROTO_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def behind_trusted_proxy():
    return settings.TRUSTED_PROXY_COUNT > 0


def proxy_ssl_header(trusted_proxy_count):
    """SECURE_PROXY_SSL_HEADER for this many trusted proxies (None: the connection's scheme)."""
    return PROTO_HEADER if trusted_proxy_count > 0 else None


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the
    outermost trusted proxy saw (from X-Forwarded-For, counted from the right)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
