"""The dashboard panel "Statistik 30 hari": totals and a small chart per metric for the last
30 days, of the owner's products (an operator's: every product), with the same numbers in a
table for those who do not see the charts."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from catalog.stats.charts import bar_chart
from catalog.stats.metrics import PANEL_DAYS, Counts, last_days, products_for


class StatisticsPanel(Component):
    name = "owner_statistics"
    template_name = "catalog/admin/statistics_panel.html"
    order = 45

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        start, end = last_days()
        product_ids = list(products_for(self.user).values_list("pk", flat=True))
        counts = Counts(product_ids, start, end)
        period = f"{date_format(start, 'j M')} – {date_format(end, 'j M Y')}"
        charts = [
            {
                "metric": m,
                "total": counts.totals[m.key],
                "svg": bar_chart(
                    counts.series(m.key),
                    counts.days,
                    _("%(metric)s per hari, %(period)s") % {"metric": m.label, "period": period},
                    f"dashboard-chart-{m.key}",
                ),
            }
            for m in counts.metrics
        ]
        return {
            "charts": charts,
            "metrics": counts.metrics,
            "rows": [
                (day, [counts.by_day[m.key][day] for m in counts.metrics]) for day in counts.days
            ],
            "days": PANEL_DAYS,
            "period": period,
        }
