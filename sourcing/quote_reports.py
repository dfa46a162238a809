"""The Dinas' view of the partnerships: requests, quotes, awards and awarded value per month,
sector and region, for operators, with SVG charts (catalog/stats/charts.py) and CSV.

Requests count by publication month, quotes (submitted, never drafts) by the month they were
last saved, awards and their value (unit price × awarded quantity) by the month the request was
closed. Sector is the buyer company's, region the request's delivery region.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inquiries.reports import first_of_month, months_between, next_month
from sourcing.models import Quote, Sector, SourcingRequest

METRICS = ("requests", "quotes", "awards", "value")
METRIC_LABELS = {
    "requests": _("Kebutuhan"),
    "quotes": _("Penawaran"),
    "awards": _("Pemenang"),
    "value": _("Nilai dimenangkan (Rp)"),
}
GROUPINGS = {
    "bulan": _("Per bulan"),
    "sektor": _("Per sektor"),
    "wilayah": _("Per wilayah"),
}
NO_REGION = "—"


@dataclass
class Row:
    key: object
    label: str
    values: dict = field(default_factory=lambda: dict.fromkeys(METRICS, 0))


def _aware(month):
    return timezone.make_aware(datetime.datetime.combine(first_of_month(month), datetime.time()))


def _between(queryset, date_field, start, end):
    return queryset.filter(
        **{f"{date_field}__gte": _aware(start), f"{date_field}__lt": _aware(next_month(end))}
    )


def _group_values(grouping, prefix, date_field):
    if grouping == "bulan":
        return {"key": TruncMonth(date_field)}
    if grouping == "sektor":
        return {"key": F(f"{prefix}company__sector")}
    return {"key": F(f"{prefix}delivery_region__name")}


def _counts(grouping, start, end):
    """{key: {metric: number}} for one grouping."""
    result = {}

    def add(rows, metric, column):
        for row in rows:
            key = row["key"]
            if isinstance(key, datetime.datetime):
                key = timezone.localtime(key).date() if timezone.is_aware(key) else key.date()
            result.setdefault(key, dict.fromkeys(METRICS, 0))[metric] += row[column] or 0

    requests = _between(
        SourcingRequest.objects.exclude(published_at=None), "published_at", start, end
    )
    add(
        requests.annotate(**_group_values(grouping, "", "published_at"))
        .values("key")
        .annotate(n=Count("pk")),
        "requests",
        "n",
    )
    quotes = _between(Quote.objects.exclude(status=Quote.Status.DRAFT), "created_at", start, end)
    add(
        quotes.annotate(**_group_values(grouping, "request__", "created_at"))
        .values("key")
        .annotate(n=Count("pk")),
        "quotes",
        "n",
    )
    awards = _between(
        Quote.objects.filter(status=Quote.Status.AWARDED), "request__closed_at", start, end
    )
    value = ExpressionWrapper(
        F("unit_price") * F("awarded_quantity"),
        output_field=DecimalField(max_digits=28, decimal_places=2),
    )
    add(
        awards.annotate(**_group_values(grouping, "request__", "request__closed_at"))
        .values("key")
        .annotate(n=Count("pk")),
        "awards",
        "n",
    )
    add(
        awards.annotate(**_group_values(grouping, "request__", "request__closed_at"))
        .values("key")
        .annotate(v=Sum(value)),
        "value",
        "v",
    )
    return result


def report(grouping, start, end):
    """Rows for one grouping between the months `start` and `end`, both included."""
    counts = _counts(grouping, start, end)
    if grouping == "bulan":
        keys = months_between(start, end)
        label = lambda key: f"{key:%Y-%m}"  # noqa: E731
    elif grouping == "sektor":
        keys = [code for code, _label in Sector.choices if code in counts]
        labels = dict(Sector.choices)
        label = lambda key: str(labels[key])  # noqa: E731
    else:
        keys = sorted(counts, key=lambda k: (k is None, k or ""))
        label = lambda key: key or NO_REGION  # noqa: E731
    rows = []
    for key in keys:
        row = Row(key=key, label=label(key))
        row.values.update(counts.get(key, {}))
        row.values["value"] = int(Decimal(row.values["value"] or 0))
        rows.append(row)
    return rows


def totals(rows):
    return {metric: sum(row.values[metric] for row in rows) for metric in METRICS}
