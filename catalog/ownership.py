"""Who may edit what: the curators' group, and one group per IKM for the people who run it.

An IKM's owners get exactly what they need to keep their own profile and products up to date:
access to the Wagtail admin, `add_page` and `change_page` on their own VendorPage (so on their
products below it; not `publish_page`: a curator publishes), and add/choose/change on the
images of their own collection. Nothing here runs as a side effect of saving a page: the
onboarding of an IKM calls `grant_vendor_ownership` explicitly.

Image permissions are Wagtail's `wagtailimages.add_image`, `choose_image` and `change_image`:
Wagtail's image permission policy checks those codenames (its `auth_model` is
`wagtailimages.Image`) even with our custom image model, and `catalog.CatalogImage` has no
`choose_` permission at all.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

CURATOR_GROUP = "Kurator"
VENDOR_GROUP_PREFIX = "IKM: "

VENDOR_PAGE_PERMISSIONS = ("add_page", "change_page")
VENDOR_IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")
CURATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
CURATOR_IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")
CURATOR_DOCUMENT_PERMISSIONS = ("add_document", "choose_document", "change_document")
# Taxonomy snippets the curators keep: catalog.<action>_<model>.
TAXONOMY_MODELS = ("category", "region", "sentra", "material", "certificatetype")
TAXONOMY_ACTIONS = ("add", "change", "view")


def _permissions(app_label, codenames):
    found = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
    }
    missing = set(codenames) - set(found)
    if missing:
        raise LookupError(f"Missing permissions {app_label}.{sorted(missing)}: run migrate first.")
    return [found[c] for c in codenames]


def _admin_access():
    return _permissions("wagtailadmin", ["access_admin"])


def _page_permissions(codenames):
    page_type = ContentType.objects.get_for_model(Page)
    found = {
        p.codename: p
        for p in Permission.objects.filter(content_type=page_type, codename__in=codenames)
    }
    return [found[c] for c in codenames]


def vendor_group_name(vendor_page):
    return f"{VENDOR_GROUP_PREFIX}{vendor_page.title}"[:150]


def vendor_collection_name(vendor_page):
    return vendor_page.title[:255]


def ensure_vendor_collection(vendor_page):
    """The IKM's own image collection: a child of the root collection named after the IKM."""
    root = Collection.get_first_root_node()
    name = vendor_collection_name(vendor_page)
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    return collection


def _set_page_permissions(group, page, permissions):
    """Make `group`'s page permissions exactly `permissions` on `page`, and nothing elsewhere."""
    wanted = {p.pk for p in permissions}
    GroupPagePermission.objects.filter(group=group).exclude(
        page=page, permission_id__in=wanted
    ).delete()
    have = set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission_id", flat=True
        )
    )
    for permission in permissions:
        if permission.pk not in have:
            GroupPagePermission.objects.create(group=group, page=page, permission=permission)


def _set_collection_permissions(group, collection, permissions):
    wanted = {p.pk for p in permissions}
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission_id__in=wanted
    ).delete()
    have = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    for permission in permissions:
        if permission.pk not in have:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=permission
            )


@transaction.atomic
def grant_vendor_ownership(vendor_page, users=()):
    """Give `users` edit rights over `vendor_page` (and its products) and its image collection.

    Idempotent. The IKM's group, "IKM: <name>", is owned by this function: after a call its
    permissions are exactly admin access, add/change on this VendorPage and add/choose/change on
    the IKM's collection, whatever they were before. Returns the group.
    """
    group, _ = Group.objects.get_or_create(name=vendor_group_name(vendor_page))
    group.permissions.set(_admin_access())
    _set_page_permissions(group, vendor_page, _page_permissions(VENDOR_PAGE_PERMISSIONS))
    _set_collection_permissions(
        group,
        ensure_vendor_collection(vendor_page),
        _permissions("wagtailimages", VENDOR_IMAGE_PERMISSIONS),
    )
    for user in users:
        user.groups.add(group)
    return group


def _home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    return Page.objects.filter(depth=2).order_by("path").first()


@transaction.atomic
def ensure_curator_group(users=()):
    """The "Kurator" group: publish anywhere on the site, keep taxonomies, verify certificates.

    Idempotent and additive: permissions an administrator added to the group are kept.
    """
    group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
    taxonomy = [f"{action}_{model}" for model in TAXONOMY_MODELS for action in TAXONOMY_ACTIONS]
    group.permissions.add(
        *_admin_access(),
        *_permissions("catalog", [*taxonomy, "verify_certificate"]),
    )
    home = _home_page()
    if home is not None:
        for permission in _page_permissions(CURATOR_PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    root = Collection.get_first_root_node()
    for permission in [
        *_permissions("wagtailimages", CURATOR_IMAGE_PERMISSIONS),
        *_permissions("wagtaildocs", CURATOR_DOCUMENT_PERMISSIONS),
    ]:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    for user in users:
        user.groups.add(group)
    return group


def vendors_owned_by(user):
    """Ids of the IKM (VendorPages) whose pages this user's groups may edit: their own IKM."""
    from catalog.models import VendorPage

    if not user.is_authenticated:
        return []
    return list(
        VendorPage.objects.filter(
            group_permissions__group__user=user,
            group_permissions__permission__codename="change_page",
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def owners_of(vendor_page):
    """The active users who run this IKM (members of a group with edit rights on its page)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__page_permissions__page=vendor_page,
            groups__page_permissions__permission__codename="change_page",
        )
        .distinct()
    )
