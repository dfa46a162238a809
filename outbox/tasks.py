"""The outbox's background tasks (django-tasks), on the "background" backend's "outbox" queue.

Rows are enqueued after the transaction that wrote them commits. If the queue cannot take them
(Redis down, database locked) nothing is lost: the row stays pending and the next sweep
(`send_pending_notifications`, or a later enqueue) sends it.
"""

import logging

from django.apps import apps
from django.db import transaction
from django_tasks import task

from . import delivery

logger = logging.getLogger(__name__)

BACKEND = "background"
QUEUE = "outbox"


@task(backend=BACKEND, queue_name=QUEUE)
def send_email(label, pk, force=False):
    """Send one outbox row; a failure schedules the next try at the row's retry time."""
    model = apps.get_model(label)
    outcome = delivery.deliver(model, pk, force=force)
    if outcome is False:
        retry_at = model.objects.filter(pk=pk).values_list("next_attempt_at", flat=True).first()
        if retry_at and send_email.get_backend().supports_defer:
            enqueue(model, [pk], run_after=retry_at)
    return outcome


def enqueue(model, pks, *, force=False, run_after=None):
    """Put one task per row on the queue now; returns how many went. Never raises."""
    runner = send_email.using(run_after=run_after) if run_after else send_email
    queued = 0
    for pk in pks:
        try:
            runner.enqueue(model._meta.label, pk, force)
        except Exception as error:  # the queue is down: the row waits for the next sweep
            logger.warning(
                "Could not enqueue email %s %s (%s); it waits for the next sweep",
                model._meta.label,
                pk,
                error,
            )
            continue
        queued += 1
    return queued


def send_after_commit(emails, *, force=False):
    """Enqueue these rows once the current transaction commits (at once outside one)."""
    by_model = {}
    for email in emails:
        if email is not None:
            by_model.setdefault(type(email), []).append(email.pk)
    for model, pks in by_model.items():
        transaction.on_commit(lambda model=model, pks=pks: enqueue(model, pks, force=force))
