"""Human-readable references for records buyers quote (INQ-2026-000123, ORD-2026-000123)."""

from django.db import transaction


def save_with_reference(instance, save, prefix):
    """Run `save` and, on the first save, give `instance.reference` = <prefix>-<year>-<id> in the
    same transaction (the id is only known after the insert)."""
    with transaction.atomic():
        save()
        if not instance.reference:
            instance.reference = f"{prefix}-{instance.created_at:%Y}-{instance.pk:06d}"
            type(instance)._default_manager.filter(pk=instance.pk).update(
                reference=instance.reference
            )
