"""Counts per product and day, from every registered metric, and their sums.

A metric is registered by the app that owns the data, with the Wagtail hook
`register_product_statistics` returning a `Metric`: a key, a label and a function
`counts(product_ids, start, end)` giving `(product_id, date, count)` rows for those products
between two dates (both included). Page views are this app's own metric.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from catalog.models import ProductPage, ProductView
from catalog.ownership import vendors_owned_by

HOOK_NAME = "register_product_statistics"
VIEW_ALL_PERMISSION = "catalog.view_all_statistics"
PANEL_DAYS = 30


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    counts: object  # callable(product_ids, start, end) -> iterable of (product_id, date, n)
    order: int = 100


def page_view_counts(product_ids, start, end):
    return (
        ProductView.objects.filter(product_id__in=product_ids, date__range=(start, end))
        .values_list("product_id", "date")
        .annotate(n=Sum("count"))
        .values_list("product_id", "date", "n")
    )


PAGE_VIEWS = Metric("views", _("Dilihat"), page_view_counts, order=10)


def all_metrics():
    metrics = [PAGE_VIEWS]
    for hook in hooks.get_hooks(HOOK_NAME):
        metrics.append(hook())
    return sorted(metrics, key=lambda m: m.order)


def sees_all_statistics(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm(VIEW_ALL_PERMISSION))


def products_for(user):
    """The products whose statistics this user may see: all for operators, else their IKM's
    (drafts included: a product that was live has counts)."""
    if not user.is_authenticated:
        return ProductPage.objects.none()
    if sees_all_statistics(user):
        return ProductPage.objects.all()
    return ProductPage.objects.filter(vendor_id__in=vendors_owned_by(user))


def may_see_statistics(user):
    return sees_all_statistics(user) or bool(vendors_owned_by(user))


def days_between(start, end):
    return [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]


def month_bounds(year, month):
    start = datetime.date(year, month, 1)
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return start, following - datetime.timedelta(days=1)


def last_days(days=PANEL_DAYS, today=None):
    end = today or timezone.localdate()
    return end - datetime.timedelta(days=days - 1), end


class Counts:
    """Every metric's counts for some products between two dates: `by_day[key][date]`,
    `by_product[product_id][key]`, `totals[key]`."""

    def __init__(self, product_ids, start, end, metrics=None):
        self.metrics = metrics or all_metrics()
        self.start, self.end = start, end
        self.days = days_between(start, end)
        self.by_day = {m.key: dict.fromkeys(self.days, 0) for m in self.metrics}
        self.by_product = defaultdict(lambda: {m.key: 0 for m in self.metrics})
        self.totals = {m.key: 0 for m in self.metrics}
        product_ids = list(product_ids)
        if not product_ids:
            return
        for metric in self.metrics:
            for product_id, day, n in metric.counts(product_ids, start, end):
                if day not in self.by_day[metric.key]:
                    continue
                self.by_day[metric.key][day] += n
                self.by_product[product_id][metric.key] += n
                self.totals[metric.key] += n

    def series(self, key):
        return [self.by_day[key][day] for day in self.days]

    def grouped(self, group_of):
        """Sums per group: `group_of(product_id)` names each product's group (None: skipped)."""
        groups = defaultdict(lambda: {m.key: 0 for m in self.metrics})
        for product_id, counts in self.by_product.items():
            group = group_of(product_id)
            if group is None:
                continue
            for key, n in counts.items():
                groups[group][key] += n
        return dict(groups)
