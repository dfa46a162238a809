"""Inquiry counts per month, by IKM, by product category and by region, for the operators.

`monthly_counts` does the counting (one GROUP BY query on TruncMonth per grouping);
`inquiry_report` turns the counts into tables, one row per IKM / category / region and one
column per month, with totals. Months are calendar months in the current time zone.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, DateField
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Inquiry

NO_CATEGORY = "—"  # inquiries about the IKM as a whole, or whose product was deleted

# key: (title, the values() that identify a row)
GROUPINGS = {
    "ikm": (_("Per IKM"), ("vendor_id", "vendor__title")),
    "kategori": (
        _("Per kategori"),
        ("product__category_id", "product__category__name", "product__category__parent__name"),
    ),
    "wilayah": (_("Per wilayah"), ("vendor__region_id", "vendor__region__name")),
}


def first_of_month(day):
    return day.replace(day=1)


def next_month(month):
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def months_between(start, end):
    """First days of the months from `start` to `end`, both included."""
    months = []
    month = first_of_month(start)
    while month <= end:
        months.append(month)
        month = next_month(month)
    return months


def _month_start(month):
    """Midnight on the first day of `month`, in the current time zone."""
    return timezone.make_aware(datetime.datetime.combine(first_of_month(month), datetime.time()))


def inquiries_between(start=None, end=None, queryset=None):
    """Inquiries received from the first day of `start`'s month to the last day of `end`'s."""
    queryset = Inquiry.objects.all() if queryset is None else queryset
    if start is not None:
        queryset = queryset.filter(created_at__gte=_month_start(start))
    if end is not None:
        queryset = queryset.filter(created_at__lt=_month_start(next_month(first_of_month(end))))
    return queryset


def _label(grouping, row):
    if grouping == "ikm":
        return row["vendor__title"]
    if grouping == "wilayah":
        return row["vendor__region__name"]
    if row["product__category_id"] is None:
        return NO_CATEGORY
    parent = row["product__category__parent__name"]
    name = row["product__category__name"]
    return f"{parent} › {name}" if parent else name


def monthly_counts(grouping, start=None, end=None, queryset=None):
    """[(month, key, label, count)] for one grouping ("ikm", "kategori" or "wilayah").

    `month` is the first day of the month (a date); `key` is the IKM's, category's or
    region's id (None for inquiries without a product category).
    """
    values = GROUPINGS[grouping][1]
    rows = (
        inquiries_between(start, end, queryset)
        .annotate(month=TruncMonth("created_at", output_field=DateField()))
        .values("month", *values)
        .annotate(count=Count("pk"))
        .order_by("month", *values)
    )
    return [(row["month"], row[values[0]], _label(grouping, row), row["count"]) for row in rows]


@dataclass
class ReportRow:
    key: object
    label: str
    counts: list
    total: int = 0


@dataclass
class ReportTable:
    grouping: str
    title: str
    months: list
    rows: list = field(default_factory=list)
    month_totals: list = field(default_factory=list)
    total: int = 0


def report_table(grouping, start, end, queryset=None):
    """One table: a row per group (most inquiries first), a column per month, with totals."""
    months = months_between(start, end)
    index = {month: i for i, month in enumerate(months)}
    rows = {}
    for month, key, label, count in monthly_counts(grouping, start, end, queryset):
        row = rows.setdefault(key, ReportRow(key, label, [0] * len(months)))
        row.counts[index[month]] += count
        row.total += count
    table = ReportTable(
        grouping=grouping,
        title=GROUPINGS[grouping][0],
        months=months,
        rows=sorted(rows.values(), key=lambda r: (-r.total, str(r.label).lower())),
    )
    table.month_totals = [sum(row.counts[i] for row in table.rows) for i in range(len(months))]
    table.total = sum(table.month_totals)
    return table


def inquiry_report(start, end, queryset=None):
    """The three tables (IKM, category, region) for the months from `start` to `end`."""
    return [report_table(grouping, start, end, queryset) for grouping in GROUPINGS]
