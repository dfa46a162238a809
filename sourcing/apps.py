from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sourcing"
    verbose_name = _("Kebutuhan Industri")

    def ready(self):
        # Each helper's admin hooks live in their own module (sourcing/wagtail_hooks.py is
        # shared); importing registers them.
        from sourcing import admin_match  # noqa: F401
