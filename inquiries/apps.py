from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    """Buyer inquiries (see the inquiries issue); the app is registered from the start."""

    name = "inquiries"
    verbose_name = _("Pertanyaan pembeli")
    default_auto_field = "django.db.models.BigAutoField"
