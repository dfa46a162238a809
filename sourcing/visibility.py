"""Who may see which need on the public site, and which of its parts.

* Listed publicly (and in the sitemap): open needs, open to every IKM, before their deadline.
* A detail page: needs open to every IKM that are open, closed or awarded. An invitation-only
  need is a 404 for everyone but its company's members, its invited IKM's owners and operators.
  Drafts and cancelled needs are a 404 for everyone here (the buyer sees them in their area).
* Confidential parts (the buyer's name when `show_buyer_name` is off, the exact delivery place,
  the specification files) only for people signed in who have a part in it: IKM owners,
  curators and operators (`access_admin` staff), and the company's own members. A member of
  another buyer company, or an anonymous visitor, sees the rest.
"""

from django.db.models import Q
from django.utils import timezone

from catalog.ownership import vendors_owned_by
from sourcing.models import SourcingRequest, companies_of

SHOWN_STATUSES = (
    SourcingRequest.Status.OPEN,
    SourcingRequest.Status.CLOSED,
    SourcingRequest.Status.AWARDED,
)


def public_requests():
    """What /kebutuhan/ lists: open, open to all, deadline not passed."""
    return SourcingRequest.objects.filter(
        status=SourcingRequest.Status.OPEN,
        visibility=SourcingRequest.Visibility.OPEN,
        quote_deadline__gt=timezone.now(),
    )


def owned_vendor_ids(user):
    if not hasattr(user, "_sourcing_vendor_ids"):
        user._sourcing_vendor_ids = vendors_owned_by(user) if user.is_authenticated else []
    return user._sourcing_vendor_ids


def is_staff_reader(user):
    """Curators and operators: the admin's staff who are not an IKM's owners only."""
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("catalog.verify_certificate")
    )


def is_member(user, request_obj):
    return companies_of(user).filter(pk=request_obj.company_id).exists()


def viewable_requests(user):
    """The needs whose detail page this user may open."""
    shown = SourcingRequest.objects.filter(status__in=SHOWN_STATUSES)
    if is_staff_reader(user):
        return shown
    allowed = Q(visibility=SourcingRequest.Visibility.OPEN)
    if user.is_authenticated:
        allowed |= Q(company__in=companies_of(user))
        vendor_ids = owned_vendor_ids(user)
        if vendor_ids:
            allowed |= Q(invited_vendors__in=vendor_ids)
    return shown.filter(allowed).distinct()


def may_see_confidential(user, request_obj):
    if not user.is_authenticated:
        return False
    return bool(is_staff_reader(user) or owned_vendor_ids(user) or is_member(user, request_obj))
