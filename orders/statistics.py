"""The orders app's metric for the owners' statistics (catalog/stats/metrics.py): paid orders
(paid or shipped) holding the product, per day the order was placed."""

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from catalog.stats.metrics import Metric

from .models import Order, OrderLine

COUNTED_STATUSES = (Order.Status.PAID, Order.Status.SHIPPED)


def order_counts(product_ids, start, end):
    return (
        OrderLine.objects.filter(product_id__in=product_ids, order__status__in=COUNTED_STATUSES)
        .annotate(day=TruncDate("order__created_at"))
        .filter(day__range=(start, end))
        .values_list("product_id", "day")
        .annotate(n=Count("order_id", distinct=True))
        .values_list("product_id", "day", "n")
    )


ORDERS = Metric("orders", _("Pesanan dibayar"), order_counts, order=40)
