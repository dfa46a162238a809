"""Who may edit what: the roles (groups) of the site and the "Kurasi" moderation workflow.

- "Pemilik IKM: <name>", one group per IKM, for the people who run it: access to the Wagtail
  admin, `add_page` and `change_page` on their own VendorPage (so on their products below it;
  not `publish_page`: they submit to the Kurasi workflow and a curator publishes), and
  add/choose/change on the images and documents of their own collection.
- "Kurator": publish anywhere, keep taxonomies, verify certificates, approve in Kurasi.
- "Operator": what the curators do, plus onboarding IKM, importing spreadsheets for any IKM,
  reading every inquiry and managing user accounts.

Nothing here runs as a side effect of saving a page: the onboarding of an IKM
(catalog/onboarding.py) calls `grant_vendor_ownership` explicitly, and `ensure_roles` is run by
`manage.py setup_roles` (and by onboarding and the demo).

Image permissions are Wagtail's `wagtailimages.add_image`, `choose_image` and `change_image`:
Wagtail's image permission policy checks those codenames (its `auth_model` is
`wagtailimages.Image`) even with our custom image model, and `catalog.CatalogImage` has no
`choose_` permission at all.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

CURATOR_GROUP = "Kurator"
OPERATOR_GROUP = "Operator"
VENDOR_GROUP_PREFIX = "Pemilik IKM: "
WORKFLOW_NAME = "Kurasi"
WORKFLOW_TASK_NAME = "Persetujuan kurator"

VENDOR_PAGE_PERMISSIONS = ("add_page", "change_page")
VENDOR_IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")
VENDOR_DOCUMENT_PERMISSIONS = ("add_document", "choose_document", "change_document")
CURATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
CURATOR_IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")
CURATOR_DOCUMENT_PERMISSIONS = ("add_document", "choose_document", "change_document")
OPERATOR_PAGE_PERMISSIONS = (*CURATOR_PAGE_PERMISSIONS, "bulk_delete_page")
OPERATOR_IMAGE_PERMISSIONS = (*CURATOR_IMAGE_PERMISSIONS, "delete_image")
OPERATOR_DOCUMENT_PERMISSIONS = (*CURATOR_DOCUMENT_PERMISSIONS, "delete_document")
# Taxonomy snippets the curators keep: catalog.<action>_<model>.
TAXONOMY_MODELS = ("category", "region", "sentra", "material", "certificatetype", "unit")
TAXONOMY_ACTIONS = ("add", "change", "view")
# The exchange rates of /en/ pages' indicative prices (catalog/models/exchange_rates.py):
# curators and operators keep them like the taxonomies; owners never.
RATE_PERMISSIONS = ("add_exchangerate", "change_exchangerate", "view_exchangerate")
# What only operators do (catalog.User's Meta permissions), and model permissions of other apps
# they need, by name: catalog imports no other app.
OPERATOR_CATALOG_PERMISSIONS = ("onboard_vendor", "import_any_catalog", "view_all_statistics")
# Curators (and operators) keep the search synonym sets and Wagtail's search promotions.
CURATOR_OTHER_PERMISSIONS = tuple(
    (app_label, f"{action}_{model}")
    for app_label, model in (
        ("search", "synonymset"),
        ("wagtailsearchpromotions", "searchpromotion"),
    )
    for action in ("add", "change", "delete", "view")
)
OPERATOR_OTHER_PERMISSIONS = (
    ("inquiries", "view_all_inquiries"),
    ("orders", "view_all_orders"),
    ("outbox", "view_email"),
    ("catalog", "add_user"),
    ("catalog", "change_user"),
    ("catalog", "view_user"),
)


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


def vendor_group(vendor_page):
    """The IKM's group, found by its edit right on the page (so a renamed IKM keeps it)."""
    return (
        Group.objects.filter(
            name__startswith=VENDOR_GROUP_PREFIX,
            page_permissions__page=vendor_page,
            page_permissions__permission__codename="change_page",
        )
        .order_by("pk")
        .first()
    )


