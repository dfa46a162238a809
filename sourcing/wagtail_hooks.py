"""Wagtail hooks of Kebutuhan Industri: each part registers its own in its module."""

from sourcing import admin_quotes  # noqa: F401
