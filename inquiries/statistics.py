"""The inquiries app's metrics for the owners' statistics (catalog/stats/metrics.py): WhatsApp
clicks (the daily counters of WhatsAppClick) and inquiries, per product and day. Clicks and
inquiries about an IKM as a whole (no product) are not a product's."""

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from catalog.stats.metrics import Metric

from .models import Inquiry, WhatsAppClick


def whatsapp_click_counts(product_ids, start, end):
    return (
        WhatsAppClick.objects.filter(product_id__in=product_ids, date__range=(start, end))
        .values_list("product_id", "date")
        .annotate(n=Sum("count"))
        .values_list("product_id", "date", "n")
    )


def inquiry_counts(product_ids, start, end):
    return (
        Inquiry.objects.filter(product_id__in=product_ids)
        .annotate(day=TruncDate("created_at"))
        .filter(day__range=(start, end))
        .values_list("product_id", "day")
        .annotate(n=Count("pk"))
        .values_list("product_id", "day", "n")
    )


WHATSAPP_CLICKS = Metric("whatsapp", _("Klik WhatsApp"), whatsapp_click_counts, order=20)
INQUIRIES = Metric("inquiries", _("Pertanyaan"), inquiry_counts, order=30)
