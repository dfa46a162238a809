"""The admin's user administration, scoped by catalog/user_scope.py.

Wagtail's own user views, forms and bulk actions, narrowed for everyone who is not a superuser
(the operators):

- the listing, edit, delete, history and usage views only find the accounts the actor may
  manage; any other account answers **404**, as if it did not exist, so an operator learns
  neither that a superuser's id exists nor its username;
- the forms drop *Administrator* (`is_superuser`) and the password fields, and offer only the
  groups the actor may grant; a posted group outside that set is a validation error, a posted
  `is_superuser` is ignored (the field is not in the form);
- owners never get a password chosen by someone else: an account an operator creates has no
  usable password and its owner is emailed a set-password link, and *Kirim tautan kata sandi*
  emails an existing owner a new link (reset by email);
- the bulk actions (assign role, set active state, delete) act only on manageable accounts and
  assign only grantable groups;
- copying a user (Wagtail's copy view) is off: it would prefill a new account with another
  one's roles;
- group administration (`SuperuserGroupViewSet`) is for superusers only: no role needs it, and
  whoever edits groups can give any permission to a group they belong to. Other users get 403
  (the group pages are not per-object secrets; the refusal is the model permission).

Superusers keep Wagtail's forms and views unchanged.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView as WagtailUsageView
from wagtail.admin.widgets.button import Button
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)
from wagtail.users.views.groups import GroupViewSet

from catalog.password_links import send_password_link
from catalog.user_scope import grantable_groups, manageable_users

SEND_LINK_URL_NAME = "send_password_link"
CHANGE_USER_PERMISSION = wagtail_users.change_user_perm


def _is_superuser(user):
    return user.is_active and user.is_superuser


class ScopedUserFormMixin:
    """Narrows Wagtail's user form to what `actor` may do (nothing changes for superusers)."""

    def __init__(self, *args, actor=None, **kwargs):
        self.scoped = actor is not None and not _is_superuser(actor)
        super().__init__(*args, **kwargs)
        if self.scoped:
            self.fields.pop("is_superuser", None)
            if "groups" in self.fields:
                self.fields["groups"].queryset = grantable_groups(actor).order_by("name")

    @property
    def password_enabled(self):
        return not self.scoped and super().password_enabled

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.scoped and user.pk is None:
            user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class ScopedUserCreationForm(ScopedUserFormMixin, UserCreationForm):
    pass


class ScopedUserEditForm(ScopedUserFormMixin, UserEditForm):
    pass


class ScopedObjectLookupMixin:
    """Instance views find only the accounts the actor may manage (others: 404)."""

    def get_base_object_queryset(self):
        return manageable_users(self.request.user)


class ScopedObjectMixin(ScopedObjectLookupMixin):
    """Edit and delete look the account up through `get_queryset` too. (History and usage must
    not: their `get_queryset` is their listing, of log entries and references.)"""

    def get_queryset(self):
        return manageable_users(self.request.user)


class ActorFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}


class IndexView(wagtail_users.IndexView):
    def get_base_queryset(self):
        users = super().get_base_queryset()
        if _is_superuser(self.request.user):
            return users
        return users.filter(pk__in=manageable_users(self.request.user).values("pk"))


class CreateView(ActorFormMixin, wagtail_users.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        if not instance.has_usable_password() and instance.email:
            send_password_link(instance, invited=True)  # an outbox row, sent after commit
        return instance


class EditView(ScopedObjectMixin, ActorFormMixin, wagtail_users.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.email:
            buttons.append(
                Button(
                    _("Kirim tautan kata sandi"),
                    url=reverse(f"wagtailusers_users:{SEND_LINK_URL_NAME}", args=[self.object.pk]),
                    icon_name="mail",
                    priority=40,
                )
            )
        return buttons


class DeleteView(ScopedObjectMixin, wagtail_users.DeleteView):
    pass


class HistoryView(ScopedObjectLookupMixin, wagtail_users.HistoryView):
    pass


class UsageView(ScopedObjectLookupMixin, WagtailUsageView):
    pass


class SendPasswordLinkView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET), then email the account's owner a link to choose a new password (POST).

    Nobody types a password for someone else: the link goes to the account's own address.
    """

    permission_required = "change"
    template_name = "catalog/admin/send_password_link.html"
    page_title = gettext_lazy("Kirim tautan kata sandi")
    header_icon = "mail"
    model = get_user_model()

    def setup(self, request, *args, pk=None, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(manageable_users(request.user), pk=pk, email__gt="")

    def get_page_subtitle(self):
        return self.object.get_full_name() or self.object.get_username()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "target": self.object}

    def post(self, request, *args, **kwargs):
        send_password_link(self.object, invited=False)
        messages.success(
            request,
            _("Tautan kata sandi dikirim ke %(email)s.") % {"email": self.object.email},
        )
        return redirect("wagtailusers_users:edit", self.object.pk)


class ScopedUserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ScopedUserEditForm if for_update else ScopedUserCreationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "send-password-link/<int:pk>/",
                SendPasswordLinkView.as_view(),
                name=SEND_LINK_URL_NAME,
            ),
        ]


class SuperuserGroupViewSet(GroupViewSet):
    """Wagtail's group administration; its permission policy (registered in
    catalog.users_app) lets only superusers in."""


# --- Bulk actions on the user listing --------------------------------------------------------


class ScopedBulkActionMixin:
    @cached_property
    def manageable_pks(self):
        if _is_superuser(self.request.user):
            return None
        return set(manageable_users(self.request.user).values_list("pk", flat=True))

    def in_scope(self, obj):
        return self.manageable_pks is None or obj.pk in self.manageable_pks

    def check_perm(self, obj):
        return super().check_perm(obj) and self.in_scope(obj)

    def get_actionable_objects(self):
        """Accounts outside the actor's scope are left out, not listed as refused: the
        actor is not told they exist."""
        objects, without_access = super().get_actionable_objects()
        without_access = {
            key: [obj for obj in items if self.in_scope(obj)]
            for key, items in without_access.items()
        }
        return objects, without_access


class ScopedAssignRoleBulkAction(ScopedBulkActionMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = grantable_groups(self.request.user).order_by("name")
        return form


class ScopedSetActiveStateBulkAction(ScopedBulkActionMixin, SetActiveStateBulkAction):
    pass


class ScopedDeleteBulkAction(ScopedBulkActionMixin, DeleteBulkAction):
    pass


BULK_ACTIONS = (ScopedAssignRoleBulkAction, ScopedSetActiveStateBulkAction, ScopedDeleteBulkAction)
