"""The outbox: every email the site sends is a row first, written in the transaction that
caused it, and sent by a background task that claims the row so it goes out once.

`OutboxEmail` is the abstract row: inquiries' `Notification` and orders' `OrderEmail` extend it
with their link to the inquiry or order (their admin pages show them); `Email` is the concrete
one for emails that belong to no such record (Kurasi outcomes, owner invitations). This app
imports none of the feature apps; they use it.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEmail(models.Model):
    """One email to send, kept with every attempt: sent, waiting for a retry, or given up."""

    class State(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        RETRYING = "retrying", _("Gagal, akan dicoba lagi")
        FAILED = "failed", _("Gagal, berhenti mencoba")
        SENT = "sent", _("Terkirim")

    recipients = models.TextField(_("penerima"))
    subject = models.CharField(_("subjek"), max_length=255)
    body = models.TextField(_("isi"))
    reply_to = models.CharField(_("balas ke"), max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    next_attempt_at = models.DateTimeField(_("dicoba lagi"), null=True, blank=True)
    # A worker that claims the row holds it until then; a crashed worker's claim runs out.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def recipient_list(self):
        return [r for r in self.recipients.split(",") if r]

    @property
    def state(self):
        if self.sent_at:
            return self.State.SENT
        if self.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            return self.State.FAILED
        if self.attempts:
            return self.State.RETRYING
        return self.State.PENDING

    def get_state_display(self):
        return self.State(self.state).label

    def message(self):
        """The EmailMessage to send; subclasses may add headers."""
        return EmailMessage(
            subject=self.subject,
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=self.recipient_list,
            reply_to=[self.reply_to] if self.reply_to else None,
        )


class Email(OutboxEmail):
    """An email tied to no inquiry or order: a Kurasi outcome, an owner's invitation."""

    class Topic(models.TextChoices):
        MODERATION = "moderation", _("Hasil kurasi")
        INVITATION = "invitation", _("Undangan pemilik IKM")
        OTHER = "other", _("Lainnya")

    topic = models.CharField(_("jenis"), max_length=20, choices=Topic.choices)

    class Meta:
        verbose_name = _("email keluar")
        verbose_name_plural = _("email keluar")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_topic_display()} · {self.subject}"
