"""The owner's dashboard in the Wagtail admin: their products and where each one stands.

An owner opens the admin and sees, for their own IKM only: every product with its status
(live, draft, waiting for the curator), the drafts waiting for review, and the products running
low on stock. New inquiries have their own panel (inquiries app).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from catalog.models import ProductPage, VendorPage
from catalog.ownership import vendors_owned_by

STATUS_LIVE = "live"
STATUS_DRAFT = "draft"
STATUS_LIVE_DRAFT = "live_draft"
STATUS_IN_MODERATION = "in_moderation"
STATUS_LABELS = {
    STATUS_LIVE: _("Tayang"),
    STATUS_DRAFT: _("Draf"),
    STATUS_LIVE_DRAFT: _("Tayang, ada draf"),
    STATUS_IN_MODERATION: _("Menunggu kurasi"),
}


def low_stock_threshold():
    return getattr(settings, "LOW_STOCK_THRESHOLD", 5)


def pages_in_moderation(page_ids):
    """Ids (as str) of these pages with a workflow in progress, in one query."""
    return set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
        )
        .values_list("object_id", flat=True)
    )


def page_status(page, moderated):
    if str(page.pk) in moderated:
        return STATUS_IN_MODERATION
    if page.live:
        return STATUS_LIVE_DRAFT if page.has_unpublished_changes else STATUS_LIVE
    return STATUS_DRAFT


class OwnerSummary:
    """What one owner's dashboard shows, in a fixed number of queries."""

    def __init__(self, user, limit=50):
        vendor_ids = vendors_owned_by(user)
        self.vendors = list(VendorPage.objects.filter(pk__in=vendor_ids).order_by("title"))
        products = list(
            ProductPage.objects.filter(vendor_id__in=vendor_ids)
            .select_related("vendor")
            .order_by("-latest_revision_created_at", "title")
        )
        moderated = pages_in_moderation([p.pk for p in products] + vendor_ids)
        self.rows = [
            {"page": p, "status": page_status(p, moderated), "vendor": p.vendor} for p in products
        ]
        for row in self.rows:
            row["status_label"] = STATUS_LABELS[row["status"]]
        self.product_count = len(self.rows)
        self.rows_shown = self.rows[:limit]
        self.awaiting_review = [r for r in self.rows if r["status"] == STATUS_IN_MODERATION]
        self.drafts = [r for r in self.rows if r["status"] in (STATUS_DRAFT, STATUS_LIVE_DRAFT)]
        threshold = low_stock_threshold()
        self.low_stock = [
            p
            for p in products
            if p.availability == ProductPage.Availability.READY
            and p.stock is not None
            and p.stock <= threshold
        ]
        self.threshold = threshold

    @property
    def is_owner(self):
        return bool(self.vendors)


class OwnerProductsPanel(Component):
    """Dashboard: "Produk saya", for users who run an IKM."""

    name = "owner_products"
    template_name = "catalog/admin/owner_panel.html"
    order = 40

    def __init__(self, summary):
        self.summary = summary

    def get_context_data(self, parent_context):
        return {"summary": self.summary}
