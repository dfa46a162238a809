"""Dashboard panel for IKM owners: the open needs their IKM was matched to, and why."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from sourcing.matching import describe
from sourcing.models import RequestMatch, SourcingRequest
from sourcing.visibility import owned_vendor_ids

PANEL_LIMIT = 10


def open_matches(user):
    """The matches of this user's IKM to needs still taking quotes, soonest deadline first."""
    return (
        RequestMatch.objects.filter(
            vendor_id__in=owned_vendor_ids(user),
            request__status=SourcingRequest.Status.OPEN,
            request__quote_deadline__gt=timezone.now(),
        )
        .select_related("request", "request__delivery_region", "vendor")
        .order_by("request__quote_deadline", "-score")
    )


class MatchedRequestsPanel(Component):
    name = "sourcing_matches"
    template_name = "sourcing/match/admin/dashboard_panel.html"
    order = 45

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        matches = list(open_matches(self.user)[: PANEL_LIMIT + 1])
        rows = [
            {"match": m, "need": m.request, "reasons": [describe(r) for r in m.reasons]}
            for m in matches[:PANEL_LIMIT]
        ]
        return {
            "rows": rows,
            "more": len(matches) > PANEL_LIMIT,
            "vendor_ids": owned_vendor_ids(self.user),
        }
