"""The operators' report of the partnerships (*Laporan → Kebutuhan Industri*): tables, SVG
charts per month and CSV downloads, for a range of months."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from catalog.money import format_rupiah
from catalog.stats.charts import bar_chart
from inquiries.admin_views import MonthRangeForm, csv_response, default_month_range
from sourcing.quote_access import is_operator
from sourcing.quote_charts import labelled_bar_chart
from sourcing.quote_reports import GROUPINGS, METRIC_LABELS, METRICS, report, totals


class SourcingReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "sourcing/quotes/admin/reports.html"
    page_title = gettext_lazy("Laporan Kebutuhan Industri")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not is_operator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def month_range(self, form):
        default_start, default_end = default_month_range()
        if not form.is_valid():
            return default_start, default_end
        end = form.cleaned_data.get("end") or default_end
        start = form.cleaned_data.get("start") or min(default_start, end)
        return min(start, end), end

    def get(self, request, *args, **kwargs):
        form = MonthRangeForm(request.GET)
        start, end = self.month_range(form)
        export = request.GET.get("export")
        if export in GROUPINGS:
            return self.csv(export, start, end)
        tables = []
        for grouping, title in GROUPINGS.items():
            rows = report(grouping, start, end)
            tables.append(
                {"grouping": grouping, "title": title, "rows": rows, "totals": totals(rows)}
            )
        monthly = tables[0]["rows"]
        charts = [
            bar_chart(
                [row.values[metric] for row in monthly],
                [row.key for row in monthly],
                METRIC_LABELS[metric],
                f"chart-{metric}",
            )
            for metric in METRICS
        ]
        for table in tables[1:]:
            table["chart"] = labelled_bar_chart(
                [(row.label, row.values["value"]) for row in table["rows"]],
                _("%(metric)s, %(grouping)s")
                % {"metric": METRIC_LABELS["value"], "grouping": table["title"].lower()},
                f"chart-value-{table['grouping']}",
                format_rupiah,
            )
        context = self.get_context_data(
            form=form,
            start=start,
            end=end,
            tables=tables,
            charts=charts,
            metric_labels=[METRIC_LABELS[m] for m in METRICS],
            metrics=METRICS,
            query=urlencode({"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"}),
        )
        return self.render_to_response(context)

    def csv(self, grouping, start, end):
        rows = report(grouping, start, end)
        heading = {"bulan": _("Bulan"), "sektor": _("Sektor"), "wilayah": _("Wilayah")}[grouping]
        lines = [[heading, *(str(METRIC_LABELS[m]) for m in METRICS)]]
        lines += [[row.label, *(row.values[m] for m in METRICS)] for row in rows]
        total = totals(rows)
        lines.append([_("Total"), *(total[m] for m in METRICS)])
        filename = f"kebutuhan-{grouping}-{start:%Y%m}-{end:%Y%m}.csv"
        return csv_response(filename, lines)
