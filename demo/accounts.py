"""The demo's accounts: the operator, the curator and one owner per IKM, with one documented
password, and the list of logins the command prints.

All names, e-mail addresses and phone numbers of the demo are fictitious. The demo users share
one documented password, DEMO_PASSWORD: demo data only.
"""

from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.hashers import make_password
from wagtail.models import Site

from catalog.models import User
from catalog.ownership import ensure_roles
from demo import data

DEMO_PASSWORD = "demo-etalase-2026"  # noqa: S105 -- documented password of the demo users

OPERATOR = {
    "username": "operator",
    "first_name": "Operator",
    "last_name": "Etalase IKM",
    "email": "operator@example.com",
}
CURATOR = {
    "username": "kurator",
    "first_name": "Dewi",
    "last_name": "Kartika",
    "email": "kurator@example.com",
}
PRIMARY_OWNER_KEY = "trusmi"


@dataclass
class Login:
    role: str
    username: str
    password: str
    note: str = ""


@dataclass
class BuildReport:
    vendors_created: int = 0
    products_created: int = 0
    images_created: int = 0
    users_created: int = 0
    seconds: float = 0.0
    logins: list = field(default_factory=list)


def admin_url():
    """Where the demo logins sign in: SITE_URL (`make run` sets it from HOST and PORT)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


def sync_default_site():
    """Point the default Site at SITE_URL's host and port, so canonical links and the sitemap
    name the address the site is served on (the migration used the SITE_URL of its day)."""
    url = urlparse(settings.WAGTAILADMIN_BASE_URL)
    hostname = url.hostname or "localhost"
    port = url.port or (443 if url.scheme == "https" else 80)
    return (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )


def owner_username(vendor_key):
    return f"pemilik.{vendor_key}"


_password_hash = None


def _demo_password_hash():
    """Hash the demo password once per process: the hasher is deliberately slow."""
    global _password_hash
    if _password_hash is None:
        _password_hash = make_password(DEMO_PASSWORD)
    return _password_hash


def ensure_user(username, report, **fields):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **fields)
        user.password = _demo_password_hash()
        user.save()
        report.users_created += 1
    return user


def ensure_staff_users(report):
    operator = ensure_user(
        OPERATOR["username"],
        report,
        is_superuser=True,
        is_staff=True,
        **{k: v for k, v in OPERATOR.items() if k != "username"},
    )
    curator = ensure_user(
        CURATOR["username"], report, **{k: v for k, v in CURATOR.items() if k != "username"}
    )
    roles = ensure_roles()
    curator.groups.add(roles["curators"])
    operator.groups.add(roles["operators"])
    return operator, curator


def demo_logins(data_dir=data.DATA_DIR):
    """The demo accounts that exist (none before the first build), for the command to print."""
    vendors = data.vendors(data_dir)
    primary = next(v for v in vendors if v["key"] == PRIMARY_OWNER_KEY)
    candidates = [
        Login("Operator (superuser)", OPERATOR["username"], DEMO_PASSWORD, "semua akses"),
        Login(
            "Kurator",
            CURATOR["username"],
            DEMO_PASSWORD,
            "menerbitkan halaman, taksonomi, verifikasi sertifikat",
        ),
        Login(
            "Pemilik IKM",
            owner_username(PRIMARY_OWNER_KEY),
            DEMO_PASSWORD,
            f"hanya {primary['title']}",
        ),
    ]
    others = [owner_username(v["key"]) for v in vendors if v["key"] != PRIMARY_OWNER_KEY]
    existing = set(
        User.objects.filter(
            username__in=[login.username for login in candidates] + others
        ).values_list("username", flat=True)
    )
    logins = [login for login in candidates if login.username in existing]
    others = [username for username in others if username in existing]
    if others:
        logins.append(
            Login("Pemilik IKM lain", ", ".join(others), DEMO_PASSWORD, "satu akun per IKM")
        )
    return logins
