"""Kurasi: tell an IKM's owners what the curator decided, with the curator's comment.

Wagtail emails only the person who submitted, and its approval email carries no comment. These
receivers take the place of Wagtail's own workflow approval and rejection notifiers (they are
connected first, under the same dispatch_uid and sender, so Wagtail's are not connected twice):
every owner of the IKM and the submitter hear the outcome, in their own language, with the
comment the curator typed ("Approve with comment" or "Request changes").
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from catalog.ownership import owners_of
from outbox.models import Email
from outbox.tasks import send_after_commit

logger = logging.getLogger(__name__)

# Wagtail's own receivers (wagtail/admin/signal_handlers.py); ours replace them.
APPROVED_UID = "workflow_state_approved_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"


def vendor_of(page):
    """The IKM (VendorPage) a page belongs to: itself, or the IKM above a product."""
    from catalog.models import VendorPage

    if isinstance(page, VendorPage):
        return page
    return VendorPage.objects.filter(
        path__in=[page.path[:n] for n in range(Page.steplen, len(page.path), Page.steplen)]
    ).first()


def decision_comment(workflow_state):
    """The comment of the task that decided: the last finished task state."""
    task_state = (
        workflow_state.task_states.exclude(status=TaskState.STATUS_IN_PROGRESS)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return task_state.specific.get_comment() if task_state else ""


def recipients(workflow_state, acting_user):
    page = workflow_state.content_object
    users = set()
    if isinstance(page, Page):
        vendor = vendor_of(page.specific)
        if vendor is not None:
            users.update(owners_of(vendor))
    if workflow_state.requested_by_id:
        users.add(workflow_state.requested_by)
    return sorted(
        (u for u in users if u.is_active and u.email and u != acting_user), key=lambda u: u.pk
    )


def notify_outcome(workflow_state, outcome, acting_user=None):
    """Email the owners and the submitter (outbox rows, sent by a background task after the
    commit): `outcome` is "approved" or "rejected"."""
    page = workflow_state.content_object
    title = getattr(page, "get_admin_display_title", lambda: str(page))()
    edit_url = ""
    if isinstance(page, Page):
        edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailadmin_pages:edit", args=[page.pk]
        )
    comment = decision_comment(workflow_state)
    emails = []
    for user in recipients(workflow_state, acting_user):
        language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "user": user,
                "title": title,
                "outcome": outcome,
                "comment": comment,
                "reviewer": acting_user,
                "edit_url": edit_url,
                "page_url": page.full_url if outcome == "approved" and page.live else "",
            }
            subject = (
                _("Disetujui kurator: %(title)s")
                if outcome == "approved"
                else _("Perlu perbaikan: %(title)s")
            ) % {"title": title}
            body = render_to_string("catalog/email/moderation_outcome.txt", context)
        emails.append(
            Email.objects.create(
                topic=Email.Topic.MODERATION, recipients=user.email, subject=subject, body=body
            )
        )
    send_after_commit(emails)
    return len(emails)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    instance.content_object.refresh_from_db()
    notify_outcome(instance, "approved", user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    notify_outcome(instance, "rejected", user)


def connect():
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid=APPROVED_UID)
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid=REJECTED_UID)
