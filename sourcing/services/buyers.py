"""Registering an industry buyer and the operator's verdict on it."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sourcing.access import is_operator
from sourcing.models import BuyerCompany, BuyerMember


def unique_company_slug(name):
    base = slugify(name)[:150] or "perusahaan"
    slug, number = base, 2
    while BuyerCompany.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def register_company(
    *,
    name,
    sector,
    email,
    password,
    contact_name,
    nib="",
    address="",
    region=None,
    website="",
    phone="",
    job_title="",
    language="id",
):
    """A pending company, its first person (role admin) and that person's account.

    The account is a plain site user: no staff flag, no group, so the Wagtail admin stays
    closed to it. Returns (company, user)."""
    User = get_user_model()
    email = email.strip().lower()
    if User.objects.filter(username__iexact=email).exists() or (
        User.objects.filter(email__iexact=email).exists()
    ):
        raise ValidationError(_("Email ini sudah terdaftar."), code="email_taken")
    first, _sep, last = contact_name.strip().partition(" ")
    user = User.objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=first[:150],
        last_name=last[:150],
        phone=phone[:20],
        preferred_language=language if language in ("id", "en") else "id",
    )
    company = BuyerCompany.objects.create(
        name=name.strip(),
        slug=unique_company_slug(name),
        nib=nib.strip(),
        sector=sector,
        address=address,
        region=region,
        website=website,
    )
    BuyerMember.objects.create(
        company=company,
        user=user,
        role=BuyerMember.Role.ADMIN,
        phone=phone,
        job_title=job_title,
    )
    return company, user


def _decide(company, operator, status):
    if not is_operator(operator):
        raise PermissionDenied
    company.status = status
    company.verified_by = operator
    company.verified_at = timezone.now() if status == BuyerCompany.Status.VERIFIED else None
    company.save(update_fields=["status", "verified_by", "verified_at"])
    return company


def verify_company(company, operator):
    """The operator checked the company (NIB, contact): it gets the badge and may publish."""
    return _decide(company, operator, BuyerCompany.Status.VERIFIED)


def reject_company(company, operator):
    """The operator could not confirm the company: it may not publish requests."""
    return _decide(company, operator, BuyerCompany.Status.REJECTED)


@transaction.atomic
def add_member(company, *, email, password, contact_name, phone="", job_title=""):
    """Another person of the same company (role member), with their own sign-in."""
    User = get_user_model()
    email = email.strip().lower()
    if User.objects.filter(username__iexact=email).exists() or (
        User.objects.filter(email__iexact=email).exists()
    ):
        raise ValidationError(_("Email ini sudah terdaftar."), code="email_taken")
    first, _sep, last = contact_name.strip().partition(" ")
    user = User.objects.create_user(
        username=email, email=email, password=password, first_name=first, last_name=last
    )
    return BuyerMember.objects.create(
        company=company, user=user, role=BuyerMember.Role.MEMBER, phone=phone, job_title=job_title
    )
