"""What a chooser shows a user: published pages, and the pages they may edit.

Wagtail's page chooser and the showroom's product chooser listed every page, so an IKM owner
saw the titles of another IKM's unpublished products. One rule for both: a page is shown if it
is live or if the user may change it. Curators and operators may change every page, so they
see everything by the same rule; superusers always do. Wagtail's chooser applies it through
the `construct_page_chooser_queryset` hook (catalog/wagtail_hooks.py) to its browse and search
views; its "chosen" view for several pages, which the hook does not reach, is replaced at the
same path (catalog/page_chooser_views.py, config/urls.py).
"""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy


def choosable(pages, user):
    """`pages` (a queryset of Page or of one page type) narrowed to what `user` may choose."""
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
