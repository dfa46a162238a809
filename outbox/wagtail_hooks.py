"""The outbox's own emails (Kurasi outcomes, owner invitations) in the admin, for operators:
state, attempts and the last error. Inquiry and order emails are shown with their inquiry or
order (the inbox, its failed-email list and retry)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Email


class EmailViewSet(ModelViewSet):
    model = Email
    icon = "mail"
    menu_label = _("Email keluar")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["recipients", "subject", "body"]
    list_display = [
        "subject",
        "recipients",
        "topic",
        Column("get_state_display", label=_("status")),
        "attempts",
        "last_error",
        "created_at",
    ]
    list_filter = ["topic"]
    inspect_view_fields = [
        "topic",
        "recipients",
        "subject",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]


@hooks.register("register_admin_viewset")
def register_email_viewset():
    return EmailViewSet("outbox_email")
