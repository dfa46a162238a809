"""The admin's sign-in, with a fix over Wagtail's own view.

* Login: a `next` that is not a path (``?next=%0d%0a...``) sends a signed-in user to the
  dashboard. Django's `redirect()` tries such a value as a URL name and raised NoReverseMatch.

Mounted at Wagtail's own path (config/urls.py, before the admin's URLs).
"""

from wagtail.admin.views import account


class AdminLoginView(account.LoginView):
    def get_redirect_url(self):
        url = super().get_redirect_url()  # "" unless same host and scheme
        return url if url.startswith("/") else ""
