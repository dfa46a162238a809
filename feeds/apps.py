from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    """Open catalog data: Google and Meta product feeds, Atom feeds (see feeds/urls.py).

    An app of its own because its feeds read both catalog (products, IKM) and showroom
    (exhibitions), and catalog imports from no other feature app."""

    name = "feeds"
    verbose_name = _("Umpan data")