def ensure_vendor_collection(vendor_page, group=None):
    """The IKM's own collection for images and documents: a child of the root collection.

    Found through the IKM group's collection permissions first (a renamed IKM keeps its
    collection, renamed too), else by name; created when missing.
    """
    root = Collection.get_first_root_node()
    name = vendor_collection_name(vendor_page)
    collection = None
    if group is not None:
        collection = (
            Collection.objects.filter(group_permissions__group=group, depth=root.depth + 1)
            .order_by("pk")
            .first()
        )
    if collection is None:
        collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    elif collection.name != name and not root.get_children().filter(name=name).exists():
        collection.name = name
        collection.save(update_fields=["name"])
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
    """Give `users` edit rights over `vendor_page` (and its products) and its collection.

    Idempotent. The IKM's group, "Pemilik IKM: <name>", is owned by this function: after a call
    its permissions are exactly admin access, add/change on this VendorPage and
    add/choose/change on the images and documents of the IKM's collection, whatever they were
    before. Returns the group.
    """
    group = vendor_group(vendor_page)
    name = vendor_group_name(vendor_page)
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    if set(group.permissions.values_list("pk", flat=True)) != {p.pk for p in _admin_access()}:
        group.permissions.set(_admin_access())
    collection = ensure_vendor_collection(vendor_page, group)
    _set_page_permissions(group, vendor_page, _page_permissions(VENDOR_PAGE_PERMISSIONS))
    _set_collection_permissions(
        group,
        collection,
        [
            *_permissions("wagtailimages", VENDOR_IMAGE_PERMISSIONS),
            *_permissions("wagtaildocs", VENDOR_DOCUMENT_PERMISSIONS),
        ],
    )
    for user in users:
        user.groups.add(group)
    return group


def _home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    return Page.objects.filter(depth=2).order_by("path").first()


def vendor_directory():
    """The IKM directory page (/ikm/): the one parent type of VendorPage, found without
    importing the showroom app."""
    from catalog.models import VendorPage

    parent_model = VendorPage.allowed_parent_page_models()[0]
    return parent_model.objects.order_by("path").first()


def _ensure_staff_group(name, *, model_permissions, page_permissions, collection_permissions):
    """A staff group with at least these permissions (additive: an administrator's additions
    are kept). Idempotent."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*model_permissions)
    home = _home_page()
    if home is not None:
        for permission in _page_permissions(page_permissions):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    root = Collection.get_first_root_node()
    for permission in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return group


def _taxonomy_permissions(actions=TAXONOMY_ACTIONS):
    return _permissions(
        "catalog", [f"{action}_{model}" for model in TAXONOMY_MODELS for action in actions]
    )


@transaction.atomic
def ensure_curator_group(users=()):
    """The "Kurator" group: publish anywhere on the site, keep taxonomies, verify certificates.

    Idempotent and additive: permissions an administrator added to the group are kept.
    """
    group = _ensure_staff_group(
        CURATOR_GROUP,
        model_permissions=[
            *_admin_access(),
            *_taxonomy_permissions(),
            *_permissions("catalog", ["verify_certificate", *RATE_PERMISSIONS]),
            *_other_app_permissions(CURATOR_OTHER_PERMISSIONS),
        ],
        page_permissions=CURATOR_PAGE_PERMISSIONS,
        collection_permissions=[
            *_permissions("wagtailimages", CURATOR_IMAGE_PERMISSIONS),
            *_permissions("wagtaildocs", CURATOR_DOCUMENT_PERMISSIONS),
        ],
    )
    for user in users:
        user.groups.add(group)
    return group


def _other_app_permissions(pairs):
    """Permissions of other apps, by name; an app that is not installed is skipped."""
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


@transaction.atomic
def ensure_operator_group(users=()):
    """The "Operator" group: the curators' rights, plus onboarding IKM, importing for any IKM,
    deleting pages, images and documents, every inquiry, and user accounts. Idempotent."""
    group = _ensure_staff_group(
        OPERATOR_GROUP,
        model_permissions=[
            *_admin_access(),
            *_taxonomy_permissions((*TAXONOMY_ACTIONS, "delete")),
            *_permissions(
                "catalog",
                [
                    "verify_certificate",
                    *OPERATOR_CATALOG_PERMISSIONS,
                    *RATE_PERMISSIONS,
                    "delete_exchangerate",
                ],
            ),
            *_other_app_permissions((*CURATOR_OTHER_PERMISSIONS, *OPERATOR_OTHER_PERMISSIONS)),
        ],
        page_permissions=OPERATOR_PAGE_PERMISSIONS,
        collection_permissions=[
            *_permissions("wagtailimages", OPERATOR_IMAGE_PERMISSIONS),
            *_permissions("wagtaildocs", OPERATOR_DOCUMENT_PERMISSIONS),
        ],
    )
    for user in users:
        user.groups.add(group)
    return group


@transaction.atomic
def ensure_kurasi_workflow():
    """The "Kurasi" workflow on the IKM directory: one group approval task for the curators
    (and operators). Every page an owner submits below /ikm/ goes through it. Idempotent."""
    curators = ensure_curator_group()
    operators = ensure_operator_group()
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_TASK_NAME)
    task.groups.add(curators, operators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    directory = vendor_directory()
    if directory is not None:
        WorkflowPage.objects.update_or_create(page=directory, defaults={"workflow": workflow})
    return workflow


def ensure_roles():
    """Every role group and the Kurasi workflow (what `manage.py setup_roles` runs)."""
    return {
        "curators": ensure_curator_group(),
        "operators": ensure_operator_group(),
        "workflow": ensure_kurasi_workflow(),
    }


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
