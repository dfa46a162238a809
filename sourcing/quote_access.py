"""Who may see which quotes: one place, used by the admin views, the buyer views and the tests.

A quote is visible to the requesting company's members (once it is submitted), to the quoting
IKM's owners and to operators (superusers and users with `inquiries.view_all_inquiries`, the
permission the *Operator* group already holds). Everyone else gets a 404 on its URLs.
"""

from django.db.models import Q
from django.utils import timezone

from catalog.ownership import vendors_owned_by
from sourcing.models import Quote, SourcingRequest, companies_of


def is_operator(user):
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("inquiries.view_all_inquiries")
    )


def owned_vendor_ids(user):
    """The ids of the IKM this user runs, asked once per request (kept on the user object)."""
    if not hasattr(user, "_quote_vendor_ids"):
        user._quote_vendor_ids = vendors_owned_by(user)
    return user._quote_vendor_ids


def quotes_for_vendor_owner(user):
    return Quote.objects.filter(vendor_id__in=owned_vendor_ids(user))


def quotes_for_buyer(user):
    """Submitted (not draft) quotes on the requests of the user's companies."""
    return Quote.objects.filter(request__company__in=companies_of(user)).exclude(
        status=Quote.Status.DRAFT
    )


def visible_quotes(user):
    if not user.is_authenticated:
        return Quote.objects.none()
    if is_operator(user):
        return Quote.objects.all()
    buyer = Q(request__company__in=companies_of(user)) & ~Q(status=Quote.Status.DRAFT)
    return Quote.objects.filter(Q(vendor_id__in=owned_vendor_ids(user)) | buyer)


def quotable_requests(vendor_ids, now=None):
    """Open requests before their deadline that these IKM may quote on (invited ones only if
    one of them is invited)."""
    now = now or timezone.now()
    return (
        SourcingRequest.objects.filter(status=SourcingRequest.Status.OPEN, quote_deadline__gt=now)
        .filter(Q(visibility=SourcingRequest.Visibility.OPEN) | Q(invited_vendors__in=vendor_ids))
        .distinct()
    )


def vendor_may_quote(vendor, request_obj, now=None):
    now = now or timezone.now()
    if request_obj.status != SourcingRequest.Status.OPEN or request_obj.quote_deadline <= now:
        return False
    if request_obj.visibility == SourcingRequest.Visibility.OPEN:
        return True
    return request_obj.invited_vendors.filter(pk=vendor.pk).exists()


def is_company_member(user, request_obj):
    return companies_of(user).filter(pk=request_obj.company_id).exists()


def thread_of(quote):
    """The quote's messages, each marked `from_buyer` (written by a member of the company)."""
    member_ids = set(quote.request.company.members.values_list("user_id", flat=True))
    messages = list(quote.messages.select_related("author"))
    for message in messages:
        message.from_buyer = message.author_id in member_ids
    return messages
