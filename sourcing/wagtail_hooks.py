"""The sourcing app's admin hooks. Each part registers its hooks in a module of its own;
importing it here is what makes Wagtail see them (Wagtail imports only `wagtail_hooks`)."""

from sourcing import (
    admin_buyers,  # noqa: F401  (buyers: operators verify companies)
    admin_quotes,  # noqa: F401  (quotes: IKM quote, operators' report)
)
