"""Emailing the IKM a published need matched (sourcing/matching.py), in the background.

`notify_matches` is a django-tasks task on the outbox's queue: it takes each match not yet told
(one atomic UPDATE of `notified_at`, so two runs never email an IKM twice), writes the owners'
email as an outbox row in the same transaction, and hands the rows to the outbox, which sends
them and retries failures. The email is in Indonesian, the owners' admin language.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from catalog.ownership import owners_of
from outbox import tasks as outbox_tasks
from sourcing.models import MatchNotification, RequestMatch

logger = logging.getLogger(__name__)
OWNER_LANGUAGE = "id"


def recipients(vendor):
    emails = sorted({u.email for u in owners_of(vendor) if u.email})
    if vendor.email and vendor.email not in emails:
        emails.append(vendor.email)
    return emails


def render_email(match):
    from sourcing.matching import describe

    with translation.override(OWNER_LANGUAGE):
        text = render_to_string(
            "sourcing/match/email/match.txt",
            {
                "match": match,
                "need": match.request,
                "reasons": [describe(r) for r in match.reasons],
                "detail_url": settings.WAGTAILADMIN_BASE_URL
                + reverse("sourcing_public:detail", args=[match.request.slug]),
                "dashboard_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_home"),
            },
        )
    subject, _sep, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


@task(backend=outbox_tasks.BACKEND, queue_name=outbox_tasks.QUEUE)
def notify_matches(request_id):
    """Write and queue the email of every match of this request not told yet; returns how many."""
    emails = []
    with transaction.atomic():
        pending = RequestMatch.objects.filter(
            request_id=request_id, notified_at__isnull=True
        ).select_related("request", "request__company", "request__delivery_region", "vendor")
        for match in pending:
            claimed = RequestMatch.objects.filter(pk=match.pk, notified_at__isnull=True).update(
                notified_at=timezone.now()
            )
            if not claimed:
                continue
            to = recipients(match.vendor)
            if not to:
                logger.warning("Match %s: IKM %s has no email to notify", match.pk, match.vendor_id)
                continue
            subject, body = render_email(match)
            emails.append(
                MatchNotification.objects.create(
                    match=match, recipients=",".join(to), subject=subject, body=body
                )
            )
        outbox_tasks.send_after_commit(emails)
    return len(emails)


def enqueue_notifications(request_id):
    """Queue the task; if the queue is down the matches stay untold for the next publish or a
    by-hand run of `notify_matches`. Never raises (publishing has already happened)."""
    try:
        notify_matches.enqueue(request_id)
    except Exception as error:  # the queue is down (Redis, a locked database)
        logger.warning("Could not enqueue match emails of request %s: %s", request_id, error)
