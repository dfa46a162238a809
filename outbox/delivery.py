"""One delivery loop for every outbox table: claim a row, send it, record the outcome.

A row is claimed by one atomic UPDATE (not yet sent, not held by another worker, due, under
the attempt limit): of two workers racing for it, one updates one row and the other none, so
an email goes out once however many workers, retries and re-drives run at the same time. A
claim expires (`claim_lease`) so a worker that died mid-send does not hold its row for ever.
A failed send records the error and the time of the next try, doubling each time
(`OUTBOX_RETRY_BASE_SECONDS`, capped at `OUTBOX_RETRY_MAX_SECONDS`), until
`NOTIFICATION_MAX_ATTEMPTS`; then the row is failed, listed in the admin and re-drivable.
"""

import logging
import time
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import OperationalError
from django.db.models import F, Q
from django.utils import timezone

from .models import OutboxEmail

logger = logging.getLogger(__name__)
RECORD_TRIES = 5


def outbox_models():
    """Every concrete outbox table of the installed apps (ours and the feature apps')."""
    return [m for m in apps.get_models() if issubclass(m, OutboxEmail)]


def backoff(attempts):
    seconds = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def claim_lease():
    """Long enough for one send bounded by EMAIL_TIMEOUT (connect, a few commands, quit)."""
    return timedelta(seconds=settings.EMAIL_TIMEOUT * 6 + 60)


def due(model, *, now=None):
    """The rows a worker may send now: unsent, unclaimed, under the limit, their time come."""
    now = now or timezone.now()
    return model.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        sent_at__isnull=True,
        attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS,
    )


def claim(model, pk, *, force=False):
    """Take one row for this worker, or None when it is sent, held elsewhere or not due.

    `force` (a person's "try again now") ignores the retry time and the attempt limit, never
    another worker's claim.
    """
    now = timezone.now()
    if force:
        rows = model.objects.filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now), sent_at__isnull=True
        )
    else:
        rows = due(model, now=now)
    claimed = rows.filter(pk=pk).update(
        claimed_until=now + claim_lease(), attempts=F("attempts") + 1
    )
    return model.objects.get(pk=pk) if claimed else None


def send(email):
    """Send a claimed row and record the outcome; never raises (the row is already safe)."""
    model = type(email)
    try:
        email.message().send(fail_silently=False)
    except Exception as error:  # any mail failure: SMTP, DNS, timeouts, a broken backend
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.next_attempt_at = None
        if email.attempts < settings.NOTIFICATION_MAX_ATTEMPTS:
            email.next_attempt_at = timezone.now() + backoff(email.attempts)
        model.objects.filter(pk=email.pk).update(
            last_error=email.last_error, next_attempt_at=email.next_attempt_at, claimed_until=None
        )
        logger.warning(
            "Email %s %s failed (attempt %s): %s",
            model._meta.label,
            email.pk,
            email.attempts,
            email.last_error,
        )
        return False
    email.sent_at = timezone.now()
    email.last_error = ""
    # The server has the message: recording that must not fail on a passing lock, or the row
    # would be sent again once its claim runs out.
    for attempt in range(RECORD_TRIES):
        try:
            model.objects.filter(pk=email.pk).update(
                sent_at=email.sent_at, last_error="", next_attempt_at=None, claimed_until=None
            )
            break
        except OperationalError:
            if attempt == RECORD_TRIES - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    return True


def deliver(model, pk, *, force=False):
    """Claim and send one row: True sent, False failed, None not this worker's to send."""
    email = claim(model, pk, force=force)
    if email is None:
        return None
    return send(email)


def deliver_due(models=None, *, force_retry=False):
    """Send every due row now, in this process (the re-drive); returns (sent, failed).

    `force_retry` ignores the retry times, not the attempt limit: a person re-driving by hand
    wants the waiting emails tried now.
    """
    sent = failed = 0
    for model in models or outbox_models():
        rows = model.objects.filter(
            sent_at__isnull=True, attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS
        )
        if not force_retry:
            rows = due(model)
        for pk in rows.order_by("pk").values_list("pk", flat=True):
            email = claim(model, pk, force=force_retry)
            if email is None:
                continue
            if send(email):
                sent += 1
            else:
                failed += 1
    return sent, failed
