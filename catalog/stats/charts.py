"""Small bar charts as server-rendered SVG: no script, no CDN, readable without colour.

Each chart is `role="img"` with a `<title>` and `<desc>` (the screen reader's summary), and
the page beside it shows the same numbers as a table. Bars use `currentColor`, so the admin's
theme (and dark mode) colours them.
"""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

WIDTH = 300
HEIGHT = 60
GAP = 1


def bar_chart(values, days, title, chart_id):
    """An SVG of one bar per day. `values` and `days` run in parallel."""
    top = max(values, default=0)
    count = max(len(values), 1)
    step = WIDTH / count
    bars = []
    for i, (value, day) in enumerate(zip(values, days, strict=True)):
        height = round(HEIGHT * value / top, 2) if top else 0
        bars.append(
            (
                round(i * step, 2),
                round(HEIGHT - height, 2),
                round(max(step - GAP, 0.5), 2),
                height,
                f"{date_format(day, 'j M')}: {value}",
            )
        )
    description = ""
    if days:
        description = f"{date_format(days[0], 'j M Y')} – {date_format(days[-1], 'j M Y')}: "
        description += f"{sum(values)}, maks. {top}"
    return format_html(
        '<svg class="stats-chart" id="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'viewBox="0 0 {} {}" preserveAspectRatio="none" width="100%" height="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title>'
        '<desc id="{}-desc">{}</desc>'
        '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-opacity="0.4"/>'
        "{}</svg>",
        chart_id,
        chart_id,
        chart_id,
        WIDTH,
        HEIGHT,
        HEIGHT,
        chart_id,
        title,
        chart_id,
        description,
        HEIGHT,
        WIDTH,
        HEIGHT,
        format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor">'
            "<title>{}</title></rect>",
            bars,
        ),
    )
