"""Rupiah amounts: whole rupiah in the database, 'Rp 150.000' on screen."""

from django.utils.translation import get_language


def format_rupiah(amount, language=None):
    """Format whole rupiah: 'Rp 150.000' in Indonesian, 'Rp 150,000' in English."""
    if amount is None:
        return ""
    language = (language or get_language() or "id")[:2]
    grouped = f"{int(amount):,}"
    if language != "en":
        grouped = grouped.replace(",", ".")
    return f"Rp {grouped}"
