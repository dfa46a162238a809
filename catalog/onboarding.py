"""Onboarding an IKM in one step: its profile page, its group, its collection, its owners.

One idempotent service, used by `manage.py onboard_ikm`, by the operators' admin view and by
the demo catalog, so every IKM's owners get exactly the same rights. Running it again with the
same input changes nothing: no second page, group, collection, permission, user or email.

New owner accounts get an unusable password and an email with a set-password link (Django's
PasswordResetTokenGenerator through Wagtail's public password-reset confirm view): nobody ever
chooses a password for them or sends one by email.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from catalog.models import Region, VendorPage
from catalog.ownership import ensure_roles, grant_vendor_ownership, vendor_directory
from outbox.models import Email
from outbox.tasks import send_after_commit

# VendorPage fields onboarding may set besides the title and region.
PROFILE_FIELDS = ("owner_names", "whatsapp", "phone", "email", "address", "sentra")


@dataclass
class Owner:
    """An owner to create or find: by email (case-insensitive), else by username."""

    email: str
    first_name: str = ""
    last_name: str = ""
    username: str = ""

    @classmethod
    def parse(cls, text):
        """`Siti Aminah <siti@example.com>` or `siti@example.com`."""
        text = text.strip()
        match = re.fullmatch(r"(?P<name>.*?)\s*<(?P<email>[^<>\s]+)>", text)
        name, email = (match["name"].strip(), match["email"]) if match else ("", text)
        first, _, last = name.partition(" ")
        return cls(email=email.lower(), first_name=first, last_name=last)


@dataclass
class OnboardingResult:
    vendor: VendorPage
    group: object
    collection: object
    users: list
    created_vendor: bool = False
    updated_vendor: bool = False
    created_users: list = field(default_factory=list)
    invited: list = field(default_factory=list)


def _region(value):
    if isinstance(value, Region):
        return value
    region = (
        Region.objects.filter(slug=slugify(str(value))).first()
        or Region.objects.filter(name__iexact=str(value).strip()).first()
    )
    if region is None:
        raise ValidationError(_("Wilayah “%(name)s” tidak dikenal.") % {"name": value})
    return region


def _unique_username(base):
    User = get_user_model()
    base = (re.sub(r"[^\w.@+-]", "", base) or "pemilik")[:140]
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def ensure_owner(owner, password_hash=None):
    """The user for `owner`: found, or created (inactive password unless a hash is given).

    Returns (user, created). An existing user's name is filled in when it was empty; nothing
    else about an existing account is changed.
    """
    User = get_user_model()
    user = None
    if owner.username:
        user = User.objects.filter(username=owner.username).first()
    if user is None and owner.email:
        user = User.objects.filter(email__iexact=owner.email).order_by("pk").first()
    if user is not None:
        changed = [
            name
            for name in ("first_name", "last_name")
            if getattr(owner, name) and not getattr(user, name)
        ]
        for name in changed:
            setattr(user, name, getattr(owner, name))
        if changed:
            user.save(update_fields=changed)
        return user, False
    user = User(
        username=owner.username or _unique_username(owner.email.split("@")[0]),
        email=owner.email,
        first_name=owner.first_name,
        last_name=owner.last_name,
    )
    if password_hash:
        user.password = password_hash
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user, True


def set_password_url(user):
    """The public link where a new owner chooses a password (valid PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def password_email_context(user, **extra):
    """What every set-password email says: the link, the admin's address, how long it lasts."""
    return {
        "user": user,
        "set_password_url": set_password_url(user),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        **extra,
    }


def queue_invitation(user, vendor):
    """The new owner's set-password email, in the owner's language, as an outbox row."""
    with translation.override(getattr(user, "preferred_language", None) or "id"):
        context = password_email_context(user, vendor=vendor)
        subject = _("Undangan mengelola %(ikm)s di Etalase IKM") % {"ikm": vendor.title}
        body = render_to_string("catalog/email/owner_invitation.txt", context)
    return Email.objects.create(
        topic=Email.Topic.INVITATION, recipients=user.email, subject=subject, body=body
    )


def _vendor_fields(title, region, profile):
    fields = {"title": title, "region": region}
    fields.update({k: v for k, v in profile.items() if k in PROFILE_FIELDS and v is not None})
    return fields


def _create_vendor(directory, slug, fields, publish):
    vendor = VendorPage(slug=slug, live=False, **fields)
    vendor.full_clean(exclude=["path", "depth", "numchild", "url_path", "draft_title"])
    directory.add_child(instance=vendor)
    revision = vendor.save_revision()
    if publish:
        revision.publish()
    return VendorPage.objects.get(pk=vendor.pk)


def _update_vendor(vendor, fields, publish):
    """Apply changed fields as a new revision; publish it only if asked or already live."""
    latest = vendor.get_latest_revision_as_object()
    attnames = {name: VendorPage._meta.get_field(name).attname for name in fields}
    before = {name: getattr(latest, attname) for name, attname in attnames.items()}
    for name, value in fields.items():
        setattr(latest, name, value)
    # clean() normalises (phone numbers): compare what would be stored.
    latest.full_clean(exclude=["path", "depth", "numchild", "url_path", "draft_title"])
    changed = any(getattr(latest, attnames[name]) != before[name] for name in fields)
    if not changed and (vendor.live or not publish):
        return False
    revision = latest.save_revision()
    if publish or (vendor.live and not vendor.has_unpublished_changes):
        revision.publish()
    return True


@transaction.atomic
def onboard_ikm(title, region, owners=(), *, slug="", publish=False, invite=True, **profile):
    """Create or update an IKM and its owners; idempotent. Returns an OnboardingResult.

    `region` is a Region or its name or slug; `owners` are Owner objects (or strings for
    Owner.parse). New owners are emailed a set-password link after the transaction commits.
    `publish` publishes the profile (a new one, or changes to an existing one).
    """
    title = title.strip()
    if not title:
        raise ValidationError(_("Nama IKM wajib diisi."))
    ensure_roles()
    directory = vendor_directory()
    if directory is None:
        raise ValidationError(_("Halaman direktori IKM (/ikm/) belum ada: jalankan migrate."))
    slug = slugify(slug or title)
    if not slug:
        raise ValidationError(_("Nama IKM harus mengandung huruf atau angka."))
    fields = _vendor_fields(title, _region(region), profile)
    vendor = VendorPage.objects.child_of(directory).filter(slug=slug).first()
    created = vendor is None
    updated = False
    if created:
        vendor = _create_vendor(directory, slug, fields, publish)
    else:
        updated = _update_vendor(vendor, fields, publish)
        vendor = VendorPage.objects.get(pk=vendor.pk)

    users, new_users = [], []
    for owner in owners:
        owner = owner if isinstance(owner, Owner) else Owner.parse(owner)
        user, user_created = ensure_owner(owner)
        users.append(user)
        if user_created:
            new_users.append(user)
    group = grant_vendor_ownership(vendor, users)
    collection = group.collection_permissions.select_related("collection").first().collection
    result = OnboardingResult(
        vendor=vendor,
        group=group,
        collection=collection,
        users=users,
        created_vendor=created,
        updated_vendor=updated,
        created_users=new_users,
    )
    if invite:
        invitees = [user for user in new_users if user.email]
        result.invited = invitees
        send_after_commit([queue_invitation(user, vendor) for user in invitees])
    return result
