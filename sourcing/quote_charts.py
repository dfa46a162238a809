"""Labelled horizontal bars as server-rendered SVG, for the report's sector and region tables.

catalog/stats/charts.py draws one bar per day along a time axis; sectors and regions need a
name beside each bar, so this is its small sibling with the same conventions: `role="img"`,
`<title>` and `<desc>`, `currentColor`, no script, the same numbers in the table beside it.
"""

from django.utils.html import format_html, format_html_join

WIDTH = 300
ROW = 18
LABEL_WIDTH = 110


def labelled_bar_chart(items, title, chart_id, format_value=str):
    """`items` are (label, value) pairs; one bar per pair, longest for the largest value."""
    top = max((value for _label, value in items), default=0)
    bar_space = WIDTH - LABEL_WIDTH
    rows = []
    for index, (label, value) in enumerate(items):
        length = round(bar_space * value / top, 2) if top else 0
        y = index * ROW
        rows.append(
            (
                y + ROW * 0.7,
                str(label)[:18],
                LABEL_WIDTH,
                y + 2,
                length,
                ROW - 4,
                f"{label}: {format_value(value)}",
            )
        )
    height = max(len(items), 1) * ROW
    description = "; ".join(f"{label}: {format_value(value)}" for label, value in items)
    return format_html(
        '<svg class="stats-chart" id="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'viewBox="0 0 {} {}" width="100%" height="{}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        chart_id,
        chart_id,
        chart_id,
        WIDTH,
        height,
        height,
        chart_id,
        title,
        chart_id,
        description,
        format_html_join(
            "",
            '<text x="0" y="{}" font-size="11" fill="currentColor">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor">'
            "<title>{}</title></rect>",
            rows,
        ),
    )
