"""Who may see what of the buyers' side: one place for the rules the views and tests rely on.

A buyer acts for exactly one company (BuyerMember is one-to-one with the user); every lookup
of a request or a spec file goes through these functions, so a buyer of company A meets a 404
for company B's drafts and files rather than a refusal that confirms they exist.
"""

from catalog.ownership import OPERATOR_GROUP, vendors_owned_by
from sourcing.models import BuyerMember, SourcingRequest, SpecAttachment


def is_operator(user):
    """Superusers and members of the Operator group (they verify buyers and see every file)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.groups.filter(name=OPERATOR_GROUP).exists())
    )


def membership_of(user):
    """The user's BuyerMember row (with its company), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return BuyerMember.objects.select_related("company").filter(user=user).first()


def requests_of(user):
    """The requests of the company this user acts for (none for everyone else)."""
    if not getattr(user, "is_authenticated", False):
        return SourcingRequest.objects.none()
    return SourcingRequest.objects.filter(company__members__user=user)


def vendor_may_see(request_obj, vendor_ids):
    """Whether an IKM (one of `vendor_ids`) may see a published request's confidential parts."""
    if not vendor_ids or request_obj.status == SourcingRequest.Status.DRAFT:
        return False
    if request_obj.visibility == SourcingRequest.Visibility.OPEN:
        return True
    return request_obj.invited_vendors.filter(pk__in=vendor_ids).exists()


def can_download_spec(user, attachment):
    """Members of the requesting company, operators, and the owners of an IKM that may quote
    on the (published) request: open to all IKM, or invited."""
    if not getattr(user, "is_authenticated", False):
        return False
    request_obj = attachment.request
    if is_operator(user):
        return True
    if request_obj.company.members.filter(user=user).exists():
        return True
    return vendor_may_see(request_obj, vendors_owned_by(user))


def visible_spec(user, pk):
    """The spec attachment with this pk if `user` may download it, else None."""
    attachment = SpecAttachment.objects.select_related("request__company").filter(pk=pk).first()
    if attachment is None or not can_download_spec(user, attachment):
        return None
    return attachment
