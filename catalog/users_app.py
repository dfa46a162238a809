"""Wagtail's users app with the project's scoped user and group administration.

Wagtail's documented way to customise its user views: an AppConfig subclass of
`WagtailUsersAppConfig` naming our viewsets, listed in INSTALLED_APPS in place of
"wagtail.users" (same label). Its `ready()` also registers the permission policies of
catalog/user_scope.py, exactly for these classes, so every place Wagtail asks a policy about a
user or a group gets the scoped answer.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "catalog.user_admin.ScopedUserViewSet"
    group_viewset = "catalog.user_admin.SuperuserGroupViewSet"

    def ready(self):
        super().ready()
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from catalog.user_scope import SuperuserOnlyPolicy, UserScopePolicy

        User = get_user_model()
        register_permission_policy(User, UserScopePolicy(User), exact_class=True)
        register_permission_policy(Group, SuperuserOnlyPolicy(Group), exact_class=True)
