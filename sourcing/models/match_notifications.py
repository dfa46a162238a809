"""The email telling an IKM's owners that a new need matches them, as an outbox row."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from outbox.models import OutboxEmail


class MatchNotification(OutboxEmail):
    """Sent once per match by the outbox worker; kept with its match (sourcing/matching.py)."""

    match = models.ForeignKey(
        "sourcing.RequestMatch",
        verbose_name=_("kecocokan"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )

    class Meta:
        verbose_name = _("email kecocokan kebutuhan")
        verbose_name_plural = _("email kecocokan kebutuhan")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.subject
