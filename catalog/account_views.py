"""The admin's sign-in and sign-out, with two fixes over Wagtail's own views.

* Login: a `next` that is not a path (``?next=%0d%0a...``) sends a signed-in user to the
  dashboard. Django's `redirect()` tries such a value as a URL name and raised NoReverseMatch.
* Logout: only a POST signs out. Wagtail's view answers a GET with 405 yet still deleted the
  session cookie, so the browser forgot a session the server kept valid.

Both are mounted at Wagtail's own paths (config/urls.py, before the admin's URLs).
"""

from wagtail.admin.views import account


class AdminLoginView(account.LoginView):
    def get_redirect_url(self):
        url = super().get_redirect_url()  # "" unless same host and scheme
        return url if url.startswith("/") else ""


class AdminLogoutView(account.LogoutView):
    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            return super().dispatch(request, *args, **kwargs)
        if request.method == "OPTIONS":
            return self.options(request, *args, **kwargs)
        return self.http_method_not_allowed(request, *args, **kwargs)
