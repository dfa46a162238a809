from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo catalog's data and its `load_demo_catalog` / `load_demo_showroom` commands."""

    name = "demo"
    verbose_name = "Demo"
