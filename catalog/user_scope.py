"""Who may manage which user accounts in the admin, and which groups they may hand out.

Superusers manage every account. Anyone else with the user permissions (the operators) manages
only **IKM owner accounts** within their own reach, and nothing above them. A target account is
in scope for a non-superuser actor when all of these hold:

- it is not the actor's own account (that is edited under *Akun*, not in user administration),
  not a superuser and not `is_staff`;
- every group it belongs to is an IKM owner group ("Pemilik IKM: ..."): curators, operators
  and any other staff group are managed by superusers only, even when their permissions are a
  subset of the actor's (a curator holds less than an operator, yet is staff);
- every permission it holds, through its groups or directly, is one the actor holds too: model
  permissions by identity, page and collection permissions when the actor has the same
  permission on the same page or collection or on an ancestor of it.

The same coverage rule decides the groups an actor may grant: IKM owner groups whose every
permission the actor holds. Permissions are read from the database, not from the auth backend,
so a deactivated account counts with everything its groups would give it once reactivated.

`UserScopePolicy` (registered for the user model by `catalog.users_app`) carries these rules to
every place Wagtail asks a permission policy about a user instance; `SuperuserOnlyPolicy` makes
group administration a superuser's task: a group editor could give any group any permission.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

from catalog.ownership import VENDOR_GROUP_PREFIX


class _Reach:
    """The permissions one user holds: model permission ids, and (permission id, tree path)
    pairs for pages and collections."""

    def __init__(self, user):
        self.model = set(
            Permission.objects.filter(Q(group__user=user) | Q(user=user)).values_list(
                "pk", flat=True
            )
        )
        self.pages = list(
            GroupPagePermission.objects.filter(group__user=user).values_list(
                "permission_id", "page__path"
            )
        )
        self.collections = list(
            GroupCollectionPermission.objects.filter(group__user=user).values_list(
                "permission_id", "collection__path"
            )
        )

    @staticmethod
    def _tree_covers(grants, permission_id, path):
        return any(pid == permission_id and path.startswith(top) for pid, top in grants)

    def covers_page(self, permission_id, path):
        return self._tree_covers(self.pages, permission_id, path)

    def covers_collection(self, permission_id, path):
        return self._tree_covers(self.collections, permission_id, path)


def _uncovered_group_ids(reach):
    """Ids of the groups holding any permission the actor (`reach`) does not hold."""
    uncovered = set(
        Group.permissions.through.objects.exclude(permission_id__in=reach.model).values_list(
            "group_id", flat=True
        )
    )
    for group_id, permission_id, path in GroupPagePermission.objects.values_list(
        "group_id", "permission_id", "page__path"
    ):
        if group_id not in uncovered and not reach.covers_page(permission_id, path):
            uncovered.add(group_id)
    for group_id, permission_id, path in GroupCollectionPermission.objects.values_list(
        "group_id", "permission_id", "collection__path"
    ):
        if group_id not in uncovered and not reach.covers_collection(permission_id, path):
            uncovered.add(group_id)
    return uncovered


def grantable_groups(actor):
    """The groups `actor` may put a user into (or take a user out of)."""
    if actor.is_active and actor.is_superuser:
        return Group.objects.all()
    if not actor.is_active:
        return Group.objects.none()
    return Group.objects.filter(name__startswith=VENDOR_GROUP_PREFIX).exclude(
        pk__in=_uncovered_group_ids(_Reach(actor))
    )


def manageable_users(actor):
    """The accounts `actor` may see and manage in the user administration (a queryset)."""
    User = get_user_model()
    if not (actor.is_authenticated and actor.is_active):
        return User.objects.none()
    if actor.is_superuser:
        return User.objects.all()
    reach = _Reach(actor)
    out_of_reach_groups = Group.objects.filter(
        Q(pk__in=_uncovered_group_ids(reach)) | ~Q(name__startswith=VENDOR_GROUP_PREFIX)
    )
    return (
        User.objects.exclude(pk=actor.pk)
        .exclude(is_superuser=True)
        .exclude(is_staff=True)
        .exclude(groups__in=out_of_reach_groups)
        .exclude(user_permissions__in=Permission.objects.exclude(pk__in=reach.model))
    )


def can_manage_user(actor, target):
    """Whether `actor` may view, edit, (de)activate, delete or reset the password of
    `target` (given the model permission for that action)."""
    if target is None or target.pk is None:
        return False
    if actor.is_active and actor.is_superuser:
        return True
    return manageable_users(actor).filter(pk=target.pk).exists()


class UserScopePolicy(ModelPermissionPolicy):
    """Django's user permissions (add/change/delete/view), narrowed per instance to the
    accounts the user may manage."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage_user(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and can_manage_user(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return manageable_users(user)


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Only active superusers may do anything with this model in the admin."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
