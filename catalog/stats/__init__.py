"""Owners' and operators' statistics: page views (counted here), WhatsApp clicks, inquiries and
orders (counted by their own apps, which register a metric through the
`register_product_statistics` Wagtail hook, so catalog imports none of them).

metrics.py gathers the counts; beacon.py counts views; charts.py draws SVG; views.py and
panel.py show them in the admin.
"""
