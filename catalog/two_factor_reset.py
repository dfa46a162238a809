"""Resetting another user's two-factor devices, when they lost both their phone and their
recovery codes: an operator may do it for an IKM owner, only a superuser for a staff member
(superuser, operator, curator), so that a stolen operator account cannot strip a curator's or
another operator's second factor and then take over that account with its password alone.

The reset deletes the user's devices and recovery codes; their next sign-in asks a staff member
to enrol again, and lets an owner in with the password (owners opt in). It is a POST (with
CSRF) from a confirmation page linked from the user listing, and is written to Wagtail's audit
log (Reports > Site history) and to the `catalog.two_factor` logger.
"""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from django_otp import user_has_device
from wagtail.log_actions import log

from catalog.ownership import OPERATOR_GROUP
from catalog.two_factor import TwoFactorPage, remove_devices, requires_two_factor

logger = logging.getLogger("catalog.two_factor")

RESET_ACTION = "catalog.two_factor_reset"


def may_reset_two_factor(actor, target):
    """A superuser resets anyone's devices; an operator those of users who are not staff."""
    if not actor.is_authenticated:
        return False
    if actor.is_superuser:
        return True
    if requires_two_factor(target):
        return False
    return actor.groups.filter(name=OPERATOR_GROUP).exists()


class ResetTwoFactorView(TwoFactorPage, TemplateView):
    """GET: what will happen, and the button; POST: delete the user's devices. Refused with
    a 403 (and nothing changed) when the acting user may not reset this user's devices."""

    template_name = "catalog/admin/two_factor_reset.html"
    page_title = gettext_lazy("Atur ulang verifikasi dua langkah")
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.target = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        if not may_reset_two_factor(request.user, self.target):
            # A 403, not Wagtail's redirect to the dashboard that PermissionDenied would give.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "target": self.target,
            "has_device": user_has_device(self.target, confirmed=None),
        }

    def post(self, request, *args, **kwargs):
        remove_devices(self.target)
        log(instance=self.target, action=RESET_ACTION, user=request.user)
        logger.warning(
            "Two-factor devices of user %s (id %s) reset by user %s (id %s)",
            self.target.get_username(),
            self.target.pk,
            request.user.get_username(),
            request.user.pk,
        )
        messages.success(
            request,
            _("Verifikasi dua langkah %(user)s diatur ulang.") % {"user": self.target},
        )
        return redirect("wagtailusers_users:index")
