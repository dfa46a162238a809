from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    """Orders and Stripe Checkout (see the payments issue); registered from the start."""

    name = "orders"
    verbose_name = _("Pesanan")
    default_auto_field = "django.db.models.BigAutoField"
