"""Browser security headers Django does not set itself: CSP per area, Permissions-Policy.

The public site runs under a strict Content Security Policy (no inline script or style, no
nonce: public pages are cached, and a nonce replayed from a cache protects nothing). The Wagtail
admin ships inline scripts and styles, so the paths in ``CSP_RELAXED_URL_PREFIXES`` get
``ADMIN_CONTENT_SECURITY_POLICY`` instead of no policy at all.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class AreaCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with a second, relaxed policy for the admin's URL prefixes."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        prefixes = tuple(getattr(settings, "CSP_RELAXED_URL_PREFIXES", ()))
        if prefixes and request.path_info.startswith(prefixes):
            policy = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            return PolicyParts(policy, parts.update, parts.replace, parts.nonce)
        return parts


def permissions_policy_header(features):
    """{"camera": [], "payment": ["self", "https://x"]} -> 'camera=(), payment=(self "https://x")'."""
    items = []
    for feature, origins in features.items():
        allow = " ".join(origin if origin in ("self", "*") else f'"{origin}"' for origin in origins)
        items.append(f"{feature}=({allow})")
    return ", ".join(items)


class PermissionsPolicyMiddleware:
    """Sets Permissions-Policy from the PERMISSIONS_POLICY setting (powerful features off)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
