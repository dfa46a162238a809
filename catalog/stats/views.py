"""The statistics pages of the admin: a month of every product the user may see (owners their
IKM's, operators all, also summed by category and region), one product's month day by day, and
each as CSV. Another IKM's product answers 404; a user with no IKM and no operator right, 403.
"""

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.stats.charts import bar_chart
from catalog.stats.metrics import (
    Counts,
    may_see_statistics,
    month_bounds,
    products_for,
    sees_all_statistics,
)

MONTHS_OFFERED = 12
GROUPINGS = ("produk", "kategori", "wilayah")


class StatisticsAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_see_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def chosen_month(request):
    """(year, month) from ?bulan=YYYY-MM, else this month; a month ahead is this month."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("bulan", "").split("-"))
        if not (2000 <= year <= today.year and 1 <= month <= 12):
            raise ValueError
    except ValueError:
        return today.year, today.month
    if (year, month) > (today.year, today.month):
        return today.year, today.month
    return year, month


def recent_months(count=MONTHS_OFFERED):
    today = timezone.localdate()
    year, month = today.year, today.month
    months = []
    for _i in range(count):
        months.append(
            {
                "value": f"{year:04d}-{month:02d}",
                "label": date_format(datetime.date(year, month, 1), "F Y"),
            }
        )
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def _category_group(product):
    category = product.category
    if category is None:
        return _("Tanpa kategori")
    return (category.parent if category.parent_id else category).name


def _region_group(product):
    region = product.vendor.region if product.vendor_id else None
    return region.name if region is not None else _("Tanpa wilayah")


def month_report(user, year, month):
    """Rows per product (and, for operators, per category and region) of one month."""
    start, end = month_bounds(year, month)
    products = list(
        products_for(user)
        .select_related("vendor", "vendor__region", "category", "category__parent")
        .order_by("vendor__title", "title")
    )
    counts = Counts([p.pk for p in products], start, end)
    by_id = {p.pk: p for p in products}
    report = {
        "metrics": counts.metrics,
        "start": start,
        "end": end,
        "totals": [counts.totals[m.key] for m in counts.metrics],
        "produk": [
            {
                "product": p,
                "label": p.title,
                "ikm": p.vendor.title if p.vendor_id else "",
                "values": [counts.by_product[p.pk][m.key] for m in counts.metrics],
            }
            for p in products
        ],
    }
    if sees_all_statistics(user):
        for grouping, group_of in (("kategori", _category_group), ("wilayah", _region_group)):
            groups = counts.grouped(lambda pk, group_of=group_of: group_of(by_id[pk]))
            report[grouping] = [
                {"label": label, "values": [sums[m.key] for m in counts.metrics]}
                for label, sums in sorted(groups.items(), key=lambda item: str(item[0]))
            ]
    return report


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads UTF-8 with a byte order mark
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


class AdminPageMixin(WagtailAdminTemplateMixin):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class StatisticsIndexView(StatisticsAccessMixin, AdminPageMixin, TemplateView):
    template_name = "catalog/admin/statistics.html"
    page_title = gettext_lazy("Statistik produk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = chosen_month(self.request)
        report = month_report(self.request.user, year, month)
        context.update(
            report=report,
            chosen=f"{year:04d}-{month:02d}",
            months=recent_months(),
            month_label=date_format(report["start"], "F Y"),
            operator=sees_all_statistics(self.request.user),
        )
        return context


class StatisticsCsvView(StatisticsAccessMixin, View):
    def get(self, request):
        year, month = chosen_month(request)
        grouping = request.GET.get("per", "produk")
        report = month_report(request.user, year, month)
        if grouping not in GROUPINGS or grouping not in report:
            raise Http404
        header = [_("Bulan")]
        if grouping == "produk":
            header += [_("Produk"), _("IKM")]
        else:
            header.append(_("Kategori") if grouping == "kategori" else _("Wilayah"))
        header += [str(m.label) for m in report["metrics"]]
        label = f"{year:04d}-{month:02d}"
        rows = []
        for row in report[grouping]:
            names = [row["label"], row["ikm"]] if grouping == "produk" else [row["label"]]
            rows.append([label, *names, *row["values"]])
        return csv_response(f"statistik-{grouping}-{label}.csv", header, rows)


def product_month(user, product_id, year, month):
    product = get_object_or_404(products_for(user).select_related("vendor"), pk=product_id)
    start, end = month_bounds(year, month)
    end = min(end, timezone.localdate())
    counts = Counts([product.pk], start, end)
    return product, counts


class ProductStatisticsView(StatisticsAccessMixin, AdminPageMixin, TemplateView):
    template_name = "catalog/admin/product_statistics.html"

    def get_page_title(self):
        return _("Statistik: %(product)s") % {"product": self.product.title}

    def get_context_data(self, **kwargs):
        year, month = chosen_month(self.request)
        self.product, counts = product_month(self.request.user, kwargs["pk"], year, month)
        context = super().get_context_data(**kwargs)
        charts = [
            {
                "metric": m,
                "total": counts.totals[m.key],
                "svg": bar_chart(
                    counts.series(m.key),
                    counts.days,
                    f"{m.label}, {date_format(counts.start, 'F Y')}",
                    f"chart-{m.key}",
                ),
            }
            for m in counts.metrics
        ]
        context.update(
            product=self.product,
            charts=charts,
            metrics=counts.metrics,
            rows=[
                (day, [counts.by_day[m.key][day] for m in counts.metrics]) for day in counts.days
            ],
            chosen=f"{year:04d}-{month:02d}",
            months=recent_months(),
            month_label=date_format(counts.start, "F Y"),
            index_url=reverse("catalog_stats:index"),
        )
        return context


class ProductStatisticsCsvView(StatisticsAccessMixin, View):
    def get(self, request, pk):
        year, month = chosen_month(request)
        product, counts = product_month(request.user, pk, year, month)
        header = [_("Tanggal"), *(str(m.label) for m in counts.metrics)]
        rows = [
            [day.isoformat(), *(counts.by_day[m.key][day] for m in counts.metrics)]
            for day in counts.days
        ]
        return csv_response(f"statistik-{product.slug}-{year:04d}-{month:02d}.csv", header, rows)
